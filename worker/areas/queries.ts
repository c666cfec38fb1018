// Reading areas and their organisations, with the settings organisations inherit from their area.
import type { Selectable } from "kysely";
import type { Area, Organisation } from "../../shared/schemas/areas";
import type { RecordLoader } from "../auth/middleware";
import { readBatch, type DB } from "../platform/db";
import { parseId } from "../platform/pathId";
import type { AreasTable, OrganisationsTable } from "../platform/schema";

export type AreaRow = Pick<Selectable<AreasTable>, "id" | "slug" | "name">;
type OrganisationRow = Pick<Selectable<OrganisationsTable>, "id" | "area_id" | "slug" | "name" | "kind" | "predecessor_id">;

const areaColumns = ["id", "slug", "name"] as const;
const loaded = (area: AreaRow | undefined) => (area ? { record: area, scope: { areaId: area.id, organisationIds: [] } } : null);

/** The area named by :id in the path. */
export const areaById: RecordLoader<AreaRow> = async (db, params) => {
  const id = parseId(params.id);
  if (id === null) return null;
  return loaded(await db.selectFrom("areas").select(areaColumns).where("id", "=", id).executeTakeFirst());
};

/** The area named by :slug in the path. */
export const areaBySlug: RecordLoader<AreaRow> = async (db, params) =>
  loaded(
    await db
      .selectFrom("areas")
      .select(areaColumns)
      .where("slug", "=", params.slug ?? "")
      .executeTakeFirst(),
  );

export function organisationFromRow(o: OrganisationRow): Organisation {
  return { id: o.id, areaId: o.area_id, slug: o.slug, name: o.name, kind: o.kind, predecessorId: o.predecessor_id };
}

/** One organisation, as the API shows it. */
export async function readOrganisation(db: DB, id: number): Promise<Organisation> {
  return organisationFromRow(await db.selectFrom("organisations").selectAll().where("id", "=", id).executeTakeFirstOrThrow());
}

/** The two reads behind listAreas(), for a batch with others; an empty `only` names no area. */
export function areasQueries(db: DB, only?: readonly number[]) {
  let areaQuery = db.selectFrom("areas").select(areaColumns).orderBy("name");
  let orgQuery = db.selectFrom("organisations").select(["id", "area_id", "slug", "name", "kind", "predecessor_id"]).orderBy("name");
  if (only) {
    const ids = only.length ? only.slice(0, 90) : [-1];
    areaQuery = areaQuery.where("id", "in", ids);
    orgQuery = orgQuery.where("area_id", "in", ids);
  }
  return [areaQuery, orgQuery] as const;
}

/** Areas with their organisations, from the rows areasQueries() read. */
export function areasFrom(areas: AreaRow[], organisations: OrganisationRow[]): Area[] {
  return areas.map((a) => ({ ...a, organisations: organisations.filter((o) => o.area_id === a.id).map(organisationFromRow) }));
}

/** Every area with its organisations (or only the areas named), each in name order, in one round trip. */
export async function listAreas(db: DB, only?: readonly number[]): Promise<Area[]> {
  const [areas, organisations] = await readBatch(db, areasQueries(db, only));
  return areasFrom(areas, organisations);
}

/** An organisation's effective settings: its own where set, otherwise its area's. */
export async function organisationSettings(db: DB, organisationId: number) {
  return db
    .selectFrom("organisations as o")
    .innerJoin("areas as a", "a.id", "o.area_id")
    .select((eb) => [
      "o.id",
      "o.area_id",
      "o.name",
      "o.kind",
      "o.email",
      eb.fn.coalesce("o.response_threshold", "a.response_threshold").as("response_threshold"),
      eb.fn.coalesce("o.scrutiny_threshold", "a.scrutiny_threshold").as("scrutiny_threshold"),
      eb.fn.coalesce("o.response_working_days", "a.response_working_days").as("response_working_days"),
      eb.fn.coalesce("o.petition_duration_days", "a.petition_duration_days").as("petition_duration_days"),
      "a.information_request_working_days",
      "a.report_working_days",
      "a.referral_working_days",
      "a.outcome_overdue_weeks",
    ])
    .where("o.id", "=", organisationId)
    .executeTakeFirst();
}
