// Reading petitions: the record loaders for authorize(), who may see what, and every list
// (public browse, moderation queue, dashboard, inbox, calendar), each using an index and a LIMIT.
import type { Context, MiddlewareHandler } from "hono";
import { sql, type Compilable, type Expression, type Selectable, type SqlBool } from "kysely";
import { rejectionReasons, type RejectionCode } from "../../shared/petitions/machine";
import { petitionStatus } from "../../shared/petitions/rules";
import { petitionStatusLabels } from "../../shared/petitions/status";
import { isAllowed, permissions, type Action, type Permission } from "../../shared/permissions";
import type { Role } from "../../shared/roles";
import type {
  DashboardFilter,
  DashboardRow,
  Petition,
  PetitionListQuery,
  PetitionPage,
  PetitionSummary,
  SimilarPetition,
  TimelineEntry,
} from "../../shared/schemas/petitions";
import { formatLondonDate, londonDate } from "../../shared/time";
import { workingDaysBetween } from "../../shared/workingDays";
import type { Actor } from "../platform/actor";
import type { RecordLoader } from "../auth/middleware";
import { sha256 } from "../platform/crypto";
import { chunks, type DB, readBatch, readGroups } from "../platform/db";
import type { PetitionsTable } from "../platform/schema";
import type { AppEnv } from "../platform/env";
import { AppError, forbidden, notFound, unauthenticated, validationFailed } from "../platform/errors";
import { parseId, pathId } from "../platform/pathId";
import type { Reach } from "../../shared/permissions";
import { inReach } from "../platform/reach";
import {
  answerable,
  filterConditions,
  openNotYetOwed,
  petitionParams,
  publiclyListed,
  stateOnlyFilters,
} from "../../shared/petitions/rules";
import { where } from "../platform/conditions";

export type PetitionRow = Selectable<PetitionsTable> & { organisation_name: string; area_name: string };

function petitionQuery(db: DB, id: number) {
  return db
    .selectFrom("petitions as p")
    .innerJoin("organisations as o", "o.id", "p.organisation_id")
    .innerJoin("areas as a", "a.id", "p.area_id")
    .selectAll("p")
    .select(["o.name as organisation_name", "a.name as area_name"])
    .where("p.id", "=", id);
}

export async function findPetition(db: DB, id: number): Promise<PetitionRow | undefined> {
  return petitionQuery(db, id).executeTakeFirst();
}

/** The petition and its signatures by district, in one round trip (what its page shows). */
async function findPetitionWithDistricts(db: DB, id: number): Promise<{ petition: PetitionRow | undefined; districts: District[] }> {
  const [petitions, districts] = await readBatch(db, [petitionQuery(db, id), districtsQuery(db, id)]);
  return { petition: petitions[0], districts: districts.map(districtOf) };
}

const scopeOf = (p: PetitionRow) => ({ areaId: p.area_id, organisationIds: [p.organisation_id] });

/** The petition named by :id in the path; it belongs to its area and the organisation it is addressed to. */
export const petitionById: RecordLoader<PetitionRow> = async (db, params) => {
  const id = parseId(params.id);
  const p = id === null ? undefined : await findPetition(db, id);
  return p ? { record: p, scope: scopeOf(p) } : null;
};

/** Would `permissions` let this person take `action` on the petition (for showing the right links)? */
export function may(actor: Actor | null, action: Action, p: PetitionRow): boolean {
  return Boolean(actor && isAllowed(action, actor.memberships, scopeOf(p)));
}

/** May this person see drafts, pending and removed petitions of the petition's area (its clerks and administrators)? */
export function canModerate(actor: Actor | null, p: PetitionRow): boolean {
  return may(actor, "petition.moderate", p);
}

/** `districts` only when asked for (read in the same round trip as the petition). */
export type Readable = { petition: PetitionRow; removed: boolean; districts: District[] };

/**
 * The petition named by :id, as the caller may read it: drafts and petitions waiting to
 * be checked exist only for the area's clerks and administrators (404 for everyone
 * else); a removed petition is, for the public, only its removal and reason.
 */
