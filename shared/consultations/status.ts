// The words for a consultation's statuses and list filters (which status applies is in rules.ts), and closing in words.
import { calendarDaysBetween } from "../time";

/** A consultation's status at the moment of reading, from its dates and recorded state. */
export const consultationStatuses = ["upcoming", "open", "closing_soon", "closed", "outcome_published", "withdrawn"] as const;
export type ConsultationStatus = (typeof consultationStatuses)[number];

export const consultationStatusLabels: Record<ConsultationStatus, string> = {
  upcoming: "Not open yet",
  open: "Open",
  closing_soon: "Closing soon",
  closed: "Closed",
  outcome_published: "Outcome published",
  withdrawn: "Withdrawn",
};

/**
 * List filters: a status; "current" (not closed yet: upcoming, open or closing soon); or
 * "outcome_overdue" (closed, no outcome, past the area's outcome period).
 */
export const consultationFilters = [...consultationStatuses, "current", "outcome_overdue"] as const;
export type ConsultationFilter = (typeof consultationFilters)[number];

/** "Closing soon" means closing within this many days. */
export const CLOSING_SOON_DAYS = 7;

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
