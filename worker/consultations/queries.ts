// Reading consultations: one record, lists by computed status, lookup by address, and the loader for authorize().
import { type Selectable, sql } from "kysely";
import {
  closingOrderWalks,
  consultationParams,
  consultationStatus,
  filterConditions,
  isOutcomeOverdue,
  outcomeDueAt,
  outcomeOverdue,
} from "../../shared/consultations/rules";
import type { ConsultationFilter } from "../../shared/consultations/status";
import type { Consultation } from "../../shared/schemas/consultations";
import type { RecordLoader } from "../auth/middleware";
import { where } from "../platform/conditions";
import { chunks, type DB, fetchPage, readGroups, slicePage } from "../platform/db";
import { notFound } from "../platform/errors";
import { parseId } from "../platform/pathId";
import type { ConsultationsTable } from "../platform/schema";

/** The rules read the consultations table as c. */
const C = { alias: "c" } as const;

export function consultationQuery(db: DB) {
  return db
    .selectFrom("consultations as c")
    .innerJoin("organisations as o", "o.id", "c.organisation_id")
    .innerJoin("areas as a", "a.id", "c.area_id")
    .selectAll("c")
    .select(["o.name as organisation_name", "a.outcome_overdue_weeks", "a.slug as area_slug", "a.name as area_name"]);
}

export type ConsultationRow = Awaited<ReturnType<ReturnType<typeof consultationQuery>["executeTakeFirstOrThrow"]>>;

export function consultationFromRow(c: ConsultationRow, now: Date, publicUrl: string): Consultation {
  return {
    id: c.id,
    areaId: c.area_id,
    organisationId: c.organisation_id,
    organisationName: c.organisation_name,
    title: c.title,
    url: c.url,
    canonicalUrl: c.canonical_url,
    summary: c.summary,
    opensAt: c.opens_at,
    closesAt: c.closes_at,
    stage: c.stage,
    method: c.method,
    status: consultationStatus(c, now),
    outcomeOverdue: isOutcomeOverdue(c, now, c.outcome_overdue_weeks),
    outcome:
      c.state === "outcome_published" && c.outcome_published_at
        ? {
            said: c.outcome_said ?? "",
            decided: c.outcome_decided ?? "",
            changed: c.outcome_changed ?? "",
            publishedAt: c.outcome_published_at,
          }
        : null,
    linkRespondedAt: c.link_responded_at,
    outcomeDueAt: outcomeDueAt(c, c.outcome_overdue_weeks),
    webUrl: new URL(`/consultations/${c.id}`, publicUrl).toString(),
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  };
}

export function findConsultation(db: DB, id: number): Promise<ConsultationRow | undefined> {
  return consultationQuery(db).where("c.id", "=", id).executeTakeFirst();
}

/** The consultation, or "not found" (404). */
export async function requireConsultation(db: DB, id: number | null): Promise<ConsultationRow> {
  const row = id === null ? undefined : await findConsultation(db, id);
  if (!row) throw notFound("consultation");
  return row;
}

/** The area an organisation belongs to (null: no such organisation). */
export async function areaOfOrganisation(db: DB, organisationId: number): Promise<number | null> {
  const org = await db.selectFrom("organisations").select("area_id").where("id", "=", organisationId).executeTakeFirst();
  return org?.area_id ?? null;
}

/** The consultation named by :id; it belongs to its area and the organisation running it. */
export const consultationById: RecordLoader<ConsultationRow> = async (db, params) => {
  const id = parseId(params.id);
  if (id === null) return null;
  const row = await findConsultation(db, id);
  return row ? { record: row, scope: { areaId: row.area_id, organisationIds: [row.organisation_id] } } : null;
};

/** The record for a canonical address, looking in the given areas first, then anywhere. */
export async function findByCanonicalUrl(
  db: DB,
  canonical: string,
  preferAreaIds: readonly number[],
): Promise<ConsultationRow | undefined> {
  const rows = await consultationQuery(db)
    .where("c.area_id", "in", db.selectFrom("areas").select("id"))
    .where("c.canonical_url", "=", canonical)
    .limit(20)
    .execute();
  return rows.find((r) => preferAreaIds.includes(r.area_id)) ?? rows[0];
}

export interface ListOptions {
  areaId?: number | undefined;
  status?: ConsultationFilter | undefined;
  q?: string | undefined;
  page: number;
  perPage: number;
}

type Order = readonly ["c.updated_at" | "c.opens_at" | "c.closes_at" | "c.outcome_published_at", "asc" | "desc"];

/** Each list's order is the order of an index on (area_id, state, column) or (area_id, updated_at), ties by id the same way. */
const orders: Record<Exclude<ConsultationFilter, keyof typeof closingOrderWalks> | "listed", Order> = {
  listed: ["c.updated_at", "desc"],
  upcoming: ["c.opens_at", "asc"],
  closing_soon: ["c.closes_at", "asc"],
  closed: ["c.closes_at", "desc"],
  outcome_overdue: ["c.closes_at", "desc"],
  outcome_published: ["c.outcome_published_at", "desc"],
  withdrawn: ["c.updated_at", "desc"],
};

