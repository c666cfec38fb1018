// A petition's status as people read it, from its three machines (lifecycle, response, scrutiny) and the clock.
import type { PetitionState, ResponseState, ScrutinyState } from "./machine";

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

export interface PetitionStatusFields {
  state: string;
  response_state: string;
  scrutiny_state: string;
  response_due_at: string | null;
}

/**
 * The one status that best says where a petition is, the furthest step first: a
 * scrutiny outcome outranks a response, a response outranks being open.
 */
export function petitionStatus(p: PetitionStatusFields, now: Date): PetitionStatus {
  const state = p.state as PetitionState;
  if (state === "draft" || state === "pending" || state === "rejected") return state;
  if (state === "hidden") return "removed";
  const scrutiny = p.scrutiny_state as ScrutinyState;
  if (scrutiny === "considered") return "considered";
  if (scrutiny === "referred") return "referred";
  const response = p.response_state as ResponseState;
  if (response === "responded") return "responded";
  if (response === "owed") {
    return p.response_due_at && Date.parse(p.response_due_at) < now.getTime() ? "response_overdue" : "response_owed";
  }
  return state === "open" ? "open" : "closed";
}

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
