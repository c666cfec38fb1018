// An obligation's named conditions, each declared once (open, overdue, answered, answered late, the
// status and the list filters: data in shared/conditions.ts giving both the predicate and the SQL;
// tests/unit/obligationRules.test.ts shows the two agree), and who may raise which statutory
// request, with whom, and how its due date is set.
import { and, at, type Choice, type Condition, choose, eq, ge, holds, isNull, lt, NOW, val } from "../conditions";
import type { RecordScope } from "../permissions";
import type { OrganisationKind } from "../roles";
import { calendarDaysBetween } from "../time";
import type { ObligationKind, ObligationState } from "./machine";

// ---------------------------------------------------------------- conditions

/** The obligation columns the conditions read (names as in the database). */
export type ObligationColumn = "state" | "due_at" | "met_late" | "overdue_at";
type ObligationCondition = Condition<ObligationColumn>;
export type ObligationRuleRow = { readonly [K in ObligationColumn]?: string | number | null };

const stateIs = (state: ObligationState): ObligationCondition => eq("state", state);

/** Waiting for a reply, on time or not. */
export const unanswered = stateIs("open");
export const answered = stateIs("met");
export const withdrawn = stateIs("withdrawn");
/**
 * Waiting for a reply past its due moment (the end of the due day, London): a reply now is late.
 * Its complement among unanswered ones, openOnTime, says `due_at >= now` rather than NOT (…), so
 * both walk a due-date index.
 */
export const overdue = and(unanswered, lt<ObligationColumn>("due_at", NOW));
export const openOnTime = and(unanswered, ge<ObligationColumn>("due_at", NOW));
/** Answered after its due moment (recorded with the reply: met_late is 1). */
export const answeredLate = and(answered, eq<ObligationColumn>("met_late", 1));
/** Not yet stamped overdue by the scheduled handler: the partial index obligations_becoming_overdue (migration 0020). */
export const awaitingOverdueStamp = and(unanswered, isNull<ObligationColumn>("overdue_at"));
/** What the scheduled handler stamps (once): overdue, and not yet stamped. */
export const becomingOverdue = and(awaitingOverdueStamp, overdue);

/** The statuses people read: the state, with unanswered ones past their due moment shown as overdue. */
export const obligationStatuses = ["open", "overdue", "met", "withdrawn"] as const;
export type ObligationStatus = (typeof obligationStatuses)[number];

export const status: Choice<ObligationColumn> = {
  when: [
    { if: overdue, gives: val("overdue") },
    { if: unanswered, gives: val("open") },
    { if: answered, gives: val("met") },
  ],
  otherwise: val("withdrawn"),
};

/** Each list filter: a status, or "unanswered" (open, overdue or not). */
export const filterConditions: Record<ObligationStatus | "unanswered", ObligationCondition> = {
  open: openOnTime,
  overdue,
  unanswered,
  met: answered,
  withdrawn,
};
export type ObligationFilter = keyof typeof filterConditions;

// ---------------------------------------------------------------- predicates for the Worker and pages

const isStatus = (value: unknown): value is ObligationStatus => obligationStatuses.some((s) => s === value);

export function obligationStatus(o: ObligationRuleRow, now: Date): ObligationStatus {
  const chosen = choose(status, o, at(now));
  if (!isStatus(chosen)) throw new Error(`No status for an obligation in the state ${String(o.state)}`);
  return chosen;
}
export const isUnanswered = (o: ObligationRuleRow): boolean => holds(unanswered, o);
export const isOverdue = (o: ObligationRuleRow, now: Date): boolean => holds(overdue, o, at(now));
export const isAnsweredLate = (o: ObligationRuleRow): boolean => holds(answeredLate, o);

// ---------------------------------------------------------------- raising

/** Kinds people raise on the web and API (a petition response is created by the petition's own path). */
export const raisableKinds = ["information_request", "report", "osc_referral", "osc_consultation_response"] as const;
export type RaisableKind = (typeof raisableKinds)[number];

