// When deadline alerts go out. One rule, shared by the Worker's scheduled handler and the extension.
//
// The alert for a lead time of N days goes at 07:00 London time on the calendar day N days
// before the deadline's London date, so it arrives at the start of a working day and at the
// same hour as the daily digest (people who prefer the digest get that morning's alerts in
// it). Counting London calendar days keeps 07:00 local on both sides of a clock change.
// "On the day" (0) for a deadline at or before 07:00 goes one hour before the deadline instead.
import { addCalendarDays, londonDate, londonInstant } from "../time";

export const ALERT_TIME = "07:00";

/** The lead times a person gets unless they choose others: 14, 7, 2 and 1 days before, and on the day. */
export const DEFAULT_LEAD_TIMES = [14, 7, 2, 1, 0] as const;

/** The lead times people choose from, in their words (the web account page and the extension's options). */
export const LEAD_TIME_CHOICES = [
  { days: 14, label: "2 weeks before" },
  { days: 7, label: "1 week before" },
  { days: 2, label: "2 days before" },
  { days: 1, label: "The day before" },
  { days: 0, label: "On the day" },
] as const;

/** What a deadline is: a consultation or petition closing, a petition's response due, a request's reply due. */
export const deadlineKinds = ["closes", "response_due", "reply_due"] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];

export interface Deadline {
  kind: DeadlineKind;
  /** ISO 8601 UTC instant. */
  at: string;
}

const HOUR = 3_600_000;

/** The instant the alert for `leadDays` before `deadlineAt` is due. Always before the deadline. */
export function alertMoment(deadlineAt: string, leadDays: number): Date {
  const morning = londonInstant(addCalendarDays(londonDate(deadlineAt), -leadDays), ALERT_TIME);
  const deadline = Date.parse(deadlineAt);
  return morning.getTime() < deadline ? morning : new Date(deadline - HOUR);
}

/** True when the alert goes at the regular morning time (not the early fallback), so it can wait for the digest. */
export function isMorningAlert(deadlineAt: string, leadDays: number): boolean {
  return londonInstant(addCalendarDays(londonDate(deadlineAt), -leadDays), ALERT_TIME).getTime() < Date.parse(deadlineAt);
}

/** The person's lead times whose alert moment for this deadline has passed (largest first). */
export function leadTimesReached(deadlineAt: string, leadTimes: readonly number[], now: Date): number[] {
  return [...leadTimes].sort((a, b) => b - a).filter((days) => alertMoment(deadlineAt, days).getTime() <= now.getTime());
}

/** The earliest alert moment at or after `from` over every deadline and lead time; null when none is left. */
export function nextAlertAt(deadlines: readonly Deadline[], leadTimes: readonly number[], from: Date): Date | null {
  let next: number | null = null;
  for (const d of deadlines) {
    for (const days of leadTimes) {
      const at = alertMoment(d.at, days).getTime();
      if (at >= from.getTime() && (next === null || at < next)) next = at;
    }
  }
  return next === null ? null : new Date(next);
}

export interface DueAlert {
  deadline: Deadline;
  leadDays: number;
}

/**
 * The alerts to send now for a watch whose alerts before `since` were already handled: for
 * each deadline still ahead, the latest lead time whose moment lies in [since, now]. When
 * several have passed (the watch was added late, or the scheduler was down), only the most
 * imminent is sent: "14 days to go" two days before is noise.
 */
export function dueAlerts(deadlines: readonly Deadline[], leadTimes: readonly number[], since: Date, now: Date): DueAlert[] {
  const due: DueAlert[] = [];
  for (const deadline of deadlines) {
    if (Date.parse(deadline.at) <= now.getTime()) continue;
    let best: { leadDays: number; at: number } | null = null;
    for (const leadDays of leadTimes) {
      const at = alertMoment(deadline.at, leadDays).getTime();
      if (at < since.getTime() || at > now.getTime()) continue;
      if (!best || at > best.at) best = { leadDays, at };
    }
    if (best) due.push({ deadline, leadDays: best.leadDays });
  }
  return due;
}
