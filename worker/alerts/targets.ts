// What can be watched, and its deadlines now: consultations close, obligations are due, petitions close or owe a response.
// Whether each deadline is live is the kind's own rule (shared/<kind>/rules.ts), not restated here.
import type { Selectable } from "kysely";
import type { Deadline, DeadlineKind } from "../../shared/alerts/timing";
import { holds } from "../../shared/conditions";
import { isUnanswered } from "../../shared/obligations/rules";
import { filterConditions as petitionFilters, responseOwed } from "../../shared/petitions/rules";
import type { TargetKind } from "../../shared/schemas/watches";
import { chunks, type DB, readBatch } from "../platform/db";
import type { ConsultationsTable, ObligationsTable, PetitionsTable } from "../platform/schema";

export type { TargetKind };

export interface TargetRef {
  kind: TargetKind;
  id: number;
}

export interface WatchTarget extends TargetRef {
  areaId: number;
  title: string;
  /** The consultation's own page elsewhere, where there is one. */
  url: string | null;
  /** Its page on this service. */
  path: string;
  /** Deadlines still live (a withdrawn consultation or answered request has none). */
  deadlines: Deadline[];
}

/** A deadline in words, for email subjects and calendar events: "Consultation closes", "Reply due". */
export function deadlineLabel(kind: TargetKind, deadline: DeadlineKind): string {
  if (deadline === "reply_due") return "Reply due";
  if (deadline === "response_due") return kind === "petition" ? "Petition response due" : "Response due";
  return kind === "petition" ? "Petition closes" : "Consultation closes";
}

export const targetKey = (t: TargetRef) => `${t.kind}:${t.id}`;

export function targetPath(t: TargetRef): string {
  return `/${t.kind}s/${t.id}`;
}

type ConsultationTargetRow = Pick<Selectable<ConsultationsTable>, "id" | "area_id" | "title" | "url" | "state" | "closes_at">;
const consultationTarget = (r: ConsultationTargetRow): WatchTarget => ({
  kind: "consultation",
  id: r.id,
  areaId: r.area_id,
  title: r.title,
  url: r.url,
  path: targetPath({ kind: "consultation", id: r.id }),
  deadlines: r.state === "active" && r.closes_at ? [{ kind: "closes", at: r.closes_at }] : [],
});

async function consultations(db: DB, ids: number[]): Promise<WatchTarget[]> {
  const rows = await db
    .selectFrom("consultations")
    .select(["id", "area_id", "title", "url", "state", "closes_at"])
    .where("id", "in", ids)
    .execute();
  return rows.map(consultationTarget);
}

type ObligationTargetRow = Pick<Selectable<ObligationsTable>, "id" | "area_id" | "title" | "state" | "due_at">;
const obligationTarget = (r: ObligationTargetRow): WatchTarget => ({
  kind: "obligation",
  id: r.id,
  areaId: r.area_id,
  title: r.title,
  url: null,
  path: targetPath({ kind: "obligation", id: r.id }),
  deadlines: isUnanswered(r) ? [{ kind: "reply_due", at: r.due_at }] : [],
});

async function obligations(db: DB, ids: number[]): Promise<WatchTarget[]> {
  const rows = await db.selectFrom("obligations").select(["id", "area_id", "title", "state", "due_at"]).where("id", "in", ids).execute();
  return rows.map(obligationTarget);
}

async function petitions(db: DB, ids: number[]): Promise<WatchTarget[]> {
  const rows = await db
    .selectFrom("petitions")
    .select(["id", "area_id", "title", "state", "closes_at", "response_state", "response_due_at"])
    .where("id", "in", ids)
    .execute();
  return rows.map(petitionTarget);
}

type PetitionTargetRow = Pick<
  Selectable<PetitionsTable>,
  "id" | "area_id" | "title" | "state" | "closes_at" | "response_state" | "response_due_at"
>;
function petitionTarget(r: PetitionTargetRow): WatchTarget {
  const deadlines: Deadline[] = [];
  // An open petition's closing moment stays its deadline once past, until the scheduled handler closes it.
  if (holds(petitionFilters.open, r) && r.closes_at) deadlines.push({ kind: "closes", at: r.closes_at });
  if (holds(responseOwed, r) && r.response_due_at) deadlines.push({ kind: "response_due", at: r.response_due_at });
  return {
    kind: "petition",
    id: r.id,
    areaId: r.area_id,
    title: r.title,
    url: null,
    path: targetPath({ kind: "petition", id: r.id }),
    deadlines,
  };
}

const loaders: Record<TargetKind, (db: DB, ids: number[]) => Promise<WatchTarget[]>> = {
  consultation: consultations,
  obligation: obligations,
  petition: petitions,
};

/** The targets named, keyed by targetKey(); reads only those rows, by primary key. */
export async function loadTargets(db: DB, refs: readonly TargetRef[]): Promise<Map<string, WatchTarget>> {
  const found = new Map<string, WatchTarget>();
  for (const kind of Object.keys(loaders) as TargetKind[]) {
    const ids = [...new Set(refs.filter((r) => r.kind === kind).map((r) => r.id))];
    for (const part of chunks(ids)) for (const t of await loaders[kind](db, part)) found.set(targetKey(t), t);
  }
  return found;
}

/**
 * What a person watches that still has a live deadline (live_until at or after `from`, or any
 * live deadline when `from` is null), with its watch id: one join per kind, so each watch and
 * its target are read once (a list of ids would also read the list, twice the rows).
 */
export async function liveWatched(db: DB, personId: number, from: string | null): Promise<{ watchId: number; target: WatchTarget }[]> {
  const watched = (kind: TargetKind) => {
    const q = db.selectFrom("watches as w").where("w.person_id", "=", personId).where("w.target_kind", "=", kind);
    return from === null ? q.where("w.live_until", "is not", null) : q.where("w.live_until", ">=", from);
  };
  // The three kinds in one round trip.
  const [cs, os, ps] = await readBatch(db, [
    watched("consultation")
      .innerJoin("consultations as t", "t.id", "w.target_id")
      .select(["w.id as watch_id", "t.id", "t.area_id", "t.title", "t.url", "t.state", "t.closes_at"])
      .limit(1000),
    watched("obligation")
      .innerJoin("obligations as t", "t.id", "w.target_id")
      .select(["w.id as watch_id", "t.id", "t.area_id", "t.title", "t.state", "t.due_at"])
      .limit(1000),
    watched("petition")
      .innerJoin("petitions as t", "t.id", "w.target_id")
      .select(["w.id as watch_id", "t.id", "t.area_id", "t.title", "t.state", "t.closes_at", "t.response_state", "t.response_due_at"])
      .limit(1000),
  ]);
  return [
    ...cs.map((r) => ({ watchId: r.watch_id, target: consultationTarget(r) })),
    ...os.map((r) => ({ watchId: r.watch_id, target: obligationTarget(r) })),
    ...ps.map((r) => ({ watchId: r.watch_id, target: petitionTarget(r) })),
  ];
}
