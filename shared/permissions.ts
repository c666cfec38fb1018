// Who may do what, and how far their role reaches: the one table the Worker's
// authorization middleware reads. "organisation" reach means the role is held in one
// of the organisations the record belongs to; "area" means in any organisation of
// the record's area.
import type { Role } from "./roles";

export type ReachKind = "organisation" | "area";
export type Permission = Partial<Record<Role, ReachKind>>;

export const permissions = {
  // People and settings
  "area.administer": { admin: "area" },
  "outbox.review": { admin: "area" },
  // Petitions
  "petition.moderate": { osc_clerk: "area", admin: "area" },
  "petition.remove": { osc_clerk: "area", admin: "area" },
  "petition.monitor": { osc_clerk: "area", admin: "area" },
  "petition.respond": { responder: "organisation", admin: "area" },
  "petition.view_owed": { responder: "organisation", admin: "area" },
  "petition.record_scrutiny": { osc_clerk: "area", admin: "area" },
  // Consultations
  "consultation.create": { responder: "organisation", link_member: "area", admin: "area" },
  "consultation.edit": { responder: "organisation", link_member: "area", admin: "area" },
  "consultation.publish_outcome": { responder: "organisation", admin: "area" },
  "consultation.withdraw": { responder: "organisation", link_member: "area", admin: "area" },
  "consultation.mark_link_responded": { link_member: "area", admin: "area" },
  // Obligations (the organisations of the record: who owes, and who is owed)
  "obligation.raise": { link_member: "organisation", osc_clerk: "organisation", admin: "area" },
  "obligation.view": {
    link_member: "organisation",
    osc_clerk: "area",
    responder: "organisation",
    admin: "area",
  },
  "obligation.reply": { responder: "organisation", osc_clerk: "organisation", admin: "area" },
  "obligation.withdraw": { link_member: "organisation", osc_clerk: "organisation", admin: "area" },
  // The area clock and calendar feeds for an organisation
  "organisation.view_clock": {
    link_member: "organisation",
    osc_clerk: "area",
    responder: "organisation",
    admin: "area",
  },
} as const satisfies Record<string, Permission>;

export type Action = keyof typeof permissions;

export interface MembershipScope {
  role: Role;
  organisationId: number;
  areaId: number;
}

export interface RecordScope {
  areaId: number;
  /** The organisations the record belongs to (e.g. addressed to; owes; is owed). */
  organisationIds: readonly number[];
}

/** The roles in which a person with these memberships may take `action` on a record. */
export function rolesAllowed(action: Action, memberships: readonly MembershipScope[], record: RecordScope): Role[] {
  const permission: Permission = permissions[action];
  const allowed = new Set<Role>();
  for (const m of memberships) {
    const reach = permission[m.role];
    if (!reach || m.areaId !== record.areaId) continue;
    if (reach === "area" || record.organisationIds.includes(m.organisationId)) allowed.add(m.role);
  }
  return [...allowed];
}

export function isAllowed(action: Action, memberships: readonly MembershipScope[], record: RecordScope): boolean {
  return rolesAllowed(action, memberships, record).length > 0;
}

/** Where a person's roles reach for an action: whole areas, and single organisations. */
export interface Reach {
  areaIds: number[];
  organisationIds: number[];
}

/** The areas and organisations a person's memberships reach for `action` (what lists scoped to the caller show). */
export function reachOf(memberships: readonly MembershipScope[], action: Action): Reach {
  const permission: Permission = permissions[action];
  const areaIds = new Set<number>();
  const organisationIds = new Set<number>();
  for (const m of memberships) {
    const reach = permission[m.role];
    if (reach === "area") areaIds.add(m.areaId);
    else if (reach === "organisation") organisationIds.add(m.organisationId);
  }
  return { areaIds: [...areaIds], organisationIds: [...organisationIds] };
}

export const reachesAnything = (r: Reach) => r.areaIds.length + r.organisationIds.length > 0;