/** Bodies a LINk can ask for information or send reports to: commissioners and providers. */
const COMMISSIONERS_AND_PROVIDERS: readonly OrganisationKind[] = [
  "pct",
  "ccg",
  "trust",
  "foundation_trust",
  "local_authority",
  "health_and_wellbeing_board",
  "other",
];
const INVOLVEMENT_NETWORKS: readonly OrganisationKind[] = ["link", "healthwatch"];
const SCRUTINY: readonly OrganisationKind[] = ["osc"];

export type AreaPeriodSetting = "information_request_working_days" | "report_working_days" | "referral_working_days";

export interface RaiseRule {
  /** Which side raises it and may add notes or withdraw it: the one owed (a LINk), or the one owing (the OSC records a consultation it must answer). */
  raisedBy: "owed_to" | "owed_by";
  owedBy: readonly OrganisationKind[];
  owedTo: readonly OrganisationKind[];
  /** Working days from the area's setting, or a date the consulting body set. */
  due: { workingDays: AreaPeriodSetting } | "date_given";
  /** For forms: who it is addressed to, in plain words. */
  addressedTo: string;
}

export const raiseRules: Record<RaisableKind, RaiseRule> = {
  information_request: {
    raisedBy: "owed_to",
    owedBy: COMMISSIONERS_AND_PROVIDERS,
    owedTo: INVOLVEMENT_NETWORKS,
    due: { workingDays: "information_request_working_days" },
    addressedTo: "a commissioner or provider of services",
  },
  report: {
    raisedBy: "owed_to",
    owedBy: COMMISSIONERS_AND_PROVIDERS,
    owedTo: INVOLVEMENT_NETWORKS,
    due: { workingDays: "report_working_days" },
    addressedTo: "a commissioner or provider of services",
  },
  osc_referral: {
    raisedBy: "owed_to",
    owedBy: SCRUTINY,
    owedTo: INVOLVEMENT_NETWORKS,
    due: { workingDays: "referral_working_days" },
    addressedTo: "the overview and scrutiny committee",
  },
  osc_consultation_response: {
    raisedBy: "owed_by",
    owedBy: SCRUTINY,
    owedTo: COMMISSIONERS_AND_PROVIDERS,
    due: "date_given",
    addressedTo: "the overview and scrutiny committee",
  },
};

export function isRaisable(kind: ObligationKind): kind is RaisableKind {
  return (raisableKinds as readonly string[]).includes(kind);
}

/** The organisation acting for the raising side of an obligation (adds notes, withdraws). */
export function raisingOrganisationId(o: {
  kind: ObligationKind;
  owed_by_organisation_id: number;
  owed_to_organisation_id: number | null;
}): number | null {
  const rule = isRaisable(o.kind) ? raiseRules[o.kind] : null;
  // A petition response is owed to the public through the scrutiny committee: its raising side is whoever it is owed to.
  if (!rule || rule.raisedBy === "owed_to") return o.owed_to_organisation_id;
  return o.owed_by_organisation_id;
}

/** "due today", "due tomorrow", "due in 3 days", "1 day overdue", "12 days overdue" */
export function describeDue(dueAt: string, now: Date): string {
  const days = calendarDaysBetween(now, dueAt);
  if (Date.parse(dueAt) > now.getTime()) {
    if (days <= 0) return "due today";
    return days === 1 ? "due tomorrow" : `due in ${days} days`;
  }
  if (days === 0) return "was due today";
  return -days === 1 ? "1 day overdue" : `${-days} days overdue`;
}

/** Both sides may see an obligation: the organisation that owes it and the one it is owed to. */
export function obligationScope(o: {
  area_id: number;
  owed_by_organisation_id: number;
  owed_to_organisation_id: number | null;
}): RecordScope {
  return {
    areaId: o.area_id,
    organisationIds: [o.owed_by_organisation_id, ...(o.owed_to_organisation_id ? [o.owed_to_organisation_id] : [])],
  };
}
