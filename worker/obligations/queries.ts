// Reading obligations: one request with its thread and timeline, lists for an organisation, and loaders for authorize().
import type { Selectable } from "kysely";
import { at } from "../../shared/conditions";
import { obligationKinds } from "../../shared/obligations/machine";
import {
  type ObligationFilter,
  filterConditions,
  obligationScope,
  obligationStatus,
  raisingOrganisationId,
} from "../../shared/obligations/rules";
import { permissions, type Reach, reachOf } from "../../shared/permissions";
import type { Role } from "../../shared/roles";
import type { Link, Obligation, ObligationDetail, ObligationMessage, TimelineEntry } from "../../shared/schemas/obligations";
import { londonDate } from "../../shared/time";
import { type RecordLoader, requireAllowed } from "../auth/middleware";
import type { Actor } from "../platform/actor";
import { where } from "../platform/conditions";
import { chunks, type DB, readGroups, slicePage } from "../platform/db";
import type { Deps } from "../platform/deps";
import { notFound } from "../platform/errors";
import { parseId } from "../platform/pathId";
import type { ObligationsTable } from "../platform/schema";

export function obligationQuery(db: DB) {
  return db
    .selectFrom("obligations as ob")
    .innerJoin("organisations as owing", "owing.id", "ob.owed_by_organisation_id")
    .leftJoin("organisations as owed", "owed.id", "ob.owed_to_organisation_id")
    .selectAll("ob")
    .select(["owing.name as owed_by_name", "owed.name as owed_to_name"]);
}

export type ObligationRow = Awaited<ReturnType<ReturnType<typeof obligationQuery>["executeTakeFirstOrThrow"]>>;

/** Obligations only, for lists: `withNames()` adds the organisations' names, reading each organisation once. */
export function obligationListQuery(db: DB) {
  return db.selectFrom("obligations as ob").selectAll("ob");
}

export async function withNames(db: DB, rows: Selectable<ObligationsTable>[]): Promise<ObligationRow[]> {
  if (rows.length === 0) return [];
  const ids = [
    ...new Set(rows.flatMap((r) => [r.owed_by_organisation_id, ...(r.owed_to_organisation_id ? [r.owed_to_organisation_id] : [])])),
  ];
  const [orgs] = await readGroups(db, [
    chunks(ids).map((part) => db.selectFrom("organisations").select(["id", "name"]).where("id", "in", part)),
  ]);
  const names = new Map(orgs.map((o) => [o.id, o.name]));
  return rows.map((r) => ({
    ...r,
    owed_by_name: names.get(r.owed_by_organisation_id) ?? "",
    owed_to_name: r.owed_to_organisation_id ? (names.get(r.owed_to_organisation_id) ?? null) : null,
  }));
}

export function obligationFromRow(o: ObligationRow, now: Date, publicUrl: string): Obligation {
  return {
    id: o.id,
    areaId: o.area_id,
    kind: o.kind,
    kindLabel: obligationKinds[o.kind].label,
    title: o.title,
    body: o.body,
    owedBy: { id: o.owed_by_organisation_id, name: o.owed_by_name },
    owedTo: o.owed_to_organisation_id ? { id: o.owed_to_organisation_id, name: o.owed_to_name ?? "" } : null,
    receivedAt: o.received_at,
    dueAt: o.due_at,
    dueDate: londonDate(o.due_at),
    state: o.state,
    status: obligationStatus(o, now),
    metAt: o.met_at,
    metLate: o.met_late === null ? null : o.met_late === 1,
    withdrawnAt: o.withdrawn_at,
    webUrl: new URL(`/obligations/${o.id}`, publicUrl).toString(),
    createdAt: o.created_at,
    updatedAt: o.updated_at,
  };
}

export function findObligation(db: DB, id: number): Promise<ObligationRow | undefined> {
  return obligationQuery(db).where("ob.id", "=", id).executeTakeFirst();
}

