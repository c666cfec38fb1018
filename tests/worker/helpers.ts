// Helpers for Worker tests: requests to the real app, demo data, signed-in sessions.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env, exports } from "cloudflare:workers";
import localWorker from "../../worker/local";
import { hmac, randomToken, sha256 } from "../../worker/platform/crypto";
import { loadPerson } from "../../worker/auth/actor";
import type { Actor } from "../../worker/platform/actor";
import { createDb } from "../../worker/platform/db";
import { depsForTick } from "../../worker/platform/deps";
import { seedDemo, type SeedResult } from "../../worker/dev/seed";
import type { EmailMessage, EmailSender } from "../../worker/email/sender";

export const BASE = "https://tracker.test";
export const db = createDb(env.DB);

/** The deps a domain operation is given, at `now` (as the scheduled handler builds them). */
export const depsAt = (now = new Date()) => depsForTick(env, now);

/** A person as the Worker identifies them (for calling a domain operation directly). */
export async function actorOf(personId: number): Promise<Actor> {
  const person = await loadPerson(db, personId, "token");
  if (!person) throw new Error(`No person ${personId}`);
  return person;
}

export function request(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(new URL(path, BASE), init));
}

let seeded: SeedResult | null = null;
/** The demo data, loaded once per test file. */
export async function seed(): Promise<SeedResult> {
  seeded ??= await seedDemo(db, env.DB, new Date());
  return seeded;
}

export interface Session {
  personId: number;
  cookie: string;
  csrf: string;
}

/** A signed-in web session for a person, as the sign-in link would create. */
export async function sessionFor(personId: number): Promise<Session> {
  const id = randomToken();
  const now = new Date();
  await db
    .insertInto("sessions")
    .values({
      id_hash: await sha256(id),
      person_id: personId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + 86_400_000).toISOString(),
    })
    .execute();
  return { personId, cookie: `session=${id}`, csrf: await hmac(env.APP_SECRET!, `csrf:session:${id}`) };
}

/** An API token for a person, as pairing would create. */
export async function tokenFor(personId: number): Promise<string> {
  const token = randomToken();
  await db
    .insertInto("api_tokens")
    // Marked as just used, so the hourly "last used" bookkeeping does not write during a test.
    .values({
      token_hash: await sha256(token),
      person_id: personId,
      label: "test",
      created_at: new Date().toISOString(),
      last_used_at: new Date().toISOString(),
    })
    .execute();
  return token;
}

/** POST a web form as a signed-in person (with the CSRF token). */
export function postForm(path: string, session: Session | null, fields: Record<string, string | string[]>): Promise<Response> {
  const body = new URLSearchParams();
  if (session) body.append("_csrf", session.csrf);
  for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) body.append(k, value);
  return request(path, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(session ? { Cookie: session.cookie } : {}) },
    body,
    redirect: "manual",
  });
}

/** Call the JSON API with a bearer token. */
export function api(path: string, token: string | null, init: { method?: string; body?: unknown } = {}): Promise<Response> {
  return request(`/api/v1${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(init.body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

/** The CSRF token in a rendered form. */
export function csrfIn(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match) throw new Error("No CSRF field in the page");
  return match[1]!;
}

/** Cookies a response sets, as a Cookie header value (name=value; ...). */
export function cookiesFrom(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .join("; ");
}

export async function count(
  table: "audit_log" | "outbox" | "sessions" | "api_tokens" | "petitions" | "signatures" | "consultations" | "obligations" | "watches",
): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** A digest of every row of every table (except rate-limit counters): equal digests mean nothing was written. */
export async function dbDigest(): Promise<string> {
  const tables = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT IN ('d1_migrations', 'rate_limits') ORDER BY name",
  ).all<{ name: string }>();
  const parts: string[] = [];
  for (const { name } of tables.results) {
    const rows = await env.DB.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all();
    parts.push(`${name}:${JSON.stringify(rows.results)}`);
  }
  return sha256(parts.join("\n"));
}

export interface Metered {
  response: Response;
  rowsRead: number;
  rowsWritten: number;
  queries: number;
  roundTrips: number;
}

/** A request with D1 metering on: the rows the request read and wrote (what Cloudflare bills). */
export async function metered(path: string, init: RequestInit = {}): Promise<Metered> {
  const ctx = createExecutionContext();
  const response = await localWorker.fetch(new Request(new URL(path, BASE), init), { ...env, BENCH_METRICS: "true" }, ctx);
  await waitOnExecutionContext(ctx);
  const n = (h: string) => Number(response.headers.get(h) ?? Number.NaN);
  return {
    response,
    rowsRead: n("X-D1-Rows-Read"),
    rowsWritten: n("X-D1-Rows-Written"),
    queries: n("X-D1-Queries"),
    roundTrips: n("X-D1-Round-Trips"),
  };
}

/** Cloudflare bills by rows read: a list must read at most 2 x rows returned + 50. */
export function rowsReadBound(rowsReturned: number): number {
  return 2 * rowsReturned + 50;
}

/** A sender that keeps what it was given: the real delivery loop, and nothing leaves the machine. */
export class RecordingSender implements EmailSender {
  sent: EmailMessage[] = [];
  async send(message: EmailMessage) {
    this.sent.push(message);
  }
}