export async function readablePetition<E extends AppEnv>(c: Context<E>, { withDistricts = false } = {}): Promise<Readable> {
  const id = pathId(c);
  const read = async (id: number) =>
    withDistricts ? findPetitionWithDistricts(c.var.db, id) : { petition: await findPetition(c.var.db, id), districts: [] };
  const { petition: p, districts } = id === null ? { petition: undefined, districts: [] } : await read(id);
  if (!p) throw notFound("petition");
  const moderator = canModerate(c.var.caller, p);
  if ((p.state === "draft" || p.state === "pending") && !moderator) throw notFound("petition");
  const removed = p.state === "hidden" && !moderator;
  return { petition: p, removed, districts: removed ? [] : districts };
}

export function removedMessage(p: PetitionRow): string {
  const code = (p.hidden_code ?? p.rejection_code) as RejectionCode | null;
  const reason = code && rejectionReasons[code] ? rejectionReasons[code].label : "It broke the rules for petitions";
  return `This petition was removed. The reason: ${reason}.`;
}

export const petitionRemoved = (p: PetitionRow) => new AppError(410, "petition_removed", removedMessage(p));

/** The feed token named by :id in the path; it belongs to its committee's area. */
export const feedTokenById: RecordLoader<{ id: number; area_id: number; organisation_id: number; revoked_at: string | null }> = async (
  db,
  params,
) => {
  const id = parseId(params.id);
  if (id === null) return null;
  const t = await db
    .selectFrom("feed_tokens as t")
    .innerJoin("organisations as o", "o.id", "t.organisation_id")
    .select(["t.id", "o.area_id", "t.organisation_id", "t.revoked_at"])
    .where("t.id", "=", id)
    .where("t.person_id", "is", null)
    .executeTakeFirst();
  return t && t.organisation_id !== null
    ? { record: { ...t, organisation_id: t.organisation_id }, scope: { areaId: t.area_id, organisationIds: [t.organisation_id] } }
    : null;
};

// ---------------------------------------------------------------- rows to API objects

const summaryColumns = [
  "p.id",
  "p.area_id",
  "p.organisation_id",
  "p.title",
  "p.state",
  "p.response_state",
  "p.scrutiny_state",
  "p.response_due_at",
  "p.signature_count",
  "p.response_threshold",
  "p.scrutiny_threshold",
  "p.opened_at",
  "p.closes_at",
] as const;

type SummaryRow = Pick<
  PetitionRow,
  | "id"
  | "area_id"
  | "area_name"
  | "organisation_id"
  | "organisation_name"
  | "title"
  | "state"
  | "response_state"
  | "scrutiny_state"
  | "response_due_at"
  | "signature_count"
  | "response_threshold"
  | "scrutiny_threshold"
  | "opened_at"
  | "closes_at"
>;

export function webUrl(publicUrl: string, id: number): string {
  return new URL(`/petitions/${id}`, publicUrl).toString();
}

export function summaryOf(p: SummaryRow, now: Date, publicUrl: string): PetitionSummary {
  const status = petitionStatus(p, now);
  return {
    id: p.id,
    areaId: p.area_id,
    areaName: p.area_name,
    organisationId: p.organisation_id,
    organisationName: p.organisation_name,
    title: p.title,
    state: p.state,
    status,
    statusText: petitionStatusLabels[status],
    signatureCount: p.signature_count,
    responseThreshold: p.response_threshold,
    scrutinyThreshold: p.scrutiny_threshold,
    openedAt: p.opened_at,
    closesAt: p.closes_at,
    responseDueAt: p.response_due_at,
    webUrl: webUrl(publicUrl, p.id),
  };
}

const referralWords = {
  threshold: "it reached the signatures for a referral",
  dissatisfied: "the petitioner was not satisfied with the response",
  clerk: "referred by the committee's clerk",
} as const;

