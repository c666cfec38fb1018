// Bindings and per-request variables shared by every part of the Worker.
import type { DB } from "./db";
import type { Actor } from "./actor";

/**
 * The bindings and variables wrangler.toml declares (DB, ASSETS, PUBLIC_URL, EMAIL_FROM) come from
 * `wrangler types` (worker-configuration.d.ts, checked in `npm test`); secrets and local-only flags,
 * which wrangler.toml does not name, are declared here.
 */
export interface Env extends WranglerEnv {
  /** Secret for signing (CSRF tokens, hashed IPs). Required outside local development. */
  APP_SECRET?: string;
  /** HTTP email API (Resend-compatible): endpoint and key. */
  EMAIL_API_URL?: string;
  EMAIL_API_KEY?: string;
  /** Set only by `npm start` (wrangler dev --var LOCAL_DEV:true): dev sign-in, outbox page, seed. */
  LOCAL_DEV?: string;
  /** Read only by the local entry (worker/local.ts), set by `npm run bench`: X-D1-Rows-Read (and -Written, -Queries) headers. */
  BENCH_METRICS?: string;
}

/** Set for every request by the app's first middleware (worker/app.ts), so any handler or helper can read them. */
export interface RequestVariables {
  db: DB;
  /**
   * Who is calling: the person signed in (session or token), or null. Routes behind signedIn,
   * authorize() or reaching() read c.var.actor instead, which is never null there.
   */
  caller: Actor | null;
  /** Raw session id from the cookie (never stored), when signed in with a session. */
  sessionId: string | null;
  /** Visitor id created during this request for an anonymous form's CSRF token. */
  visitorId: string | null;
  now: Date;
}

// Request-wide variables live in Hono's ContextVariableMap, not in AppEnv's Variables: a route's typed
// middleware (signedIn, authorize) then adds its own (actor, record) without changing these, and any
// helper generic over the route's env (<E extends AppEnv>) still reads these with their real types.
declare module "hono" {
  interface ContextVariableMap extends RequestVariables {}
}

export type AppEnv = { Bindings: Env };

export function isLocalDev(env: Env): boolean {
  return env.LOCAL_DEV === "true" || env.LOCAL_DEV === "1";
}

const DEV_SECRET = "local-development-secret-not-for-production";

export function appSecret(env: Env): string {
  if (env.APP_SECRET && env.APP_SECRET.length >= 16) return env.APP_SECRET;
  if (isLocalDev(env)) return DEV_SECRET;
  throw new Error("APP_SECRET is not set (or shorter than 16 characters). Set it with `wrangler secret put APP_SECRET`.");
}
