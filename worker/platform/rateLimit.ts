// Fixed-window rate limits kept in D1, keyed by hashes (never raw IPs or emails).
import { sql } from "kysely";
import type { DB } from "./db";
import { tooManyRequests } from "./errors";

export interface Limit {
  /** What is limited, in words for the error: "sign-in requests". */
  what: string;
  max: number;
  windowSeconds: number;
}

/** The statement that counts one hit on `key` and returns the window's count (to run in a batch). */
export function limitHit(db: DB, key: string, limit: Limit, now: Date) {
  const nowIso = now.toISOString();
  const windowStart = new Date(now.getTime() - limit.windowSeconds * 1000).toISOString();
  return db
    .insertInto("rate_limits")
    .values({ key, window_started_at: nowIso, hits: 1 })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        hits: sql<number>`CASE WHEN rate_limits.window_started_at <= ${windowStart} THEN 1 ELSE rate_limits.hits + 1 END`,
        window_started_at: sql<string>`CASE WHEN rate_limits.window_started_at <= ${windowStart} THEN ${nowIso} ELSE rate_limits.window_started_at END`,
      }),
    )
    .returning(["hits", "window_started_at"]);
}

/** Takes back a hit limitHit() counted in the window it returned (a request refused by another limit). */
export function limitUndo(db: DB, key: string, row: { window_started_at: string }) {
  return db
    .updateTable("rate_limits")
    .set({ hits: sql<number>`hits - 1` })
    .where("key", "=", key)
    .where("window_started_at", "=", row.window_started_at)
    .where("hits", ">", 0);
}

export const overLimit = (row: { hits: number }, limit: Limit) => row.hits > limit.max;

/** Throws a 429 with Retry-After if the row limitHit() returned is past the window's limit. */
export function checkLimit(row: { hits: number; window_started_at: string }, limit: Limit, now: Date): void {
  if (overLimit(row, limit)) {
    const resetsAt = Date.parse(row.window_started_at) + limit.windowSeconds * 1000;
    throw tooManyRequests(Math.max(1, Math.ceil((resetsAt - now.getTime()) / 1000)), limit.what);
  }
}

/** Counts one hit on `key`; throws a 429 with Retry-After once the window's limit is passed. */
export async function enforceLimit(db: DB, key: string, limit: Limit, now: Date): Promise<void> {
  checkLimit(await limitHit(db, key, limit, now).executeTakeFirstOrThrow(), limit, now);
}
