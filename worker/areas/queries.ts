// Reading areas and their organisations, with the settings organisations inherit from their area.
import type { Area, Organisation } from "../../shared/schemas/areas";
import type { OrganisationKind } from "../../shared/roles";
import { readBatch, type DB } from "../platform/db";

export function organisationFromRow(o: {
  id: number;
  area_id: number;
  slug: string;
  name: string;
  kind: string;
  predecessor_id: number | null;
}): Organisation {
  return { id: o.id, areaId: o.area_id, slug: o.slug, name: o.name, kind: o.kind as OrganisationKind, predecessorId: o.predecessor_id };
}

/** The two reads behind listAreas(), for a batch with others; an empty `only` names no area. */
export function areasQueries(db: DB, only?: readonly number[]) {
  let areaQuery = db.selectFrom("areas").select(["id", "slug", "name"]).orderBy("name");
  let orgQuery = db.selectFrom("organisations").select(["id", "area_id", "slug", "name", "kind", "predecessor_id"]).orderBy("name");
  if (only) {
    const ids = only.length ? only.slice(0, 90) : [-1];
    areaQuery = areaQuery.where("id", "in", ids);
    orgQuery = orgQuery.where("area_id", "in", ids);
  }
  return [areaQuery, orgQuery] as const;
}

type AreaRow = { id: number; slug: string; name: string };
type OrganisationRow = Parameters<typeof organisationFromRow>[0];

/** Areas with their organisations, from the rows areasQueries() read. */
export function areasFrom(areas: AreaRow[], organisations: OrganisationRow[]): Area[] {
  return areas.map((a) => ({ ...a, organisations: organisations.filter((o) => o.area_id === a.id).map(organisationFromRow) }));
}

/** Every area with its organisations (or only the areas named), each in name order, in one round trip. */
export async function listAreas(db: DB, only?: readonly number[]): Promise<Area[]> {
  const [areas, organisations] = await readBatch(db, areasQueries(db, only));
  return areasFrom(areas, organisations);
}

export async function findAreaBySlug(db: DB, slug: string) {
  return db.selectFrom("areas").selectAll().where("slug", "=", slug).executeTakeFirst();
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
