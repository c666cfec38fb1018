// Watches: who follows what, and the next moment each is due an alert (kept current on every change).
import type { Selectable } from "kysely";
import { nextAlertAt } from "../../shared/alerts/timing";
import { obligationScope } from "../../shared/obligations/rules";
import { isPubliclyListed } from "../../shared/petitions/rules";
import type { Watch } from "../../shared/schemas/watches";
import { requireAllowed } from "../auth/middleware";
import type { Acting, Actor } from "../platform/actor";
import { auditIfChanged } from "../platform/audit";
import { batch, chunks, type DB } from "../platform/db";
import type { Deps } from "../platform/deps";
import { notFound } from "../platform/errors";
import type { WatchesTable } from "../platform/schema";
import { failedInArea } from "./queries";
import { loadTargets, targetKey, type TargetRef, type WatchTarget } from "./targets";

const watchColumns = ["id", "person_id", "target_kind", "target_id", "next_alert_at", "created_at"] as const;
export type WatchRow = Pick<Selectable<WatchesTable>, (typeof watchColumns)[number]>;

export interface AlertPerson {
  id: number;
  name: string;
  email: string;
  leadTimes: number[];
  dailyDigest: boolean;
}

export async function loadAlertPeople(db: DB, ids: readonly number[]): Promise<Map<number, AlertPerson>> {
  const people = new Map<number, AlertPerson>();
  for (const part of chunks([...new Set(ids)])) {
    const rows = await db
      .selectFrom("people")
      .select(["id", "name", "email", "lead_times", "daily_digest"])
      .where("id", "in", part)
      .execute();
    for (const p of rows) {
      people.set(p.id, {
        id: p.id,
        name: p.name,
        email: p.email,
        leadTimes: JSON.parse(p.lead_times) as number[],
        dailyDigest: p.daily_digest === 1,
      });
    }
  }
  return people;
}

export const refOf = (w: Pick<WatchRow, "target_kind" | "target_id">): TargetRef => ({ kind: w.target_kind, id: w.target_id });

export function watchFromRow(w: WatchRow): Watch {
  return { id: w.id, targetKind: w.target_kind, targetId: w.target_id, createdAt: w.created_at };
}

function nextFor(target: WatchTarget | undefined, person: AlertPerson | undefined, from: Date): string | null {
  if (!target || !person) return null;
  return nextAlertAt(target.deadlines, person.leadTimes, from)?.toISOString() ?? null;
}

/**
 * Makes each person watch each target (no-op where they already do), with the next alert
 * moment at or after now. Returns the watch and whether it was new, in the order asked.
 */
export async function ensureWatches(
  db: DB,
  d1: D1Database,
  wanted: readonly { personId: number; target: TargetRef }[],
  now: Date,
): Promise<{ watch: WatchRow; created: boolean }[]> {
  if (wanted.length === 0) return [];
  const [people, targets] = await Promise.all([
    loadAlertPeople(
      db,
      wanted.map((w) => w.personId),
    ),
    loadTargets(
      db,
      wanted.map((w) => w.target),
    ),
  ]);
  const at = now.toISOString();
  const results = await batch(
    d1,
    wanted.map((w) =>
      db
        .insertInto("watches")
        .values({
          person_id: w.personId,
          target_kind: w.target.kind,
          target_id: w.target.id,
          next_alert_at: nextFor(targets.get(targetKey(w.target)), people.get(w.personId), now),
          created_at: at,
        })
        .onConflict((oc) => oc.columns(["person_id", "target_kind", "target_id"]).doNothing()),
    ),
  );
  const out: { watch: WatchRow; created: boolean }[] = [];
  for (const [i, w] of wanted.entries()) {
    const watch = await findWatch(db, w.personId, w.target);
    if (watch) out.push({ watch, created: (results[i]?.meta.changes ?? 0) > 0 });
  }
  return out;
}

export function findWatch(db: DB, personId: number, target: TargetRef): Promise<WatchRow | undefined> {
  return db
    .selectFrom("watches")
    .select(watchColumns)
    .where("person_id", "=", personId)
    .where("target_kind", "=", target.kind)
    .where("target_id", "=", target.id)
    .executeTakeFirst();
}

export async function isWatching(db: DB, personId: number | null | undefined, target: TargetRef): Promise<boolean> {
  return personId ? Boolean(await findWatch(db, personId, target)) : false;
}