/** An obligation just written, by its id or clientId: it exists, so a missing row is a fault, not a 404. */
export function reloadObligation(db: DB, by: { id: number } | { clientId: string }): Promise<ObligationRow> {
  const query = obligationQuery(db);
  return ("id" in by ? query.where("ob.id", "=", by.id) : query.where("ob.client_id", "=", by.clientId)).executeTakeFirstOrThrow();
}

/** A request with its whole thread and timeline, as the API gives it. */
export async function obligationDetail({ db, now, publicUrl }: Deps, row: ObligationRow): Promise<ObligationDetail> {
  const [messages, timeline] = await Promise.all([threadOf(db, row.id), timelineOf(db, row.id)]);
  return { obligation: obligationFromRow(row, now, publicUrl), messages, timeline };
}

const roleCanReply = (role: Role) => role in permissions["obligation.reply"];

/** People who answer for an organisation (its responders or scrutiny clerks), with their email addresses. */
export async function peopleAnsweringFor(db: DB, organisationIds: readonly number[]) {
  const people = [];
  for (const part of chunks(organisationIds)) {
    const rows = await db
      .selectFrom("memberships as m")
      .innerJoin("people as p", "p.id", "m.person_id")
      .select(["p.id", "p.email", "p.name", "m.role", "m.organisation_id"])
      .where("m.organisation_id", "in", part)
      .execute();
    people.push(...rows.filter((r) => roleCanReply(r.role)));
  }
  return people;
}

/** The obligation named by :id, scoped to both its organisations (for viewing). */
export const obligationById: RecordLoader<ObligationRow> = async (db, params) => {
  const id = parseId(params.id);
  const row = id === null ? undefined : await findObligation(db, id);
  return row ? { record: row, scope: obligationScope(row) } : null;
};

/** The same, scoped to the owing organisation only: only it can answer. */
export const obligationOwedBy: RecordLoader<ObligationRow> = async (db, params) => {
  const loaded = await obligationById(db, params);
  return (
    loaded && { record: loaded.record, scope: { areaId: loaded.record.area_id, organisationIds: [loaded.record.owed_by_organisation_id] } }
  );
};

/** The same, scoped to the side that raised it (a LINk, or the scrutiny committee that recorded it): it adds notes and withdraws. */
export const obligationRaisingSide: RecordLoader<ObligationRow> = async (db, params) => {
  const loaded = await obligationById(db, params);
  const raising = loaded && raisingOrganisationId(loaded.record);
  return loaded && { record: loaded.record, scope: { areaId: loaded.record.area_id, organisationIds: raising ? [raising] : [] } };
};

export function parseLinks(json: string): Link[] {
  try {
    const links = JSON.parse(json) as unknown;
    return Array.isArray(links) ? (links as Link[]) : [];
  } catch {
    return [];
  }
}

export async function threadOf(db: DB, obligationId: number): Promise<ObligationMessage[]> {
  const rows = await db
    .selectFrom("obligation_messages as m")
    .leftJoin("people as p", "p.id", "m.author_id")
    .leftJoin("organisations as o", "o.id", "m.author_organisation_id")
    .select(["m.id", "m.kind", "m.body", "m.links", "m.created_at", "p.name as author_name", "o.name as organisation_name"])
    .where("m.obligation_id", "=", obligationId)
    .orderBy("m.created_at")
    .orderBy("m.id")
    .limit(500)
    .execute();
  return rows.map((m) => ({
    id: m.id,
    kind: m.kind,
    body: m.body,
    links: parseLinks(m.links),
    authorName: m.author_name,
    authorOrganisationName: m.organisation_name,
    createdAt: m.created_at,
  }));
}

const timelineWords: Record<string, (details: Record<string, unknown>) => string> = {
  raised: () => "Raised",
  note_added: () => "Added a note",
  meet: (d) => (d.late ? "Answered, after the due date" : "Answered, on time"),
  withdraw: (d) => `Withdrawn${typeof d.reason === "string" ? `: ${d.reason}` : ""}`,
  became_overdue: () => "Passed its due date without an answer",
};

