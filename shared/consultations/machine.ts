// A consultation's recorded state; its open/closed status comes from its dates (see status.ts).
import { defineMachine } from "../stateMachine";

export const consultationStates = ["active", "withdrawn", "outcome_published"] as const;
export type ConsultationState = (typeof consultationStates)[number];

export const consultationMachine = defineMachine({
  name: "consultation",
  states: consultationStates,
  stateLabels: { active: "Active", withdrawn: "Withdrawn", outcome_published: "Outcome published" },
  transitions: {
    publish_outcome: { from: ["active"], to: "outcome_published", by: ["responder", "admin"], label: "publish the outcome of" },
    amend_outcome: { from: ["outcome_published"], to: "outcome_published", by: ["responder", "admin"], label: "amend the outcome of" },
    withdraw: { from: ["active"], to: "withdrawn", by: ["responder", "link_member", "admin"], label: "withdraw" },
    reinstate: { from: ["withdrawn"], to: "active", by: ["responder", "link_member", "admin"], label: "reinstate" },
  },
});
export type ConsultationEvent = keyof typeof consultationMachine.transitions;

/** The six commissioning stages of the 2007 Picker survey, plus procurement. */
export const commissioningStages = {
  assessing_needs: "Assessing needs",
  deciding_priorities: "Deciding commissioning priorities",
  designing_services: "Designing services",
  reviewing_provision: "Reviewing provision",
  managing_performance: "Managing providers' performance",
  evaluating_services: "Evaluating services",
  procurement: "Procurement or tendering",
} as const;
export type CommissioningStage = keyof typeof commissioningStages;

export const engagementMethods = {
  formal_consultation: "Formal consultation",
  public_meeting: "Public meeting",
  survey: "Survey",
  focus_group: "Focus group",
  patient_panel: "Patient panel",
  citizens_jury: "Citizens' jury",
  deliberative_event: "Deliberative event",
  research_study: "Research study",
  rapid_appraisal: "Rapid appraisal",
  other: "Other",
} as const;
export type EngagementMethod = keyof typeof engagementMethods;
