// Turning a page into a response: the request's page context, flash messages, the HTML document.
import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";
import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import type { Actor } from "../platform/actor";
import { csrfToken } from "../auth/csrf";
import { cookieOptions } from "../auth/session";
import { isLocalDev, type AppEnv } from "../platform/env";

export interface PageContext {
  actor: Actor | null;
  csrf: string;
  path: string;
  flash: string | null;
  localDev: boolean;
  now: Date;
}

const FLASH_COOKIE = "flash";

/** A one-line confirmation shown on the next page ("Petition approved"). */
export function setFlash<E extends AppEnv>(c: Context<E>, message: string): void {
  setCookie(c, FLASH_COOKIE, encodeURIComponent(message), { ...cookieOptions, maxAge: 60 });
}

export async function pageContext<E extends AppEnv>(c: Context<E>): Promise<PageContext> {
  const raw = getCookie(c, FLASH_COOKIE);
  if (raw) deleteCookie(c, FLASH_COOKIE, cookieOptions);
  let flash: string | null = null;
  try {
    flash = raw ? decodeURIComponent(raw).slice(0, 300) : null;
  } catch {
    flash = null;
  }
  return {
    actor: c.var.caller,
    csrf: await csrfToken(c),
    path: c.req.path,
    flash,
    localDev: isLocalDev(c.env),
    now: c.var.now,
  };
}

export function renderPage<E extends AppEnv>(
  c: Context<E>,
  page: VNode,
  status: 200 | 400 | 401 | 403 | 404 | 409 | 410 | 422 | 429 | 500 = 200,
) {
  c.header("Cache-Control", "no-store");
  return c.html(`<!doctype html>${renderToString(page)}`, status);
}

/** Post/redirect/get: after a successful form, go to `to` with a confirmation message. */
export function redirectWithFlash<E extends AppEnv>(c: Context<E>, to: string, message: string) {
  setFlash(c, message);
  return c.redirect(to, 303);
}
