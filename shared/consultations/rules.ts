// A consultation's named conditions, each declared once: its status at the moment of reading, the
// list filters, "closing soon", "still open", "outcome overdue" and what puts it on the clock. Each
// is data (shared/conditions.ts) giving both the predicate and the SQL; tests/unit/consultationRules.test.ts
// shows the two agree on random consultations at random instants.
import {
  and,
  type Choice,
  type Condition,
  choose,
  eq,
  gt,
  holds,
  isIn,
  isNull,
  le,
  lt,
  NOW,
  notNull,
  or,
  type Params,
  param,
  val,
} from "../conditions";
import type { ConsultationState } from "./machine";
import { CLOSING_SOON_DAYS, type ConsultationFilter, type ConsultationStatus, consultationStatuses } from "./status";

/** The consultation columns the rules read (names as in the database). */
export type ConsultationColumn = "state" | "opens_at" | "closes_at" | "link_responded_at";

type ConsultationCondition = Condition<ConsultationColumn>;
export type ConsultationRuleRow = { readonly [K in ConsultationColumn]?: string | null };

const DAY = 86_400_000;
const WEEK = 7 * DAY;

/** CLOSING_SOON_DAYS after the moment of reading: a consultation closing by then is closing soon. */
const CLOSING_SOON_BY = param("closingSoonBy");
/** The area's outcome period before the moment of reading: closed before then with no outcome is overdue. */
const OUTCOME_OVERDUE_BEFORE = param("outcomeOverdueBefore");

/**
 * The parameters every consultation condition is read with. The outcome period is the area's
 * (`areas.outcome_overdue_weeks`); without it, a condition about overdue outcomes cannot be read.
 */
export function consultationParams(now: Date, outcomeOverdueWeeks?: number): Params {
  return {
    now: now.toISOString(),
    closingSoonBy: new Date(now.getTime() + CLOSING_SOON_DAYS * DAY).toISOString(),
    ...(outcomeOverdueWeeks === undefined
      ? {}
      : { outcomeOverdueBefore: new Date(now.getTime() - outcomeOverdueWeeks * WEEK).toISOString() }),
  };
}

const stateIs = (state: ConsultationState): ConsultationCondition => eq("state", state);

/** Neither withdrawn nor answered with an outcome: only an active consultation has deadlines. */
export const active = stateIs("active");
/** What lists show unless a filter says otherwise: everything not withdrawn. */
export const listed = isIn<ConsultationColumn>("state", ["active", "outcome_published"] satisfies ConsultationState[]);
const opened = or(isNull<ConsultationColumn>("opens_at"), le<ConsultationColumn>("opens_at", NOW));
/** Active, with its closing moment still to come: the outcome is published after it, the LINk responds before it. */
export const stillOpen = and(active, gt<ConsultationColumn>("closes_at", NOW));
/** Active with a closing date: on the clock until it closes, then until its outcome is published. */
export const onTheClock = and(active, notNull<ConsultationColumn>("closes_at"));
/** Closed, no outcome published, and more than the area's outcome period since closing: the feedback gap. */
export const outcomeOverdue = and(active, lt<ConsultationColumn>("closes_at", OUTCOME_OVERDUE_BEFORE));
/** Still open and the LINk has not recorded its response: on a LINk's clock until it closes. */
export const awaitingLinkResponse = and(stillOpen, isNull<ConsultationColumn>("link_responded_at"));

/**
 * The lists read soonest closing first, then those with no closing date: two walks of the
 * (area, state, closes_at) index rather than one sort of every active consultation.
 */
export const closingOrderWalks = {
  current: { dated: stillOpen, undated: and(active, isNull<ConsultationColumn>("closes_at")) },
  open: {
    dated: and(active, opened, gt<ConsultationColumn>("closes_at", CLOSING_SOON_BY)),
    undated: and(active, opened, isNull<ConsultationColumn>("closes_at")),
  },
} satisfies Partial<Record<ConsultationFilter, { dated: ConsultationCondition; undated: ConsultationCondition }>>;

/** Each list filter (and "listed", for none): a status, or "current", or "outcome overdue". */
export const filterConditions: Record<ConsultationFilter | "listed", ConsultationCondition> = {
  listed,
  current: or(closingOrderWalks.current.dated, closingOrderWalks.current.undated),
  upcoming: and(active, gt<ConsultationColumn>("opens_at", NOW)),
  open: or(closingOrderWalks.open.dated, closingOrderWalks.open.undated),
  closing_soon: and(active, opened, gt<ConsultationColumn>("closes_at", NOW), le<ConsultationColumn>("closes_at", CLOSING_SOON_BY)),
  closed: and(active, le<ConsultationColumn>("closes_at", NOW)),
  outcome_overdue: outcomeOverdue,
  outcome_published: stateIs("outcome_published"),
  withdrawn: stateIs("withdrawn"),
};

/** The one status people read: what people did first (withdrew it, published the outcome), then the dates. */
export const status: Choice<ConsultationColumn> = {
  when: [
    { if: stateIs("withdrawn"), gives: val("withdrawn") },
    { if: stateIs("outcome_published"), gives: val("outcome_published") },
    { if: gt("opens_at", NOW), gives: val("upcoming") },
    { if: le("closes_at", NOW), gives: val("closed") },
    { if: le("closes_at", CLOSING_SOON_BY), gives: val("closing_soon") },
  ],
  otherwise: val("open"),
};

// ---------------------------------------------------------------- predicates for the Worker, pages and extension

const isStatus = (value: unknown): value is ConsultationStatus => consultationStatuses.some((s) => s === value);

export function consultationStatus(c: ConsultationRuleRow, now: Date): ConsultationStatus {
  const chosen = choose(status, c, consultationParams(now));
  if (!isStatus(chosen)) throw new Error(`Not a consultation status: ${String(chosen)}`);
  return chosen;
}

export const isStillOpen = (c: ConsultationRuleRow, now: Date): boolean => holds(stillOpen, c, consultationParams(now));

/** Whether the outcome is overdue, with the area's outcome period (`areas.outcome_overdue_weeks`). */
export const isOutcomeOverdue = (c: ConsultationRuleRow, now: Date, outcomeOverdueWeeks: number): boolean =>
  holds(outcomeOverdue, c, consultationParams(now, outcomeOverdueWeeks));

/** When a missing outcome becomes overdue: closing plus the area's outcome period (null: none is owed). */
export function outcomeDueAt(c: ConsultationRuleRow, outcomeOverdueWeeks: number): string | null {
  if (!c.closes_at || !holds(onTheClock, c)) return null;
  return new Date(Date.parse(c.closes_at) + outcomeOverdueWeeks * WEEK).toISOString();
}
