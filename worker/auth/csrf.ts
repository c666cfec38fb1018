// CSRF protection for every form: a token bound to the session (or, before sign-in, to a
// random visitor cookie) and signed with the app secret; plus an Origin check.
import type { Context, MiddlewareHandler } from "hono";
import { getCookie, setCookie } from "hono/cookie";
import { hmac, randomToken, safeEqual } from "../platform/crypto";
import { AppError } from "../platform/errors";
import { appSecret, type AppEnv } from "../platform/env";
import { cookieOptions } from "./session";

const VISITOR_COOKIE = "visitor";
export const CSRF_FIELD = "_csrf";
export const CSRF_HEADER = "X-CSRF-Token";

function binding<E extends AppEnv>(c: Context<E>): string | null {
  if (c.var.sessionId) return `session:${c.var.sessionId}`;
  const visitor = c.var.visitorId ?? getCookie(c, VISITOR_COOKIE);
  return visitor ? `visitor:${visitor}` : null;
}

/** The token to put in a form (creates the visitor cookie if needed). */
export async function csrfToken<E extends AppEnv>(c: Context<E>): Promise<string> {
  let bound = binding(c);
  if (!bound) {
    const visitor = randomToken(18);
    setCookie(c, VISITOR_COOKIE, visitor, cookieOptions);
    c.set("visitorId", visitor);
    bound = `visitor:${visitor}`;
  }
  return hmac(appSecret(c.env), `csrf:${bound}`);
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const expired = () =>
  new AppError(403, "csrf_failed", "This form has expired, or was sent from another website. Go back, reload the page and try again.");

/**
 * Unsafe requests must come from our own pages. Web forms carry the token in a
 * field; API calls using the session cookie carry it in a header. API calls with a
 * bearer token, or with no credentials at all, carry no ambient authority.
 */
export const csrfProtect: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (SAFE_METHODS.has(c.req.method)) return next();
  const isApi = c.req.path.startsWith("/api/");
  if (isApi && (c.req.header("Authorization")?.startsWith("Bearer ") || !c.var.sessionId)) return next();
  const origin = c.req.header("Origin");
  if (origin && origin !== "null" && origin !== new URL(c.req.url).origin) throw expired();
  const bound = binding(c);
  if (!bound) throw expired();
  let sent: string | undefined;
  if (isApi) {
    sent = c.req.header(CSRF_HEADER);
  } else {
    const type = c.req.header("Content-Type") ?? "";
    if (type.includes("application/x-www-form-urlencoded") || type.includes("multipart/form-data")) {
      const value = (await c.req.parseBody())[CSRF_FIELD];
      sent = typeof value === "string" ? value : undefined;
    }
  }
  const expected = await hmac(appSecret(c.env), `csrf:${bound}`);
  if (!sent || !safeEqual(sent, expected)) throw expired();
  return next();
};
