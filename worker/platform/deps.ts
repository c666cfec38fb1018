// What every domain operation, loader and scheduled job is given: one shape for a request and a tick.
import type { Context } from "hono";
import { createDb, type DB } from "./db";
import { appSecret, type AppEnv, type Env } from "./env";

export interface Deps {
  db: DB;
  /** The same database, for batches (DB.batch() is atomic; Kysely's transactions are not on D1). */
  d1: D1Database;
  /** The moment of the request or tick: every rule reads this, never the clock. */
  now: Date;
  /** Base address for links in emails, feeds and API answers. */
  publicUrl: string;
  /** The secret that signs links and hashes; read when first used, so work that needs none never fails without it. */
  readonly secret: string;
  env: Env;
}

function depsFrom(env: Env, db: DB, now: Date): Deps {
  return {
    db,
    d1: env.DB,
    now,
    publicUrl: env.PUBLIC_URL,
    get secret() {
      return appSecret(env);
    },
    env,
  };
}

/** The request's deps (its database, its moment). */
export function depsOf<E extends AppEnv>(c: Context<E>): Deps {
  return depsFrom(c.env, c.var.db, c.var.now);
}

/** The deps of one run of the scheduled handler. */
export function depsForTick(env: Env, now: Date): Deps {
  return depsFrom(env, createDb(env.DB), now);
}

/** A job run on every tick; it must be safe to run twice or concurrently. */
export interface ScheduledJob {
  name: string;
  run: (deps: Deps) => Promise<Record<string, number>>;
}