/** What happened, in order: from the petition's own stamps (the audit log keeps every detail). */
export function timelineOf(p: PetitionRow, now: Date): TimelineEntry[] {
  const t: TimelineEntry[] = [];
  const n = (v: number | null) => (v ?? 0).toLocaleString("en-GB");
  if (p.state === "rejected" && p.moderated_at) {
    const code = p.rejection_code as RejectionCode | null;
    t.push({
      at: p.moderated_at,
      kind: "rejected",
      text: `Rejected: ${code && rejectionReasons[code] ? rejectionReasons[code].label.toLowerCase() : "it broke the rules"}`,
    });
  }
  if (p.opened_at) t.push({ at: p.opened_at, kind: "opened", text: "Opened for signatures" });
  if (p.response_threshold_reached_at) {
    t.push({
      at: p.response_threshold_reached_at,
      kind: "response_threshold_reached",
      text: `Reached ${n(p.response_threshold)} signatures: ${p.organisation_name} must respond`,
    });
  }
  // The due date while a response is owed, or when it was missed; an answer in time makes it history.
  if (p.response_due_at && p.response_state !== "not_due") {
    const overdue = p.response_state === "owed" && Date.parse(p.response_due_at) < now.getTime();
    const answeredLate = p.responded_at !== null && p.responded_at > p.response_due_at;
    if (p.response_state === "owed" || answeredLate) {
      t.push({
        at: p.response_due_at,
        kind: "response_due",
        text: overdue ? "Response was due: it is overdue" : answeredLate ? "Response was due (it came late)" : "Response due",
      });
    }
  }
  if (p.responded_at) t.push({ at: p.responded_at, kind: "responded", text: `${p.organisation_name} responded` });
  if (p.scrutiny_threshold_reached_at) {
    t.push({
      at: p.scrutiny_threshold_reached_at,
      kind: "scrutiny_threshold_reached",
      text: `Reached ${n(p.scrutiny_threshold)} signatures for a referral to the scrutiny committee`,
    });
  }
  if (p.referred_at) {
    const why = referralWords[p.referral_reason as keyof typeof referralWords];
    t.push({ at: p.referred_at, kind: "referred", text: `Referred to the scrutiny committee${why ? `: ${why}` : ""}` });
  }
  if (p.scrutiny_state === "considered" && p.osc_considered_at) {
    const meeting =
      p.osc_meeting_date && p.osc_meeting_date !== londonDate(p.osc_considered_at)
        ? ` at its meeting on ${formatLondonDate(p.osc_meeting_date)}`
        : "";
    t.push({ at: p.osc_considered_at, kind: "considered", text: `Considered by the scrutiny committee${meeting}` });
  }
  if (p.closed_at) t.push({ at: p.closed_at, kind: "closed", text: `Closed with ${n(p.signature_count)} signatures` });
  if (p.hidden_at) t.push({ at: p.hidden_at, kind: "removed", text: "Removed from public view" });
  return t.sort((a, b) => a.at.localeCompare(b.at));
}

export type District = { district: string; signatures: number };

function districtsQuery(db: DB, petitionId: number, limit = 50) {
  return db
    .selectFrom("petition_districts")
    .select(["district", "signature_count"])
    .where("petition_id", "=", petitionId)
    .where("signature_count", ">", 0)
    .orderBy("signature_count", "desc")
    .orderBy("district")
    .limit(limit);
}

const districtOf = (r: { district: string; signature_count: number }): District => ({
  district: r.district,
  signatures: r.signature_count,
});

export async function districtsOf(db: DB, petitionId: number, limit = 50): Promise<District[]> {
  return (await districtsQuery(db, petitionId, limit).execute()).map(districtOf);
}

/** The petition as the API and its page show it; `districts` when already read with it (readablePetition). */
export async function petitionDetail(db: DB, p: PetitionRow, now: Date, publicUrl: string, districts?: District[]): Promise<Petition> {
  const code = p.rejection_code as RejectionCode | null;
  return {
    ...summaryOf(p, now, publicUrl),
    action: p.action,
    background: p.background,
    rejection:
      p.state === "rejected" && code ? { code, reason: rejectionReasons[code]?.label ?? code, explanation: p.rejection_details } : null,
    responseThresholdReachedAt: p.response_threshold_reached_at,
    scrutinyThresholdReachedAt: p.scrutiny_threshold_reached_at,
    response:
      p.response_state === "responded" && p.response_text && p.responded_at ? { text: p.response_text, respondedAt: p.responded_at } : null,
    scrutiny: {
      state: p.scrutiny_state as Petition["scrutiny"]["state"],
      referredAt: p.referred_at,
      referralReason: p.referral_reason as Petition["scrutiny"]["referralReason"],
      meetingDate: p.osc_meeting_date,
      decision: p.osc_decision,
      outcome: p.osc_outcome,
      consideredAt: p.osc_considered_at,
    },
    timeline: timelineOf(p, now),
    districts: districts ?? (await districtsOf(db, p.id)),
  };
}

