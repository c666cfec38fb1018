// Reads for administration: the organisation and membership a route acts on, an area's defaults, its organisations and its people.
import type { Selectable } from "kysely";
import type { AreaSettings, OrganisationSettings } from "../../shared/schemas/admin";
import type { Role } from "../../shared/roles";
import type { AreaRow } from "../areas/queries";
import type { RecordLoader } from "../auth/middleware";
import type { DB } from "../platform/db";
import { parseId } from "../platform/pathId";
import type { AreasTable, OrganisationsTable } from "../platform/schema";

/** An organisation an administrator acts on, with the area it belongs to (whose page shows its settings). */
export interface OrganisationRecord {
  id: number;
  area_id: number;
  name: string;
  area: AreaRow;
}

/** The organisation named by :id in the path. */
export const organisationById: RecordLoader<OrganisationRecord> = async (db, params) => {
  const id = parseId(params.id);
  if (id === null) return null;
  const row = await db
    .selectFrom("organisations as o")
    .innerJoin("areas as a", "a.id", "o.area_id")
    .select(["o.id", "o.area_id", "o.name", "a.slug as area_slug", "a.name as area_name"])
    .where("o.id", "=", id)
    .executeTakeFirst();
  if (!row) return null;
  const organisation = {
    id: row.id,
    area_id: row.area_id,
    name: row.name,
    area: { id: row.area_id, slug: row.area_slug, name: row.area_name },
  };
  return { record: organisation, scope: { areaId: row.area_id, organisationIds: [row.id] } };
};

/** A role someone holds, with the area of its organisation. */
export interface MembershipRecord {
  id: number;
  area_id: number;
  area_slug: string;
  person_id: number;
  organisation_id: number;
  role: Role;
}

/** The membership named by :id in the path. */
export const membershipById: RecordLoader<MembershipRecord> = async (db, params) => {
  const id = parseId(params.id);
  if (id === null) return null;
  const m = await db
    .selectFrom("memberships as m")
    .innerJoin("organisations as o", "o.id", "m.organisation_id")
    .innerJoin("areas as a", "a.id", "o.area_id")
    .select(["m.id", "o.area_id", "a.slug as area_slug", "m.person_id", "m.role", "m.organisation_id"])
    .where("m.id", "=", id)
    .executeTakeFirst();
  return m ? { record: m, scope: { areaId: m.area_id, organisationIds: [m.organisation_id] } } : null;
};

export function areaSettingsQuery(db: DB, areaId: number) {
  return db.selectFrom("areas").selectAll().where("id", "=", areaId);
}

export function areaSettingsFrom(a: Selectable<AreasTable>): AreaSettings {
  return {
    responseThreshold: a.response_threshold,
    scrutinyThreshold: a.scrutiny_threshold,
    responseWorkingDays: a.response_working_days,
    petitionDurationDays: a.petition_duration_days,
    informationRequestWorkingDays: a.information_request_working_days,
    reportWorkingDays: a.report_working_days,
    referralWorkingDays: a.referral_working_days,
    outcomeOverdueWeeks: a.outcome_overdue_weeks,
    signerDataRetentionDays: a.signer_data_retention_days,
  };
}

export async function getAreaSettings(db: DB, areaId: number): Promise<AreaSettings> {
  return areaSettingsFrom(await areaSettingsQuery(db, areaId).executeTakeFirstOrThrow());
}

/** An organisation's own settings (null where it uses the area's). */
export function organisationSettingsFrom(o: Selectable<OrganisationsTable>): OrganisationSettings {
  return {
    responseThreshold: o.response_threshold,
    scrutinyThreshold: o.scrutiny_threshold,
    responseWorkingDays: o.response_working_days,
    petitionDurationDays: o.petition_duration_days,
  };
}

/** Everyone holding a role in the area's organisations, by name. */
export function areaMembersQuery(db: DB, areaId: number) {
  return db
    .selectFrom("memberships as m")
    .innerJoin("people as p", "p.id", "m.person_id")
    .innerJoin("organisations as o", "o.id", "m.organisation_id")
    .select([
      "m.id as membershipId",
      "p.id as personId",
      "p.name",
      "p.email",
      "o.id as organisationId",
      "o.name as organisationName",
      "m.role",
    ])
    .where("o.area_id", "=", areaId)
    .orderBy("p.name");
}

export async function listAreaMembers(db: DB, areaId: number) {
  return areaMembersQuery(db, areaId).execute();
}

export function organisationsQuery(db: DB, areaId: number) {
  return db.selectFrom("organisations").selectAll().where("area_id", "=", areaId).orderBy("name");
}
