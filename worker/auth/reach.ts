// Which organisations a person's roles reach for an action: what to offer in a form's list.
// The check itself is always authorize()/requireAllowed(); this only decides what to show.
import { permissions, type Action, type MembershipScope } from "../../shared/permissions";
import type { DB } from "../db";

export async function organisationsReached(db: DB, memberships: readonly MembershipScope[], action: Action) {
  const permission: Partial<Record<string, string>> = permissions[action];
  const areaWide = [...new Set(memberships.filter((m) => permission[m.role] === "area").map((m) => m.areaId))];
  const own = [...new Set(memberships.filter((m) => permission[m.role] === "organisation").map((m) => m.organisationId))];
  if (areaWide.length === 0 && own.length === 0) return [];
  return db
    .selectFrom("organisations")
    .select(["id", "name", "area_id", "kind"])
    .where((eb) => eb.or([...(areaWide.length ? [eb("area_id", "in", areaWide)] : []), ...(own.length ? [eb("id", "in", own)] : [])]))
    .orderBy("name")
    .limit(500)
    .execute();
}
