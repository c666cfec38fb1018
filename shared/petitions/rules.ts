// A petition's named conditions, each declared once: "open for signing", "response owed",
// "overdue", the list filters, the status people read and the dashboard's urgency. Each is data
// (shared/conditions.ts) giving both the predicate and the SQL; tests/unit/petitionRules.test.ts
// shows the two agree on random petitions at random instants, and that the migration's generated
// columns and partial indexes are these same expressions.
import { and, type Choice, type Condition, choose, col, eq, holds, isIn, lt, NOW, or, type Params, at, gt, val } from "../conditions";
import type { PetitionState } from "./machine";
import type { PetitionFilter, PetitionStatus } from "./status";

/** The petition columns the rules read (names as in the database). */
export type PetitionColumn =
  | "state"
  | "response_state"
  | "scrutiny_state"
  | "response_due_at"
  | "closes_at"
  | "referred_at"
  | "petitioner_confirmed_at";

type PetitionCondition = Condition<PetitionColumn>;
export type PetitionRuleRow = { readonly [K in PetitionColumn]?: string | null };

const stateIs = (state: PetitionState): PetitionCondition => eq("state", state);

/** Public lists show these: not drafts, not waiting to be checked, not removed. */
export const publiclyListed = isIn<PetitionColumn>("state", ["open", "closed", "rejected"] satisfies PetitionState[]);
/** Opened for signatures at some point and not removed: the petitions that can be answered or referred. */
export const answerable = isIn<PetitionColumn>("state", ["open", "closed"] satisfies PetitionState[]);
/** Open, and its closing moment not yet come (the scheduled handler closes it soon after). */
export const openForSigning = and(stateIs("open"), gt<PetitionColumn>("closes_at", NOW));
export const responseOwed = and(eq<PetitionColumn>("response_state", "owed"), answerable);
export const responseOverdue = and(eq<PetitionColumn>("response_state", "owed"), lt<PetitionColumn>("response_due_at", NOW), answerable);
/** Open, with no response owed yet: what a responder sees coming. */
export const openNotYetOwed = and(stateIs("open"), eq<PetitionColumn>("response_state", "not_due"));
const responded = and(eq<PetitionColumn>("response_state", "responded"), answerable);
const referred = and(eq<PetitionColumn>("scrutiny_state", "referred"), answerable);
const considered = and(eq<PetitionColumn>("scrutiny_state", "considered"), answerable);
/** The clerks' "needs attention": waiting to be checked, or a response owed, or a referral waiting for the committee. */
const attention = or(
  stateIs("pending"),
  and(or(eq<PetitionColumn>("response_state", "owed"), eq<PetitionColumn>("scrutiny_state", "referred")), answerable),
);

/** Each list filter: a condition on one machine, so an open petition awaiting a response is in both. */
export const filterConditions: Record<PetitionFilter | "attention" | "pending" | "draft" | "removed", PetitionCondition> = {
  open: stateIs("open"),
  closed: stateIs("closed"),
  rejected: stateIs("rejected"),
  pending: stateIs("pending"),
  draft: stateIs("draft"),
  removed: stateIs("hidden"),
  response_owed: responseOwed,
  response_overdue: responseOverdue,
  responded,
  referred,
  considered,
  attention,
};

/** The filters that are only a state: lists may name the state as +p.state so SQLite keeps walking their order index. */
export const stateOnlyFilters: readonly string[] = ["open", "closed", "rejected", "pending", "draft", "removed"];

/**
 * The one status that best says where a petition is, the furthest step first: a scrutiny
 * outcome outranks a response, a response outranks being open.
 */
export const status: Choice<PetitionColumn> = {
  when: [
    { if: stateIs("draft"), gives: val("draft") },
    { if: stateIs("pending"), gives: val("pending") },
    { if: stateIs("rejected"), gives: val("rejected") },
    { if: stateIs("hidden"), gives: val("removed") },
    { if: eq("scrutiny_state", "considered"), gives: val("considered") },
    { if: eq("scrutiny_state", "referred"), gives: val("referred") },
    { if: eq("response_state", "responded"), gives: val("responded") },
    { if: and(eq("response_state", "owed"), lt("response_due_at", NOW)), gives: val("response_overdue") },
    { if: eq("response_state", "owed"), gives: val("response_owed") },
    { if: stateIs("open"), gives: val("open") },
  ],
  otherwise: val("closed"),
};

/**
 * The dashboard's order, most urgent first: responses owed (in due-date order, so the overdue
 * come first), referrals waiting for the committee, petitions waiting to be checked (the longest
 * waiting first), open petitions (the soonest closing first), then the rest, drafts last. Neither
 * reads the time, so both are generated columns with an index (migration 0060).
 */
export const urgencyRank: Choice<PetitionColumn> = {
  when: [
    { if: responseOwed, gives: val(1) },
    { if: referred, gives: val(2) },
    { if: stateIs("pending"), gives: val(3) },
    { if: stateIs("open"), gives: val(4) },
    { if: stateIs("draft"), gives: val(6) },
  ],
  otherwise: val(5),
};

export const urgencyKey: Choice<PetitionColumn> = {
  when: [
    { if: responseOwed, gives: col("response_due_at") },
    { if: referred, gives: col("referred_at") },
    { if: stateIs("pending"), gives: col("petitioner_confirmed_at") },
    { if: stateIs("open"), gives: col("closes_at") },
  ],
  otherwise: val(null),
};

// ---------------------------------------------------------------- predicates for the Worker, pages and extension

export const petitionStatus = (p: PetitionRuleRow, now: Date): PetitionStatus => choose(status, p, at(now)) as PetitionStatus;
export const isOpenForSigning = (p: PetitionRuleRow, now: Date): boolean => holds(openForSigning, p, at(now));
export const isAnswerable = (p: PetitionRuleRow): boolean => holds(answerable, p);
export const isPubliclyListed = (p: PetitionRuleRow): boolean => holds(publiclyListed, p);
export const isResponseOverdue = (p: PetitionRuleRow, now: Date): boolean => holds(responseOverdue, p, at(now));

/** The parameters every petition condition is read with. */
export const petitionParams = (now: Date): Params => at(now);