/** Stops a person's watch; false when it is not theirs or does not exist. */
export async function removeWatch(db: DB, personId: number, where: { id: number } | { target: TargetRef }): Promise<boolean> {
  let query = db.deleteFrom("watches").where("person_id", "=", personId);
  query =
    "id" in where
      ? query.where("id", "=", where.id)
      : query.where("target_kind", "=", where.target.kind).where("target_id", "=", where.target.id);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** A person may watch what they may read: any consultation, a public petition, and requests their organisations are party to. */
export async function assertWatchable(db: DB, actor: Actor, target: TargetRef): Promise<void> {
  if (target.kind === "consultation") {
    if (!(await db.selectFrom("consultations").select("id").where("id", "=", target.id).executeTakeFirst())) throw notFound("consultation");
  } else if (target.kind === "petition") {
    const p = await db.selectFrom("petitions").select("state").where("id", "=", target.id).executeTakeFirst();
    if (!p || !isPubliclyListed(p)) throw notFound("petition");
  } else {
    const o = await db
      .selectFrom("obligations")
      .select(["area_id", "owed_by_organisation_id", "owed_to_organisation_id"])
      .where("id", "=", target.id)
      .executeTakeFirst();
    if (!o) throw notFound("request");
    requireAllowed(actor, "obligation.view", obligationScope(o));
  }
}

/** Watches something the person may read (404 or 403 otherwise); watching it again changes nothing. */
export async function startWatching(deps: Deps, actor: Actor, target: TargetRef): Promise<{ watch: WatchRow; created: boolean }> {
  await assertWatchable(deps.db, actor, target);
  const [result] = await ensureWatches(deps.db, deps.d1, [{ personId: actor.personId, target }], deps.now);
  if (!result) throw notFound("record to watch");
  return result;
}

/** Sets each watch's next alert moment from its target's deadlines and its person's lead times now. */
export async function recomputeWatches(db: DB, d1: D1Database, watches: readonly WatchRow[], now: Date): Promise<number> {
  if (watches.length === 0) return 0;
  const [people, targets] = await Promise.all([
    loadAlertPeople(
      db,
      watches.map((w) => w.person_id),
    ),
    loadTargets(db, watches.map(refOf)),
  ]);
  const updates = watches
    .map((w) => ({ w, next: nextFor(targets.get(targetKey(refOf(w))), people.get(w.person_id), now) }))
    .filter(({ w, next }) => next !== w.next_alert_at)
    .map(({ w, next }) => db.updateTable("watches").set({ next_alert_at: next }).where("id", "=", w.id));
  for (const part of chunks(updates, 50)) await batch(d1, part);
  return updates.length;
}

/** After a target's deadline or state changes: every watcher's next alert follows the new deadline. */
export async function targetChanged(db: DB, d1: D1Database, target: TargetRef, now: Date): Promise<number> {
  const watches = await db
    .selectFrom("watches")
    .select(watchColumns)
    .where("target_kind", "=", target.kind)
    .where("target_id", "=", target.id)
    .execute();
  return recomputeWatches(db, d1, watches, now);
}

/**
 * After a person changes their lead times or digest preference: their watches follow the new
 * lead times, and alerts held for a digest they no longer want are released to send on their own.
 */
export async function preferencesChanged(db: DB, d1: D1Database, personId: number, now: Date): Promise<void> {
  const watches = await db.selectFrom("watches").select(watchColumns).where("person_id", "=", personId).execute();
  await recomputeWatches(db, d1, watches, now);
  const person = await db.selectFrom("people").select("daily_digest").where("id", "=", personId).executeTakeFirst();
  if (person && person.daily_digest === 0) {
    await db
      .updateTable("outbox")
      .set({ digest: 0, next_attempt_at: now.toISOString() })
      .where("person_id", "=", personId)
      .where("digest", "=", 1)
      .where("sent_at", "is", null)
      .execute();
  }
}

/**
 * Puts a failed message to someone in the area back in the queue with its attempts reset, audited;
 * false when there is no such failed message there (the caller then says 404).
 */
export async function retryDelivery({ db, d1, now }: Deps, { actor }: Acting, area: { id: number }, id: number): Promise<boolean> {
  const message = await failedInArea(db, area.id).where("m.id", "=", id).executeTakeFirst();
  if (!message) return false;
  const [update] = await batch(d1, [
    db
      .updateTable("outbox")
      .set({ attempts: 0, failed_at: null, next_attempt_at: now.toISOString() })
      .where("id", "=", id)
      .where("failed_at", "is not", null),
    auditIfChanged(db, {
      actor,
      areaId: area.id,
      entity: "outbox",
      entityId: id,
      action: "retry",
      at: now,
      details: { lastError: message.last_error },
    }),
  ]);
  return update?.meta.changes === 1;
}
