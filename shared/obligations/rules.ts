// Who may raise which statutory request, with whom, and how its due date is set.
import type { RecordScope } from "../permissions";
import type { OrganisationKind } from "../roles";
import { calendarDaysBetween } from "../time";
import type { ObligationKind } from "./machine";

/** Kinds people raise on the web and API (a petition response is created by the petition's own path). */
export const raisableKinds = ["information_request", "report", "osc_referral", "osc_consultation_response"] as const;
export type RaisableKind = (typeof raisableKinds)[number];

/** Bodies a LINk can ask for information or send reports to: commissioners and providers. */
const COMMISSIONERS_AND_PROVIDERS: readonly OrganisationKind[] = [
  "pct",
  "ccg",
  "trust",
  "foundation_trust",
  "local_authority",
  "health_and_wellbeing_board",
  "other",
];
const INVOLVEMENT_NETWORKS: readonly OrganisationKind[] = ["link", "healthwatch"];
const SCRUTINY: readonly OrganisationKind[] = ["osc"];

export type AreaPeriodSetting = "information_request_working_days" | "report_working_days" | "referral_working_days";

export interface RaiseRule {
  /** Which side raises it and may add notes or withdraw it: the one owed (a LINk), or the one owing (the OSC records a consultation it must answer). */
  raisedBy: "owed_to" | "owed_by";
  owedBy: readonly OrganisationKind[];
  owedTo: readonly OrganisationKind[];
  /** Working days from the area's setting, or a date the consulting body set. */
  due: { workingDays: AreaPeriodSetting } | "date_given";
  /** For forms: who it is addressed to, in plain words. */
  addressedTo: string;
}

export const raiseRules: Record<RaisableKind, RaiseRule> = {
  information_request: {
    raisedBy: "owed_to",
    owedBy: COMMISSIONERS_AND_PROVIDERS,
    owedTo: INVOLVEMENT_NETWORKS,
    due: { workingDays: "information_request_working_days" },
    addressedTo: "a commissioner or provider of services",
  },
  report: {
    raisedBy: "owed_to",
    owedBy: COMMISSIONERS_AND_PROVIDERS,
    owedTo: INVOLVEMENT_NETWORKS,
    due: { workingDays: "report_working_days" },
    addressedTo: "a commissioner or provider of services",
  },
  osc_referral: {
    raisedBy: "owed_to",
    owedBy: SCRUTINY,
    owedTo: INVOLVEMENT_NETWORKS,
    due: { workingDays: "referral_working_days" },
    addressedTo: "the overview and scrutiny committee",
  },
  osc_consultation_response: {
    raisedBy: "owed_by",
    owedBy: SCRUTINY,
    owedTo: COMMISSIONERS_AND_PROVIDERS,
    due: "date_given",
    addressedTo: "the overview and scrutiny committee",
  },
};

export function isRaisable(kind: ObligationKind): kind is RaisableKind {
  return (raisableKinds as readonly string[]).includes(kind);
}

/** The organisation acting for the raising side of an obligation (adds notes, withdraws). */
export function raisingOrganisationId(o: {
  kind: string;
  owed_by_organisation_id: number;
  owed_to_organisation_id: number | null;
}): number | null {
  const rule = isRaisable(o.kind as ObligationKind) ? raiseRules[o.kind as RaisableKind] : null;
  // A petition response is owed to the public through the scrutiny committee: its raising side is whoever it is owed to.
  if (!rule || rule.raisedBy === "owed_to") return o.owed_to_organisation_id;
  return o.owed_by_organisation_id;
}

/** "due today", "due tomorrow", "due in 3 days", "1 day overdue", "12 days overdue" */
export function describeDue(dueAt: string, now: Date): string {
  const days = calendarDaysBetween(now, dueAt);
  if (Date.parse(dueAt) > now.getTime()) {
    if (days <= 0) return "due today";
    return days === 1 ? "due tomorrow" : `due in ${days} days`;
  }
  if (days === 0) return "was due today";
  return -days === 1 ? "1 day overdue" : `${-days} days overdue`;
}

/** Both sides may see an obligation: the organisation that owes it and the one it is owed to. */
export function obligationScope(o: {
  area_id: number;
  owed_by_organisation_id: number;
  owed_to_organisation_id: number | null;
}): RecordScope {
  return {
    areaId: o.area_id,
    organisationIds: [o.owed_by_organisation_id, ...(o.owed_to_organisation_id ? [o.owed_to_organisation_id] : [])],
  };
}
