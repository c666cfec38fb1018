// The append-only history: every change of state writes one entry, in the same batch as the change.
import { type Expression, sql } from "kysely";
import type { Actor } from "./actor";
import type { DB } from "./db";
import { insertWhen, previousChanged } from "./writes";

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

/** The audit_log row for an entry (for inserts that are conditional, e.g. INSERT ... SELECT). */
export function auditRow(e: AuditEntry) {
  return {
    at: e.at.toISOString(),
    ...actorColumns(e.actor),
    area_id: e.areaId,
    entity: e.entity,
    entity_id: e.entityId,
    action: e.action,
    from_state: e.from ?? null,
    to_state: e.to ?? null,
    details: JSON.stringify(e.details ?? {}),
  };
}

/** The insert for one audit entry, to put in the same DB.batch() as the change it records. */
export function auditInsert(db: DB, e: AuditEntry) {
  return db.insertInto("audit_log").values(auditRow(e));
}

/** An audit entry's `entityId` that means "the row the statement before it inserted". */
export const INSERTED = "inserted";

type ConditionalEntry = Omit<AuditEntry, "entityId"> & { entityId: number | null | typeof INSERTED };

/**
 * An audit entry written only if the statement just before it in the same batch changed a row
 * (SQLite's changes() > 0): a conditional update that lost a race, or an insert that met a unique
 * key, leaves no entry. `details` may be SQL instead of `entry.details` (e.g. how many rows, from
 * changes()); entityId INSERTED records the row that statement inserted.
 */
export function auditIfChanged(db: DB, entry: ConditionalEntry, details?: Expression<string>) {
  const entityId = entry.entityId === INSERTED ? sql<number>`last_insert_rowid()` : entry.entityId;
  const row = { ...auditRow({ ...entry, entityId: null }), entity_id: entityId, ...(details ? { details } : {}) };
  return insertWhen(db, "audit_log", row, previousChanged);
}
