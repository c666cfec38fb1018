// The append-only history: every change of state writes one entry, in the same batch as the change.
import type { Actor } from "./auth/actor";
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
