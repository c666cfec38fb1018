// Reading consultations: one record, lists by computed status, lookup by address, and the loader for authorize().
import { sql, type ExpressionBuilder, type Selectable } from "kysely";
import { consultationStatus, isOutcomeOverdue, CLOSING_SOON_DAYS } from "../../shared/consultations/status";
import type { CommissioningStage, EngagementMethod } from "../../shared/consultations/machine";
import type { Consultation, ConsultationFilter } from "../../shared/schemas/consultations";
import type { RecordLoader } from "../auth/middleware";
import { chunks, type DB, fetchPage, readGroups, slicePage } from "../platform/db";
import type { ConsultationsTable, Database } from "../platform/schema";
import { parseId, pathId } from "../platform/pathId";

const DAY = 86_400_000;
const WEEK = 7 * DAY;

export function consultationQuery(db: DB) {
  return db
    .selectFrom("consultations as c")
    .innerJoin("organisations as o", "o.id", "c.organisation_id")
    .innerJoin("areas as a", "a.id", "c.area_id")
    .selectAll("c")
    .select(["o.name as organisation_name", "a.outcome_overdue_weeks", "a.slug as area_slug", "a.name as area_name"]);
}

export type ConsultationRow = Awaited<ReturnType<ReturnType<typeof consultationQuery>["executeTakeFirstOrThrow"]>>;

/** When a missing outcome becomes overdue: closing plus the area's outcome period. */
export function outcomeDueAt(c: Pick<ConsultationRow, "state" | "closes_at" | "outcome_overdue_weeks">): string | null {
  if (c.state !== "active" || !c.closes_at) return null;
  return new Date(Date.parse(c.closes_at) + c.outcome_overdue_weeks * WEEK).toISOString();
}

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
    stage: c.stage as CommissioningStage | null,
    method: c.method as EngagementMethod | null,
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
    outcomeDueAt: outcomeDueAt(c),
    webUrl: new URL(`/consultations/${c.id}`, publicUrl).toString(),
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  };
}

export function findConsultation(db: DB, id: number): Promise<ConsultationRow | undefined> {
  return consultationQuery(db).where("c.id", "=", id).executeTakeFirst();
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

type Where = ExpressionBuilder<Database & { c: Database["consultations"] }, "c">;

export interface ListOptions {
  areaId?: number | undefined;
  status?: ConsultationFilter | undefined;
  q?: string | undefined;
  page: number;
  perPage: number;
}

/** Status is computed from the dates when read, so each filter is the matching condition on the dates. */
function statusCondition(eb: Where, status: ListOptions["status"], now: Date, cutoffs: Map<number, string>) {
  const t = now.toISOString();
  const soon = new Date(now.getTime() + CLOSING_SOON_DAYS * DAY).toISOString();
  const active = eb("c.state", "=", "active");
  const opened = eb.or([eb("c.opens_at", "is", null), eb("c.opens_at", "<=", t)]);
  switch (status) {
    case undefined:
      return eb("c.state", "in", ["active", "outcome_published"]);
    case "current":
      return eb.and([active, eb.or([eb("c.closes_at", "is", null), eb("c.closes_at", ">", t)])]);
    case "upcoming":
      return eb.and([active, eb("c.opens_at", ">", t)]);
    case "open":
      return eb.and([active, opened, eb.or([eb("c.closes_at", "is", null), eb("c.closes_at", ">", soon)])]);
    case "closing_soon":
      return eb.and([active, opened, eb("c.closes_at", ">", t), eb("c.closes_at", "<=", soon)]);
    case "closed":
      return eb.and([active, eb("c.closes_at", "<=", t)]);
    case "outcome_overdue":
      return eb.and([
        active,
        eb.or([...cutoffs].map(([areaId, cutoff]) => eb.and([eb("c.area_id", "=", areaId), eb("c.closes_at", "<", cutoff)]))),
      ]);
    case "outcome_published":
      return eb("c.state", "=", "outcome_published");
    case "withdrawn":
      return eb("c.state", "=", "withdrawn");
  }
}

/** The instant before which a closed consultation's missing outcome is overdue, per area. */
export async function outcomeCutoffs(db: DB, now: Date, areaId?: number): Promise<Map<number, string>> {
  let q = db.selectFrom("areas").select(["id", "outcome_overdue_weeks"]);
  if (areaId) q = q.where("id", "=", areaId);
  const areas = await q.execute();
  return new Map(areas.map((a) => [a.id, new Date(now.getTime() - a.outcome_overdue_weeks * WEEK).toISOString()]));
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

export async function listConsultations(db: DB, opts: ListOptions, now: Date): Promise<{ rows: ConsultationRow[]; hasMore: boolean }> {
  const cutoffs = opts.status === "outcome_overdue" ? await outcomeCutoffs(db, now, opts.areaId) : new Map<number, string>();
  if (opts.status === "outcome_overdue" && cutoffs.size === 0) return { rows: [], hasMore: false };
  // Consultations only; organisation and area details are added afterwards, reading each once.
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
  if (opts.status === "current" || opts.status === "open") {
    // Soonest closing first, then those with no closing date: two walks of the (area, state,
    // closes_at) index rather than one sort of every active consultation.
    const t = now.toISOString();
    const soon = new Date(now.getTime() + CLOSING_SOON_DAYS * DAY).toISOString();
    let active = base.where("c.state", "=", "active");
    if (opts.status === "open") active = active.where((eb) => eb.or([eb("c.opens_at", "is", null), eb("c.opens_at", "<=", t)]));
    const wanted = opts.page * opts.perPage + 1;
    const dated = await active
      .where("c.closes_at", ">", opts.status === "open" ? soon : t)
      .orderBy("c.closes_at")
      .orderBy("c.id")
      .limit(wanted)
      .execute();
    const undated =
      dated.length < wanted
        ? await active
            .where("c.closes_at", "is", null)
            .orderBy("c.id")
            .limit(wanted - dated.length)
            .execute()
        : [];
    const { rows, hasMore } = slicePage([...dated, ...undated], opts.page, opts.perPage);
    return { rows: await withDetails(db, rows), hasMore };
  }
  let query = base.where((eb) => statusCondition(eb as unknown as Where, opts.status, now, cutoffs));
  // Each order is the order of an index on (area_id, state, column) or (area_id, updated_at), ties by id the same way.
  let dir: "asc" | "desc" = "desc";
  switch (opts.status) {
    case "upcoming":
      query = query.orderBy("c.opens_at");
      dir = "asc";
      break;
    case "closing_soon":
      query = query.orderBy("c.closes_at");
      dir = "asc";
      break;
    case "closed":
    case "outcome_overdue":
      query = query.orderBy("c.closes_at", "desc");
      break;
    case "outcome_published":
      query = query.orderBy("c.outcome_published_at", "desc");
      break;
    default:
      query = query.orderBy("c.updated_at", "desc");
  }
  const { rows, hasMore } = await fetchPage(query.orderBy("c.id", dir), opts.page, opts.perPage);
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
    const a = area.get(r.area_id)!;
    return {
      ...r,
      organisation_name: org.get(r.organisation_id)?.name ?? "",
      outcome_overdue_weeks: a.outcome_overdue_weeks,
      area_slug: a.slug,
      area_name: a.name,
    };
  });
}
