// Web sessions: a random id in an HttpOnly, Secure, SameSite cookie; only its hash is stored.
import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import { randomToken, sha256 } from "../platform/crypto";
import type { AppEnv } from "../platform/env";
import { SESSION_COOKIE } from "./actor";

const SESSION_DAYS = 14;

export const cookieOptions = {
  httpOnly: true,
  secure: true,
  sameSite: "Lax",
  path: "/",
} as const;

export async function startSession<E extends AppEnv>(c: Context<E>, personId: number): Promise<void> {
  const id = randomToken();
  const now = c.var.now;
  const expires = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await c.var.db
    .insertInto("sessions")
    .values({ id_hash: await sha256(id), person_id: personId, created_at: now.toISOString(), expires_at: expires.toISOString() })
    .execute();
  setCookie(c, SESSION_COOKIE, id, { ...cookieOptions, expires });
  c.set("sessionId", id);
}

export async function endSession<E extends AppEnv>(c: Context<E>): Promise<void> {
  const id = c.var.sessionId;
  if (id)
    await c.var.db
      .deleteFrom("sessions")
      .where("id_hash", "=", await sha256(id))
      .execute();
  deleteCookie(c, SESSION_COOKIE, cookieOptions);
  c.set("sessionId", null);
  c.set("caller", null);
}
