// Conditional writes for DB.batch(): each statement makes its own condition, so two racing
// requests can never both count, stamp, audit or email.
import { type Expression, type SqlBool, sql } from "kysely";
import type { DB } from "./db";

/** True when the statement just before, in the same batch, changed at least one row. */
export const previousChanged = sql<SqlBool>`changes() > 0`;

function isExpression(v: unknown): v is Expression<unknown> {
  return typeof v === "object" && v !== null && "toOperationNode" in v;
}

/**
 * INSERT INTO table (columns) SELECT values WHERE condition: one row, only when the
 * condition holds at that moment of the batch. Values may be SQL expressions.
 */
export function insertWhen<T extends "audit_log" | "outbox" | "obligations">(
  db: DB,
  table: T,
  row: Record<string, unknown>,
  condition: Expression<SqlBool>,
) {
  const columns = Object.keys(row);
  const select = db
    .selectNoFrom(columns.map((k) => (isExpression(row[k]) ? sql`${row[k] as Expression<unknown>}` : sql.val(row[k])).as(k)) as never)
    .where(condition);
  const insert = db
    .insertInto(table)
    .columns(columns as never)
    .expression(select as never);
  return table === "outbox" ? insert.onConflict((oc) => oc.column("dedupe_key" as never).doNothing()) : insert;
}
