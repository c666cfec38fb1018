// What a domain operation needs from the request it serves: the database, the time and the public address.
import type { Context } from "hono";
import type { DB } from "./db";
import type { AppEnv } from "./env";

export interface Services {
  db: DB;
  d1: D1Database;
  now: Date;
  /** Base address for links in emails and API answers. */
  publicUrl: string;
}

export function servicesOf(c: Context<AppEnv>): Services {
  return { db: c.var.db, d1: c.env.DB, now: c.var.now, publicUrl: c.env.PUBLIC_URL };
}
