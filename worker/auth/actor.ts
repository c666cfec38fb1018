// Who is calling: a person signed in on the web (session cookie) or the extension (API token).
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import type { OrganisationKind, Role } from "../../shared/roles";
import type { Actor } from "../platform/actor";
import { sha256 } from "../platform/crypto";
import type { DB } from "../platform/db";
import type { AppEnv } from "../platform/env";

export const SESSION_COOKIE = "session";

/** A person and their memberships, as one query (one row per membership; one row with nulls for none). */
function personQuery(db: DB) {
  return db
    .selectFrom("people as p")
    .leftJoin("memberships as m", "m.person_id", "p.id")
    .leftJoin("organisations as o", "o.id", "m.organisation_id")
    .leftJoin("areas as a", "a.id", "o.area_id")
    .select([
      "p.id",
      "p.name",
      "p.email",
      "p.lead_times",
      "p.daily_digest",
      "m.role",
      "m.organisation_id",
      "o.name as organisation_name",
      "o.kind as organisation_kind",
      "o.area_id",
      "a.name as area_name",
      "a.slug as area_slug",
    ])
    .orderBy("o.name");
}

type PersonRow = Awaited<ReturnType<ReturnType<typeof personQuery>["execute"]>>[number];

function toActor(rows: PersonRow[], via: Actor["via"]): Omit<Actor, "tokenId"> | null {
  const person = rows[0];
  if (!person) return null;
  return {
    personId: person.id,
    name: person.name,
    email: person.email,
    leadTimes: JSON.parse(person.lead_times) as number[],
    dailyDigest: person.daily_digest === 1,
    via,
    memberships: rows
      .filter((m) => m.role !== null && m.organisation_id !== null && m.area_id !== null)
      .map((m) => ({
        role: m.role as Role,
        organisationId: m.organisation_id!,
        organisationName: m.organisation_name!,
        organisationKind: m.organisation_kind as OrganisationKind,
        areaId: m.area_id!,
        areaName: m.area_name!,
        areaSlug: m.area_slug!,
      })),
  };
}

export async function loadPerson(db: DB, personId: number, via: Actor["via"]): Promise<Omit<Actor, "tokenId"> | null> {
  return toActor(await personQuery(db).where("p.id", "=", personId).execute(), via);
}

// The session or token, the person and their memberships are read in one round trip: every
// request that carries a cookie or token pays for it.
async function actorFromSession(db: DB, sessionId: string, now: Date): Promise<Actor | null> {
  const rows = await personQuery(db)
    .innerJoin("sessions as s", "s.person_id", "p.id")
    .where("s.id_hash", "=", await sha256(sessionId))
    .where("s.expires_at", ">", now.toISOString())
    .execute();
  return toActor(rows, "session");
}

async function actorFromToken<E extends AppEnv>(c: Context<E>, db: DB, token: string, now: Date): Promise<Actor | null> {
  const rows = await personQuery(db)
    .innerJoin("api_tokens as t", "t.person_id", "p.id")
    .select(["t.id as token_id", "t.last_used_at as token_last_used_at"])
    .where("t.token_hash", "=", await sha256(token))
    .where("t.revoked_at", "is", null)
    .execute();
  const row = rows[0];
  if (!row) return null;
  // Record use at most hourly: a write on every request would cost more than it tells.
  const hourAgo = new Date(now.getTime() - 3_600_000).toISOString();
  if (!row.token_last_used_at || row.token_last_used_at < hourAgo) {
    const update = db.updateTable("api_tokens").set({ last_used_at: now.toISOString() }).where("id", "=", row.token_id).execute();
    try {
      c.executionCtx.waitUntil(update);
    } catch {
      await update;
    }
  }
  const person = toActor(rows, "token");
  return person ? { ...person, tokenId: row.token_id } : null;
}

/** Reads the bearer token or session cookie; sets c.var.actor (null when anonymous). */
export async function identify<E extends AppEnv>(c: Context<E>): Promise<void> {
  const db = c.var.db;
  const now = c.var.now;
  const auth = c.req.header("Authorization");
  if (auth?.startsWith("Bearer ")) {
    c.set("caller", await actorFromToken(c, db, auth.slice(7).trim(), now));
    c.set("sessionId", null);
    return;
  }
  const sessionId = getCookie(c, SESSION_COOKIE) ?? null;
  const actor = sessionId ? await actorFromSession(db, sessionId, now) : null;
  c.set("caller", actor);
  c.set("sessionId", actor ? sessionId : null);
}
