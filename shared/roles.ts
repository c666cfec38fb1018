// Who people are in the product: organisation kinds, roles, and the actors of transitions.
export const organisationKinds = [
  "pct",
  "ccg",
  "trust",
  "foundation_trust",
  "local_authority",
  "osc",
  "link",
  "healthwatch",
  "health_and_wellbeing_board",
  "other",
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const organisationKindLabels: Record<OrganisationKind, string> = {
  pct: "Primary care trust (PCT)",
  ccg: "Clinical commissioning group (CCG)",
  trust: "NHS trust",
  foundation_trust: "NHS foundation trust",
  local_authority: "Council",
  osc: "Overview and scrutiny committee",
  link: "Local Involvement Network (LINk)",
  healthwatch: "Local HealthWatch",
  health_and_wellbeing_board: "Health and wellbeing board",
  other: "Other organisation",
};

/** Roles a person holds in an organisation (a membership). */
export const roles = ["link_member", "osc_clerk", "responder", "admin"] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  link_member: "LINk member",
  osc_clerk: "Scrutiny clerk",
  responder: "Responds for the organisation",
  admin: "Administrator",
};

/**
 * Who makes a transition: a role held in the right organisation, or one of the
 * parties without a role — a member of the public, the petitioner (proved by
 * their email link), or the system itself (the scheduled handler).
 */
export type Actor = Role | "public" | "petitioner" | "system";