// ---------------------------------------------------------------- filters

const P = { alias: "p" } as const;
const ANSWERABLE = where(answerable, {}, P);

/**
 * The SQL condition for a list filter (public or dashboard). `inOrder`: a filter that is only a
 * state names it as +p.state, keeping SQLite walking the list's order index (reading only the
 * rows it shows) instead of taking every petition in that state from the state index and sorting.
 */
export function filterCondition(filter: DashboardFilter, now: Date, inOrder = false): Expression<SqlBool> {
  const unindexed = inOrder && stateOnlyFilters.includes(filter) ? ["state"] : [];
  return where(filterConditions[filter], petitionParams(now), { ...P, unindexed });
}

/** Words anywhere in the title, what is asked, or why (LIKE, with % and _ taken literally). */
function textCondition(q: string): Expression<SqlBool> {
  const words = q.split(/\s+/).filter(Boolean).slice(0, 8);
  return sql<SqlBool>`(${sql.join(
    words.map((w) => {
      const like = `%${w.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      return sql<SqlBool>`(p.title LIKE ${like} ESCAPE '\\' OR p.action LIKE ${like} ESCAPE '\\' OR p.background LIKE ${like} ESCAPE '\\')`;
    }),
    sql` AND `,
  )})`;
}

/** Petitions only: the names of their organisations and areas are added by `named()` (a few rows, not one per petition). */
function listQuery(db: DB) {
  return db.selectFrom("petitions as p").select(summaryColumns);
}

/** Adds organisation and area names to list rows, reading each organisation and area once. */
export async function named<R extends { organisation_id: number; area_id: number }>(
  db: DB,
  rows: R[],
): Promise<(R & { organisation_name: string; area_name: string })[]> {
  if (rows.length === 0) return [];
  const orgIds = [...new Set(rows.map((r) => r.organisation_id))];
  const areaIds = [...new Set(rows.map((r) => r.area_id))];
  // The ids as a VALUES list joined by primary key: one row read per name. An IN list (or
  // json_each) is first copied into a temporary table, which D1 counts as reads too: twice the
  // rows. All of them in one round trip.
  const byIds = (table: "organisations" | "areas", ids: number[]) =>
    chunks(ids).map((part): Compilable<{ id: number; name: string }> => {
      const raw = sql<{
        id: number;
        name: string;
      }>`SELECT t.id, t.name FROM (VALUES ${sql.join(part.map((id) => sql`(${id})`))}) AS ids JOIN ${sql.table(table)} AS t ON t.id = ids.column1`;
      return { compile: () => raw.compile(db) };
    });
  const [orgs, areas] = await readGroups(db, [byIds("organisations", orgIds), byIds("areas", areaIds)]);
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  const areaName = new Map(areas.map((a) => [a.id, a.name]));
  return rows.map((r) => ({ ...r, organisation_name: orgName.get(r.organisation_id) ?? "", area_name: areaName.get(r.area_id) ?? "" }));
}

/** What anyone may list: open, closed and rejected petitions (never drafts, pending or removed). */
const PUBLIC_STATES = where(publiclyListed, {}, P);
const PUBLIC_STATES_IN_ORDER = where(publiclyListed, {}, { ...P, unindexed: ["state"] });

/**
 * In one area the partial indexes of migration 0040 (area, order) are used; across areas the
 * order indexes are walked with the state checked row by row (`+p.state`), so either way a
 * page reads about as many petitions as it shows.
 */
function publicConditions(q: Omit<PetitionListQuery, "page" | "perPage">, now: Date): Expression<SqlBool>[] {
  return [
    q.areaId ? PUBLIC_STATES : PUBLIC_STATES_IN_ORDER,
    ...(q.areaId ? [sql<SqlBool>`p.area_id = ${q.areaId}`] : []),
    ...(q.organisationId ? [sql<SqlBool>`p.organisation_id = ${q.organisationId}`] : []),
    ...(q.status ? [filterCondition(q.status, now, true)] : []),
    ...(q.q ? [textCondition(q.q)] : []),
  ];
}

const all = (conditions: Expression<SqlBool>[]) => sql<SqlBool>`${sql.join(conditions, sql` AND `)}`;

const NEWEST = sql`COALESCE(p.opened_at, p.moderated_at, p.created_at)`;

/** A page cursor: the sort key and id of the last petition shown. */
function encodeCursor(key: string | number, id: number): string {
  return btoa(JSON.stringify([key, id]))
    .replace(/=+$/, "")
    .replace(/\+/g, "-")
    .replace(/\//g, "_");
}

function decodeCursor(cursor: string, sort: PetitionListQuery["sort"]): [string | number, number] {
  try {
    const value = JSON.parse(atob(cursor.replace(/-/g, "+").replace(/_/g, "/"))) as unknown;
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      Number.isSafeInteger(value[1]) &&
      (sort === "signatures" ? Number.isSafeInteger(value[0]) : typeof value[0] === "string")
    ) {
      return value as [string | number, number];
    }
  } catch {
    // fall through
  }
  throw validationFailed({ after: "That page link is not valid: go back to the first page" });
}

/**
 * A page of the public list. With `after` (the previous page's nextCursor) it reads on from
 * where that page ended (keyset: about as many rows as it returns, however deep); `page`
 * alone skips by OFFSET, which reads every row it skips.
 */
export async function listPublic(db: DB, q: PetitionListQuery, now: Date, publicUrl: string): Promise<PetitionPage> {
  const bySignatures = q.sort === "signatures";
  const keyExpr = bySignatures ? sql`p.signature_count` : NEWEST;
  const base = listQuery(db)
    .select(sql<string>`${NEWEST}`.as("sort_newest"))
    .where(all(publicConditions(q, now)));
  const wanted = q.perPage + 1;
  let rows: Awaited<ReturnType<typeof base.execute>>;
  if (q.after) {
    const [key, id] = decodeCursor(q.after, q.sort);
    // Two seeks in the (key DESC, id DESC) index, each to the exact row: first the rest of the
    // petitions tied with the last one shown, then those after the key. (One range on the key
    // would read every tied petition again; SQLite does not seek a row value in a DESC index.)
    const tied = await base.where(sql<SqlBool>`${keyExpr} = ${key} AND p.id < ${id}`).orderBy(sql`p.id DESC`).limit(wanted).execute();
    const after =
      tied.length < wanted
        ? await base
            .where(sql<SqlBool>`${keyExpr} < ${key}`)
            .orderBy(sql`${keyExpr} DESC`)
            .orderBy(sql`p.id DESC`)
            .limit(wanted - tied.length)
            .execute()
        : [];
    rows = [...tied, ...after];
  } else {
    rows = await base
      .orderBy(sql`${keyExpr} DESC`)
      .orderBy(sql`p.id DESC`)
      .limit(wanted)
      .offset((q.page - 1) * q.perPage)
      .execute();
  }
  const shown = await named(db, rows.slice(0, q.perPage));
  const last = shown[shown.length - 1];
  const hasMore = rows.length > q.perPage;
  return {
    items: shown.map((r) => summaryOf(r, now, publicUrl)),
    page: q.page,
    perPage: q.perPage,
    hasMore,
    nextCursor: hasMore && last ? encodeCursor(bySignatures ? last.signature_count : last.sort_newest, last.id) : null,
  };
}

/** The same list a page at a time in id order, for CSV. */
export function publicPage(db: DB, q: PetitionListQuery, now: Date) {
  return async (afterId: number, size: number) =>
    named(
      db,
      await listQuery(db)
        .where(all(publicConditions(q, now)))
        .where("p.id", ">", afterId)
        .orderBy("p.id")
        .limit(size)
        .execute(),
    );
}

export const publicCsvHeader = [
  "Id",
  "Title",
  "Addressed to",
  "Area",
  "Status",
  "Signatures",
  "Signatures for a response",
  "Signatures for scrutiny",
  "Opened",
  "Closes",
  "Response due",
  "Web address",
];

export function publicCsvRow(r: SummaryRow, now: Date, publicUrl: string): unknown[] {
  const s = summaryOf(r, now, publicUrl);
  return [
    s.id,
    s.title,
    s.organisationName,
    s.areaName,
    s.statusText,
    s.signatureCount,
    s.responseThreshold,
    s.scrutinyThreshold,
    day(s.openedAt),
    day(s.closesAt),
    day(s.responseDueAt),
    s.webUrl,
  ];
}

const day = (iso: string | null) => (iso ? londonDate(iso) : "");

// ---------------------------------------------------------------- similar open petitions

const STOP_WORDS = new Set(
  "the and for our with that this from have will into more about their them they your what when where which would should could keep make stop save bring back please open close local health service services nhs petition".split(
    " ",
  ),
);

/** Open petitions in the same area sharing words with a title, the most shared first. */
export async function similarPetitions(db: DB, organisationId: number, title: string, publicUrl: string): Promise<SimilarPetition[]> {
  const org = await db.selectFrom("organisations").select("area_id").where("id", "=", organisationId).executeTakeFirst();
  if (!org) return [];
  const words = [...new Set(title.toLowerCase().match(/[a-z0-9']{3,}/g) ?? [])].filter((w) => !STOP_WORDS.has(w)).slice(0, 6);
  if (words.length === 0) return [];
  const rows = await db
    .selectFrom("petitions as p")
    .innerJoin("organisations as o", "o.id", "p.organisation_id")
    .select(["p.id", "p.title", "p.action", "o.name as organisation_name", "p.signature_count"])
    .where("p.area_id", "=", org.area_id)
    .where("p.state", "=", "open")
    .where(
      sql<SqlBool>`(${sql.join(
        words.map((w) => sql`p.title LIKE ${`%${w}%`}`),
        sql` OR `,
      )})`,
    )
    .limit(50)
    .execute();
  const shared = (r: { title: string }) => words.filter((w) => r.title.toLowerCase().includes(w)).length;
  return rows
    .map((r) => ({ r, score: shared(r) }))
    .sort((a, b) => b.score - a.score || b.r.signature_count - a.r.signature_count)
    .slice(0, 5)
    .map(({ r }) => ({
      id: r.id,
      title: r.title,
      organisationName: r.organisation_name,
      signatureCount: r.signature_count,
      webUrl: webUrl(publicUrl, r.id),
    }));
}

// ---------------------------------------------------------------- clerks: moderation queue and dashboard

export async function moderationQueue(db: DB, reach: Reach) {
  const base = db
    .selectFrom("petitions as p")
    .innerJoin("organisations as o", "o.id", "p.organisation_id")
    .innerJoin("areas as a", "a.id", "p.area_id")
    .select([
      "p.id",
      "p.title",
      "p.state",
      "p.petitioner_name",
      "p.petitioner_confirmed_at",
      "p.created_at",
      "o.name as organisation_name",
      "a.name as area_name",
    ])
    .where(inReach(reach));
  const [pending, drafts] = await Promise.all([
    base.where("p.state", "=", "pending").orderBy("p.petitioner_confirmed_at").orderBy("p.id").limit(200).execute(),
    base.where("p.state", "=", "draft").orderBy("p.created_at", "desc").limit(50).execute(),
  ]);
  return { pending, drafts };
}

export interface DashboardQueryInput {
  areaId?: number | undefined;
  organisationId?: number | undefined;
  status?: DashboardFilter | undefined;
}

function dashboardConditions(q: DashboardQueryInput, reach: Reach, now: Date): Expression<SqlBool>[] {
  return [
    inReach(reach),
    ...(q.areaId ? [sql<SqlBool>`p.area_id = ${q.areaId}`] : []),
    ...(q.organisationId ? [sql<SqlBool>`p.organisation_id = ${q.organisationId}`] : []),
    ...(q.status ? [filterCondition(q.status, now)] : []),
  ];
}

/**
 * Most urgent first (urgencyRank and urgencyKey in shared/petitions/rules.ts, generated columns
 * with the index petitions_urgency_area), then the most recently changed.
 */
const URGENCY_ORDER = sql`p.urgency_rank ASC, p.urgency_key ASC, p.updated_at DESC, p.id ASC`;

function dashboardQuery(db: DB, q: DashboardQueryInput, reach: Reach, now: Date) {
  return listQuery(db)
    .select(["p.created_at", "p.response_threshold_reached_at", "p.responded_at", "p.referred_at"])
    .where(all(dashboardConditions(q, reach, now)))
    .orderBy(URGENCY_ORDER);
}

/** A dashboard row as read (dashboardQuery), and with the names named() adds. */
type DashboardDbRowUnnamed = Awaited<ReturnType<ReturnType<typeof dashboardQuery>["execute"]>>[number];
type DashboardDbRow = DashboardDbRowUnnamed & { organisation_name: string; area_name: string };

export function dashboardRowOf(r: DashboardDbRow, now: Date, publicUrl: string): DashboardRow {
  const summary = summaryOf(r, now, publicUrl);
  return {
    ...summary,
    createdAt: r.created_at,
    responseThresholdReachedAt: r.response_threshold_reached_at,
    respondedAt: r.responded_at,
    workingDaysOverdue:
      summary.status === "response_overdue" && r.response_due_at
        ? Math.max(1, workingDaysBetween(londonDate(r.response_due_at), londonDate(now)))
        : null,
    scrutinyState: r.scrutiny_state,
    referredAt: r.referred_at,
  };
}

type DashboardPageInput = DashboardQueryInput & { page: number; perPage: number };

/** The read behind one page of the dashboard (one row more, to know there is a next page), for a batch with others. */
export function dashboardPageQuery(db: DB, q: DashboardPageInput, reach: Reach, now: Date) {
  return dashboardQuery(db, q, reach, now)
    .limit(q.perPage + 1)
    .offset((q.page - 1) * q.perPage);
}

/** A page of the dashboard from the rows dashboardPageQuery() read: names added, one round trip. */
export async function dashboardPage(db: DB, q: DashboardPageInput, rows: DashboardDbRowUnnamed[], now: Date, publicUrl: string) {
  const shown = await named(db, rows.slice(0, q.perPage));
  return { items: shown.map((r) => dashboardRowOf(r, now, publicUrl)), page: q.page, perPage: q.perPage, hasMore: rows.length > q.perPage };
}

export async function dashboard(db: DB, q: DashboardPageInput, reach: Reach, now: Date, publicUrl: string) {
  return dashboardPage(db, q, await dashboardPageQuery(db, q, reach, now).execute(), now, publicUrl);
}

/** Rows in one CSV of the dashboard, at most (an area has hundreds of petitions a year, not tens of thousands). */
export const DASHBOARD_CSV_LIMIT = 20_000;

/**
 * The dashboard in urgency order for CSV, in one pass down the urgency index: each petition is
 * read once (paging by OFFSET would read the first pages again for every later one).
 */
export async function* dashboardPages(
  db: DB,
  q: DashboardQueryInput,
  reach: Reach,
  now: Date,
  publicUrl: string,
): AsyncGenerator<unknown[][]> {
  const rows = await named(db, await dashboardQuery(db, q, reach, now).limit(DASHBOARD_CSV_LIMIT).execute());
  for (let i = 0; i < rows.length; i += 500) yield rows.slice(i, i + 500).map((r) => dashboardCsvRow(dashboardRowOf(r, now, publicUrl)));
}

export const dashboardCsvHeader = [
  "Id",
  "Title",
  "Addressed to",
  "Area",
  "Status",
  "Signatures",
  "Response threshold reached",
  "Response due",
  "Working days overdue",
  "Responded",
  "Referred to scrutiny",
  "Closes",
  "Web address",
];

function dashboardCsvRow(r: DashboardRow): unknown[] {
  return [
    r.id,
    r.title,
    r.organisationName,
    r.areaName,
    r.statusText,
    r.signatureCount,
    day(r.responseThresholdReachedAt),
    day(r.responseDueAt),
    r.workingDaysOverdue ?? "",
    day(r.respondedAt),
    day(r.referredAt),
    day(r.closesAt),
    r.webUrl,
  ];
}

// ---------------------------------------------------------------- responders: the inbox

export async function inbox(db: DB, reach: Reach, now: Date, publicUrl: string) {
  const base = listQuery(db).where(inReach(reach)).where(ANSWERABLE);
  // Open petitions, the most signed first: one walk of an index per organisation (or area) in
  // reach, merged here, so a responder for two organisations reads 50 from each, not all of both.
  const openIn = (column: "p.organisation_id" | "p.area_id", id: number) =>
    listQuery(db)
      .where(column, "=", id)
      .where(where(openNotYetOwed, {}, P))
      .orderBy("p.signature_count", "desc")
      .orderBy("p.id")
      .limit(50)
      .execute();
  const [owedRows, ...openParts] = await Promise.all([
    base.where("p.response_state", "=", "owed").orderBy("p.response_due_at").orderBy("p.id").limit(200).execute(),
    ...reach.organisationIds.map((id) => openIn("p.organisation_id", id)),
    ...reach.areaIds.map((id) => openIn("p.area_id", id)),
  ]);
  const openRows = [...new Map(openParts.flat().map((r) => [r.id, r])).values()]
    .sort((a, b) => b.signature_count - a.signature_count || a.id - b.id)
    .slice(0, 50);
  // Both lists' names in one look-up (one round trip, each organisation read once).
  const both = await named(db, [...owedRows, ...openRows]);
  const [owed, open] = [both.slice(0, owedRows.length), both.slice(owedRows.length)];
  const row = (r: SummaryRow) => {
    const s = summaryOf(r, now, publicUrl);
    return {
      ...s,
      overdue: s.status === "response_overdue",
      workingDaysOverdue:
        s.status === "response_overdue" && r.response_due_at
          ? Math.max(1, workingDaysBetween(londonDate(r.response_due_at), londonDate(now)))
          : null,
    };
  };
  return { owed: owed.map(row), open: open.map(row) };
}

// ---------------------------------------------------------------- calendar feed

export async function feedTokens(db: DB, reach: Reach) {
  return feedTokensQuery(db, reach).execute();
}

/** The committees' calendar addresses in reach (the read behind feedTokens(), for a batch with others). */
export function feedTokensQuery(db: DB, reach: Reach) {
  return db
    .selectFrom("feed_tokens as t")
    .innerJoin("organisations as o", "o.id", "t.organisation_id")
    .innerJoin("people as p", "p.id", "t.created_by")
    .select(["t.id", "t.organisation_id", "o.name as organisation_name", "o.area_id", "t.created_at", "p.name as created_by"])
    .where(
      "t.organisation_id",
      "in",
      reach.areaIds.length
        ? db.selectFrom("organisations").select("id").where("area_id", "in", reach.areaIds).where("kind", "=", "osc")
        : [0],
    )
    .where("t.person_id", "is", null)
    .where("t.revoked_at", "is", null)
    .orderBy("t.created_at")
    .limit(100);
}

/** The committee and area behind a feed address; null when unknown or turned off. */
export async function feedByToken(db: DB, token: string) {
  return db
    .selectFrom("feed_tokens as t")
    .innerJoin("organisations as o", "o.id", "t.organisation_id")
    .select(["t.id", "o.area_id", "o.name as organisation_name"])
    .where("t.token_hash", "=", await sha256(token))
    .where("t.revoked_at", "is", null)
    .where("o.kind", "=", "osc")
    .executeTakeFirst();
}

/** Responses owed in an area, the soonest due first (a calendar shows at most 500). */
export async function responsesDue(db: DB, areaId: number) {
  const rows = await listQuery(db)
    .where("p.area_id", "=", areaId)
    .where(ANSWERABLE)
    // Literal, not bound: SQLite uses the partial index petitions_area_owed only for a literal.
    .where(sql<SqlBool>`p.response_state = 'owed'`)
    .where("p.response_due_at", "is not", null)
    .orderBy("p.response_due_at")
    .limit(500)
    .execute();
  return named(db, rows);
}
