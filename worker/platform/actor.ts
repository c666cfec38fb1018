// Who is calling, once identified (worker/auth/actor.ts reads it from the session or token), and in which roles they act.
import type { MembershipScope } from "../../shared/permissions";
import type { OrganisationKind, Role } from "../../shared/roles";

export interface ActorMembership extends MembershipScope {
  organisationName: string;
  organisationKind: OrganisationKind;
  areaName: string;
  areaSlug: string;
}

export interface Actor {
  personId: number;
  name: string;
  email: string;
  memberships: ActorMembership[];
  leadTimes: number[];
  dailyDigest: boolean;
  via: "session" | "token";
  tokenId?: number;
}

/** The person making a change and the roles in which they may make it (from authorize() or requireAllowed()). */
export interface Acting {
  actor: Actor;
  roles: Role[];
}