/** Every recorded change, oldest first, in words. */
export async function timelineOf(db: DB, obligationId: number): Promise<TimelineEntry[]> {
  const rows = await db
    .selectFrom("audit_log")
    .select(["at", "actor_label", "action", "details"])
    .where("entity", "=", "obligation")
    .where("entity_id", "=", obligationId)
    .orderBy("id")
    .limit(500)
    .execute();
  return rows.map((r) => {
    const details = JSON.parse(r.details) as Record<string, unknown>;
    return {
      at: r.at,
      who: r.actor_label === "system" ? "The tracker" : r.actor_label,
      what: timelineWords[r.action]?.(details) ?? r.action.replace(/_/g, " "),
    };
  });
}

/**
 * Whose requests a person may list: their organisations' (either side), and whole areas where
 * their role reaches the area; or one organisation's, which they must be able to see (404, 403).
 */
export async function listScope(db: DB, actor: Actor, organisationId?: number): Promise<Reach> {
  if (organisationId === undefined) return reachOf(actor.memberships, "obligation.view");
  const org = await db.selectFrom("organisations").select(["id", "area_id"]).where("id", "=", organisationId).executeTakeFirst();
  if (!org) throw notFound("organisation");
  requireAllowed(actor, "obligation.view", { areaId: org.area_id, organisationIds: [org.id] });
  return { organisationIds: [org.id], areaIds: [] };
}

export interface ObligationListOptions {
  organisationIds: readonly number[];
  /** Areas where the caller sees every obligation (scrutiny clerks, administrators). */
  areaIds: readonly number[];
  /** A status, or "unanswered": open, overdue or not; none for every obligation. */
  status?: ObligationFilter | undefined;
  page: number;
  perPage: number;
}

type Order = { column: "due_at" | "met_at" | "withdrawn_at" | "created_at"; desc: boolean };

/** Each list's order, walked by an index on each side: unanswered ones soonest due first, the rest newest first. */
const orders: Record<ObligationFilter | "all", Order> = {
  open: { column: "due_at", desc: false },
  unanswered: { column: "due_at", desc: false },
  overdue: { column: "due_at", desc: false },
  met: { column: "met_at", desc: true },
  withdrawn: { column: "withdrawn_at", desc: true },
  all: { column: "created_at", desc: true },
};

/**
 * Obligations involving the organisations (either side) or in the areas, soonest due first for
 * open ones. Each side (owed by, owed to, in the area) is its own query walking its index in
 * the list's order, and the pages are merged here: an OR across the sides would read every
 * obligation of the organisation and sort them.
 */
export async function listObligations(
  db: DB,
  opts: ObligationListOptions,
  now: Date,
): Promise<{ rows: ObligationRow[]; hasMore: boolean }> {
  if (opts.organisationIds.length === 0 && opts.areaIds.length === 0) return { rows: [], hasMore: false };
  const order = orders[opts.status ?? "all"];
  const base = opts.status
    ? obligationListQuery(db).where(where(filterConditions[opts.status], at(now), { alias: "ob" }))
    : obligationListQuery(db);
  // Ties in id order the same way as the column, so each side's index gives the order as it is.
  const dir = order.desc ? "desc" : "asc";
  const wanted = opts.page * opts.perPage + 1;
  const sides = [
    ...(opts.organisationIds.length
      ? [
          base.where("ob.owed_by_organisation_id", "in", opts.organisationIds),
          base.where("ob.owed_to_organisation_id", "in", opts.organisationIds),
        ]
      : []),
    ...(opts.areaIds.length ? [base.where("ob.area_id", "in", opts.areaIds)] : []),
  ];
  const results = await Promise.all(sides.map((q) => q.orderBy(`ob.${order.column}`, dir).orderBy("ob.id", dir).limit(wanted).execute()));
  const byId = new Map(results.flat().map((r) => [r.id, r]));
  const key = (r: Selectable<ObligationsTable>) => r[order.column] ?? "";
  const sorted = [...byId.values()].sort((a, b) => {
    const c = key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id;
    return order.desc ? -c : c;
  });
  const { rows, hasMore } = slicePage(sorted, opts.page, opts.perPage);
  return { rows: await withNames(db, rows), hasMore };
}
