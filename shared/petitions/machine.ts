// A petition's three machines: its own lifecycle, the response it may be owed, and its referral to scrutiny.
import { defineMachine } from "../stateMachine";

export const petitionStates = ["draft", "pending", "open", "closed", "rejected", "hidden"] as const;
export type PetitionState = (typeof petitionStates)[number];

export const petitionMachine = defineMachine({
  name: "petition",
  states: petitionStates,
  stateLabels: {
    draft: "Waiting for the petitioner to confirm their email",
    pending: "Waiting to be checked",
    open: "Open for signatures",
    closed: "Closed",
    rejected: "Rejected",
    hidden: "Removed",
  },
  transitions: {
    confirm: { from: ["draft"], to: "pending", by: ["petitioner"], label: "confirm" },
    approve: { from: ["pending"], to: "open", by: ["osc_clerk", "admin"], label: "approve" },
    reject: { from: ["pending"], to: "rejected", by: ["osc_clerk", "admin"], label: "reject" },
    // Rejections for legal reasons (defamatory, offensive, personal information) hide it.
    reject_and_hide: { from: ["pending"], to: "hidden", by: ["osc_clerk", "admin"], label: "reject and remove" },
    hide: { from: ["open", "closed", "rejected"], to: "hidden", by: ["osc_clerk", "admin"], label: "remove" },
    close: { from: ["open"], to: "closed", by: ["system"], label: "close" },
  },
});
export type PetitionEvent = keyof typeof petitionMachine.transitions;

export const responseStates = ["not_due", "owed", "responded"] as const;
export type ResponseState = (typeof responseStates)[number];

export const petitionResponseMachine = defineMachine({
  name: "petition response",
  states: responseStates,
  stateLabels: { not_due: "Not yet due", owed: "Response owed", responded: "Responded" },
  transitions: {
    owe: { from: ["not_due"], to: "owed", by: ["system"], label: "start the response clock for" },
    // A body may answer before a response is owed.
    respond: { from: ["not_due", "owed"], to: "responded", by: ["responder", "admin"], label: "publish a response to" },
    amend: { from: ["responded"], to: "responded", by: ["responder", "admin"], label: "amend the response to" },
  },
});
export type PetitionResponseEvent = keyof typeof petitionResponseMachine.transitions;

export const scrutinyStates = ["none", "referred", "considered"] as const;
export type ScrutinyState = (typeof scrutinyStates)[number];

export const petitionScrutinyMachine = defineMachine({
  name: "referral to scrutiny",
  states: scrutinyStates,
  stateLabels: { none: "Not referred", referred: "Referred to scrutiny", considered: "Considered by scrutiny" },
  transitions: {
    refer: { from: ["none"], to: "referred", by: ["system", "petitioner", "osc_clerk", "admin"], label: "refer" },
    consider: { from: ["referred"], to: "considered", by: ["osc_clerk", "admin"], label: "record the outcome of" },
    amend: { from: ["considered"], to: "considered", by: ["osc_clerk", "admin"], label: "amend the outcome of" },
  },
});
export type PetitionScrutinyEvent = keyof typeof petitionScrutinyMachine.transitions;

/** Why a petition went to the scrutiny committee: its signatures, the petitioner's dissatisfaction, or the clerk. */
export const referralReasons = ["threshold", "dissatisfied", "clerk"] as const;
export type ReferralReason = (typeof referralReasons)[number];

/** Coded rejection reasons; some hide the petition for legal reasons (as e-petitions does). */
export const rejectionReasons = {
  duplicate: { label: "There is already a petition about this", hides: false },
  not_local_health: { label: "It is not about local health services", hides: false },
  personal_or_offensive: {
    label: "It contains personal information, or defamatory or offensive content",
    hides: true,
  },
  not_their_responsibility: { label: "It asks for something that is not this body's to do", hides: false },
  other: { label: "Another reason (explained below)", hides: false },
} as const;
export type RejectionCode = keyof typeof rejectionReasons;
export const rejectionCodes = Object.keys(rejectionReasons) as RejectionCode[];
