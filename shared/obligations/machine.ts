// Obligations: who owes what to whom by when. "Overdue" is computed from the due date, not stored (rules.ts).
import { defineMachine } from "../stateMachine";

export const obligationStates = ["open", "met", "withdrawn"] as const;
export type ObligationState = (typeof obligationStates)[number];

export const obligationMachine = defineMachine({
  name: "request",
  states: obligationStates,
  stateLabels: { open: "Waiting for a reply", met: "Answered", withdrawn: "Withdrawn" },
  transitions: {
    // Answered by the owing organisation (a reply, an acknowledgement, a published response).
    meet: { from: ["open"], to: "met", by: ["responder", "osc_clerk", "admin", "system"], label: "answer" },
    // Withdrawn by the side that raised it (or by the system when a petition response is no longer owed).
    withdraw: { from: ["open"], to: "withdrawn", by: ["link_member", "osc_clerk", "admin", "system"], label: "withdraw" },
  },
});
export type ObligationEvent = keyof typeof obligationMachine.transitions;

export const obligationKinds = {
  information_request: { label: "Request for information", defaultWorkingDays: 20 },
  report: { label: "Report or recommendation", defaultWorkingDays: 20 },
  osc_referral: { label: "Referral to the scrutiny committee", defaultWorkingDays: 20 },
  petition_response: { label: "Response to a petition", defaultWorkingDays: 20 },
  osc_consultation_response: { label: "Scrutiny committee's consultation response", defaultWorkingDays: 20 },
} as const;
export type ObligationKind = keyof typeof obligationKinds;

/** The messages of a request's thread: the request itself, replies from the owing side, notes from either. */
export const messageKinds = ["request", "reply", "note"] as const;
export type MessageKind = (typeof messageKinds)[number];

/** The two sides an organisation's on-time tallies are kept for. */
export const tallySides = ["owed_by", "owed_to"] as const;
export type TallySide = (typeof tallySides)[number];
