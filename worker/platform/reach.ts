// Lists scoped to the caller: the SQL for "in the areas and organisations my roles reach", and the
// organisations to offer in a form. The check itself is always authorize()/requireAllowed().
import { type Expression, type SqlBool, sql } from "kysely";
import { type Action, type MembershipScope, type Reach, reachesAnything, reachOf } from "../../shared/permissions";
import type { DB } from "./db";

/** The columns a list's rows belong by (a petition: p.area_id and p.organisation_id). */
export interface ReachColumns {
  area: string;
  organisations: readonly string[];
}

const PETITION_COLUMNS: ReachColumns = { area: "p.area_id", organisations: ["p.organisation_id"] };

/** SQL: the row is in a reached area, or belongs to a reached organisation (false when nothing is reached). */
export function inReach(r: Reach, columns: ReachColumns = PETITION_COLUMNS): Expression<SqlBool> {
  const parts = [
    ...(r.areaIds.length ? [sql<SqlBool>`${sql.ref(columns.area)} IN (${sql.join(r.areaIds)})`] : []),
    ...(r.organisationIds.length
      ? columns.organisations.map((column) => sql<SqlBool>`${sql.ref(column)} IN (${sql.join(r.organisationIds)})`)
      : []),
  ];
  return parts.length ? sql<SqlBool>`(${sql.join(parts, sql` OR `)})` : sql<SqlBool>`0`;
}

/** The organisations a person's roles reach for an action, by name: what to offer in a form's list. */
export async function organisationsReached(db: DB, memberships: readonly MembershipScope[], action: Action) {
  const reach = reachOf(memberships, action);
  if (!reachesAnything(reach)) return [];
  return db
    .selectFrom("organisations")
    .select(["id", "name", "area_id", "kind"])
    .where((eb) =>
      eb.or([
        ...(reach.areaIds.length ? [eb("area_id", "in", reach.areaIds)] : []),
        ...(reach.organisationIds.length ? [eb("id", "in", reach.organisationIds)] : []),
      ]),
    )
    .orderBy("name")
    .limit(500)
    .execute();
}
