// Who is calling: a person signed in on the web (session cookie) or the extension (API token).
import type { Context } from "hono";
import { getCookie } from "hono/cookie";
import type { Role, OrganisationKind } from "../../shared/roles";
import type { MembershipScope } from "../../shared/permissions";
import { sha256 } from "../crypto";
import type { DB } from "../db";
import type { AppEnv } from "../env";

export interface ActorMembership extends MembershipScope {
  organisationName: string;
  organisationKind: OrganisationKind;
  areaName: string;
  areaSlug: string;
}

export interface Actor {
  personId: number;
  name: string;
  email: string;
  memberships: ActorMembership[];
  leadTimes: number[];
  dailyDigest: boolean;
  via: "session" | "token";
  tokenId?: number;
}

export const SESSION_COOKIE = "session";

export async function loadPerson(
  db: DB,
  personId: number,
  via: Actor["via"],
): Promise<Omit<Actor, "tokenId"> | null> {
  const person = await db
    .selectFrom("people")
    .select(["id", "name", "email", "lead_times", "daily_digest"])
    .where("id", "=", personId)
    .executeTakeFirst();
  if (!person) return null;
  const memberships = await db
    .selectFrom("memberships as m")
    .innerJoin("organisations as o", "o.id", "m.organisation_id")
    .innerJoin("areas as a", "a.id", "o.area_id")
    .select([
      "m.role",
      "m.organisation_id",
      "o.name as organisation_name",
      "o.kind as organisation_kind",
      "o.area_id",
      "a.name as area_name",
      "a.slug as area_slug",
    ])
    .where("m.person_id", "=", personId)
    .orderBy("o.name")
    .execute();
  return {
    personId: person.id,
    name: person.name,
    email: person.email,
    leadTimes: JSON.parse(person.lead_times) as number[],
    dailyDigest: person.daily_digest === 1,
    via,
    memberships: memberships.map((m) => ({
      role: m.role as Role,
      organisationId: m.organisation_id,
      organisationName: m.organisation_name,
      organisationKind: m.organisation_kind as OrganisationKind,
      areaId: m.area_id,
      areaName: m.area_name,
      areaSlug: m.area_slug,
    })),
  };
}

async function actorFromSession(db: DB, sessionId: string, now: Date): Promise<Actor | null> {
  const session = await db
    .selectFrom("sessions")
    .select(["person_id", "expires_at"])
    .where("id_hash", "=", await sha256(sessionId))
    .executeTakeFirst();
  if (!session || session.expires_at <= now.toISOString()) return null;
  return loadPerson(db, session.person_id, "session");
}

async function actorFromToken(c: Context<AppEnv>, db: DB, token: string, now: Date): Promise<Actor | null> {
  const row = await db
    .selectFrom("api_tokens")
    .select(["id", "person_id", "last_used_at"])
    .where("token_hash", "=", await sha256(token))
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (!row) return null;
  // Record use at most hourly: a write on every request would cost more than it tells.
  const hourAgo = new Date(now.getTime() - 3_600_000).toISOString();
  if (!row.last_used_at || row.last_used_at < hourAgo) {
    const update = db.updateTable("api_tokens").set({ last_used_at: now.toISOString() }).where("id", "=", row.id).execute();
    try {
      c.executionCtx.waitUntil(update);
    } catch {
      await update;
    }
  }
  const person = await loadPerson(db, row.person_id, "token");
  return person ? { ...person, tokenId: row.id } : null;
}

/** Reads the bearer token or session cookie; sets c.var.actor (null when anonymous). */
export async function identify(c: Context<AppEnv>): Promise<void> {
  const db = c.var.db;
  const now = c.var.now;
  const auth = c.req.header("Authorization");
  if (auth?.startsWith("Bearer ")) {
    c.set("actor", await actorFromToken(c, db, auth.slice(7).trim(), now));
    c.set("sessionId", null);
    return;
  }
  const sessionId = getCookie(c, SESSION_COOKIE) ?? null;
  const actor = sessionId ? await actorFromSession(db, sessionId, now) : null;
  c.set("actor", actor);
  c.set("sessionId", actor ? sessionId : null);
}
