// The words for a petition's statuses and list filters (which status applies is in rules.ts), and the moderation service level.

export const petitionStatuses = [
  "draft",
  "pending",
  "open",
  "closed",
  "rejected",
  "removed",
  "response_owed",
  "response_overdue",
  "responded",
  "referred",
  "considered",
] as const;
export type PetitionStatus = (typeof petitionStatuses)[number];

export const petitionStatusLabels: Record<PetitionStatus, string> = {
  draft: "Waiting for the petitioner to confirm",
  pending: "Waiting to be checked",
  open: "Open for signatures",
  closed: "Closed",
  rejected: "Rejected",
  removed: "Removed",
  response_owed: "Waiting for a response",
  response_overdue: "Response overdue",
  responded: "Responded",
  referred: "Referred to the scrutiny committee",
  considered: "Considered by the scrutiny committee",
};

/** Filters for lists: each is a condition on one machine, so an open petition awaiting a response is in both. */
export const petitionFilters = {
  open: "Open for signatures",
  closed: "Closed",
  rejected: "Rejected",
  response_owed: "Waiting for a response",
  response_overdue: "Response overdue",
  responded: "Responded",
  referred: "Referred to the scrutiny committee",
  considered: "Considered by the scrutiny committee",
} as const;
export type PetitionFilter = keyof typeof petitionFilters;

/** Moderation service level (as the UK Parliament petitions service): nearly overdue, then overdue. */
export const MODERATION_NEARLY_OVERDUE_DAYS = 11;
export const MODERATION_OVERDUE_DAYS = 14;