/** Each area's outcome period (in weeks), for "outcome overdue": one area's, or every area's. */
function outcomePeriods(db: DB, areaId?: number) {
  let q = db.selectFrom("areas").select(["id", "outcome_overdue_weeks"]);
  if (areaId) q = q.where("id", "=", areaId);
  return q.execute();
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

/** Consultations only; organisation and area details are added afterwards, reading each once. */
function listBase(db: DB, opts: ListOptions) {
  let base = db.selectFrom("consultations as c").selectAll("c");
  if (opts.areaId) base = base.where("c.area_id", "=", opts.areaId);
  if (opts.q) {
    const pattern = likePattern(opts.q);
    base = base.where((eb) =>
      eb.or([
        sql<boolean>`${eb.ref("c.title")} LIKE ${pattern} ESCAPE '\\'`,
        sql<boolean>`${eb.ref("c.summary")} LIKE ${pattern} ESCAPE '\\'`,
      ]),
    );
  }
  return base;
}

type ListBase = ReturnType<typeof listBase>;

/** Soonest closing first, then those with no closing date: the two walks the rules declare. */
async function inClosingOrder(
  base: ListBase,
  walks: (typeof closingOrderWalks)[keyof typeof closingOrderWalks],
  opts: ListOptions,
  now: Date,
) {
  const params = consultationParams(now);
  const wanted = opts.page * opts.perPage + 1;
  const dated = await base
    .where(where(walks.dated, params, C))
    .orderBy("c.closes_at")
    .orderBy("c.id")
    .limit(wanted)
    .execute();
  const undated =
    dated.length < wanted
      ? await base
          .where(where(walks.undated, params, C))
          .orderBy("c.id")
          .limit(wanted - dated.length)
          .execute()
      : [];
  return slicePage([...dated, ...undated], opts.page, opts.perPage);
}

/** Closed with no outcome for longer than its own area's outcome period. */
async function outcomeOverdueIn(db: DB, base: ListBase, opts: ListOptions, now: Date) {
  const periods = await outcomePeriods(db, opts.areaId);
  if (periods.length === 0) return null;
  return base.where((eb) =>
    eb.or(
      periods.map((a) => eb.and([eb("c.area_id", "=", a.id), where(outcomeOverdue, consultationParams(now, a.outcome_overdue_weeks), C)])),
    ),
  );
}

export async function listConsultations(db: DB, opts: ListOptions, now: Date): Promise<{ rows: ConsultationRow[]; hasMore: boolean }> {
  const base = listBase(db, opts);
  const filter = opts.status ?? "listed";
  if (filter === "current" || filter === "open") {
    const { rows, hasMore } = await inClosingOrder(base, closingOrderWalks[filter], opts, now);
    return { rows: await withDetails(db, rows), hasMore };
  }
  const filtered =
    filter === "outcome_overdue"
      ? await outcomeOverdueIn(db, base, opts, now)
      : base.where(where(filterConditions[filter], consultationParams(now), C));
  if (!filtered) return { rows: [], hasMore: false };
  const [column, dir] = orders[filter];
  const { rows, hasMore } = await fetchPage(filtered.orderBy(column, dir).orderBy("c.id", dir), opts.page, opts.perPage);
  return { rows: await withDetails(db, rows), hasMore };
}

/** Adds what consultationQuery() joins (organisation name, area name, slug and outcome period), a few rows for a whole page. */
export async function withDetails(db: DB, rows: Selectable<ConsultationsTable>[]): Promise<ConsultationRow[]> {
  if (rows.length === 0) return [];
  const orgIds = [...new Set(rows.map((r) => r.organisation_id))];
  const areaIds = [...new Set(rows.map((r) => r.area_id))];
  // Every chunk of both in one round trip.
  const orgQueries = chunks(orgIds).map((part) => db.selectFrom("organisations").select(["id", "name"]).where("id", "in", part));
  const areaQueries = chunks(areaIds).map((part) =>
    db.selectFrom("areas").select(["id", "name", "slug", "outcome_overdue_weeks"]).where("id", "in", part),
  );
  const [orgs, areas] = await readGroups(db, [orgQueries, areaQueries]);
  const org = new Map(orgs.map((o) => [o.id, o]));
  const area = new Map(areas.map((a) => [a.id, a]));
  return rows.map((r) => {
    const a = area.get(r.area_id);
    // consultations.area_id references areas: a missing one is a broken database, not an empty name.
    if (!a) throw new Error(`Consultation ${r.id} is in area ${r.area_id}, which does not exist`);
    return {
      ...r,
      organisation_name: org.get(r.organisation_id)?.name ?? "",
      outcome_overdue_weeks: a.outcome_overdue_weeks,
      area_slug: a.slug,
      area_name: a.name,
    };
  });
}
