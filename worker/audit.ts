// The append-only history: every change of state writes one entry, in the same batch as the change.
import type { Actor } from "./auth/actor";
import { sql } from "kysely";
import type { DB } from "./db";

export interface AuditEntry {
  actor: Actor | null | "system" | "petitioner" | "public";
  areaId: number | null;
  entity: string;
  entityId: number | null;
  action: string;
  from?: string | null;
  to?: string | null;
  details?: Record<string, unknown>;
  at: Date;
}

function actorColumns(actor: AuditEntry["actor"]): { actor_id: number | null; actor_label: string } {
  if (actor === null) return { actor_id: null, actor_label: "public" };
  if (typeof actor === "string") return { actor_id: null, actor_label: actor };
  return { actor_id: actor.personId, actor_label: actor.name };
}

/** The insert for one audit entry, to put in the same DB.batch() as the change it records. */
export function auditInsert(db: DB, e: AuditEntry) {
  return db.insertInto("audit_log").values({
    at: e.at.toISOString(),
    ...actorColumns(e.actor),
    area_id: e.areaId,
    entity: e.entity,
    entity_id: e.entityId,
    action: e.action,
    from_state: e.from ?? null,
    to_state: e.to ?? null,
    details: JSON.stringify(e.details ?? {}),
  });
}

/**
 * An audit entry written only if the statement just before it in the same batch changed a
 * row (SQLite's changes()): a conditional update that lost a race, or an insert that met a
 * unique key, leaves no entry. entityId "inserted" records the row that statement inserted.
 */
export function auditInsertIfChanged(db: DB, e: Omit<AuditEntry, "entityId"> & { entityId: number | "inserted" }) {
  const who = actorColumns(e.actor);
  return db
    .insertInto("audit_log")
    .columns(["at", "actor_id", "actor_label", "area_id", "entity", "entity_id", "action", "from_state", "to_state", "details"])
    .expression(
      db
        .selectNoFrom((eb) => [
          eb.val(e.at.toISOString()).as("at"),
          eb.val(who.actor_id).as("actor_id"),
          eb.val(who.actor_label).as("actor_label"),
          eb.val(e.areaId).as("area_id"),
          eb.val(e.entity).as("entity"),
          e.entityId === "inserted" ? sql<number>`last_insert_rowid()`.as("entity_id") : eb.val(e.entityId).as("entity_id"),
          eb.val(e.action).as("action"),
          eb.val(e.from ?? null).as("from_state"),
          eb.val(e.to ?? null).as("to_state"),
          eb.val(JSON.stringify(e.details ?? {})).as("details"),
        ])
        .where(sql<number>`changes()`, "=", 1),
    );
}
