// Deadlines in plain words and colours: "closes tomorrow", "reply due in 3 days", "overdue".
import type { AlertItem } from "#shared/schemas/watches";
import { describeClosing } from "#shared/consultations/status";
import { calendarDaysBetween } from "#shared/time";

/** How urgent a deadline is: the list's colour (always with words, never colour alone). */
export type Urgency = "past" | "urgent" | "soon" | "later";

const DAY = 86_400_000;

/** Within this many days a deadline counts on the badge ("closing within 7 days"). */
export const BADGE_DAYS = 7;

export function urgencyOf(deadlineAt: string, now: Date): Urgency {
  const left = Date.parse(deadlineAt) - now.getTime();
  if (left <= 0) return "past";
  if (left <= 2 * DAY) return "urgent";
  if (left <= BADGE_DAYS * DAY) return "soon";
  return "later";
}

const dueWords: Record<Exclude<AlertItem["deadlineKind"], "closes">, string> = {
  response_due: "response due",
  reply_due: "reply due",
};

/** A deadline in words, counted in London calendar days. */
export function describeDeadline(kind: AlertItem["deadlineKind"], deadlineAt: string, now: Date): string {
  if (kind === "closes") return describeClosing(deadlineAt, now);
  const what = dueWords[kind];
  if (Date.parse(deadlineAt) <= now.getTime()) return `${what}: overdue`;
  const days = calendarDaysBetween(now, deadlineAt);
  if (days === 0) return `${what} today`;
  if (days === 1) return `${what} tomorrow`;
  return `${what} in ${days} days`;
}

/** The consultations (and petitions) closing within 7 days: the number on the badge. Each record counts once. */
export function closingSoonCount(items: readonly AlertItem[], now: Date): number {
  const soon = items.filter(
    (i) => i.deadlineKind === "closes" && urgencyOf(i.deadlineAt, now) !== "past" && urgencyOf(i.deadlineAt, now) !== "later",
  );
  return new Set(soon.map((i) => `${i.targetKind}:${i.targetId}`)).size;
}
