// A consultation's status at the moment of reading, from its dates and recorded state.
import { calendarDaysBetween } from "../time";

export type ConsultationStatus = "upcoming" | "open" | "closing_soon" | "closed" | "outcome_published" | "withdrawn";

export const consultationStatusLabels: Record<ConsultationStatus, string> = {
  upcoming: "Not open yet",
  open: "Open",
  closing_soon: "Closing soon",
  closed: "Closed",
  outcome_published: "Outcome published",
  withdrawn: "Withdrawn",
};

/** "Closing soon" means closing within this many days. */
export const CLOSING_SOON_DAYS = 7;

interface ConsultationDates {
  state: string;
  opens_at: string | null;
  closes_at: string | null;
}

export function consultationStatus(c: ConsultationDates, now: Date): ConsultationStatus {
  if (c.state === "withdrawn") return "withdrawn";
  if (c.state === "outcome_published") return "outcome_published";
  const t = now.getTime();
  if (c.opens_at && t < Date.parse(c.opens_at)) return "upcoming";
  if (c.closes_at) {
    const closes = Date.parse(c.closes_at);
    if (t >= closes) return "closed";
    if (closes - t <= CLOSING_SOON_DAYS * 86_400_000) return "closing_soon";
  }
  return "open";
}

/**
 * Closed, no outcome published, and more than `weeks` weeks since closing: the
 * feedback gap the seed reports name most often.
 */
export function isOutcomeOverdue(c: ConsultationDates, now: Date, weeks: number): boolean {
  if (c.state !== "active" || !c.closes_at) return false;
  return now.getTime() - Date.parse(c.closes_at) > weeks * 7 * 86_400_000;
}

/** "closes today", "closes tomorrow", "closes in 3 days", "closed 2 days ago" */
export function describeClosing(closesAt: string, now: Date): string {
  const days = calendarDaysBetween(now, closesAt);
  if (Date.parse(closesAt) <= now.getTime()) {
    if (days === 0) return "closed today";
    return days === -1 ? "closed yesterday" : `closed ${-days} days ago`;
  }
  if (days === 0) return "closes today";
  if (days === 1) return "closes tomorrow";
  return `closes in ${days} days`;
}
