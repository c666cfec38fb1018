// The one authorization gate: every route declares who may use it, here.
import type { Context, MiddlewareHandler } from "hono";
import { permissions, rolesAllowed, type Action, type RecordScope } from "../../shared/permissions";
import { roleLabels, type Role } from "../../shared/roles";
import { AppError, forbidden, notFound, unauthenticated } from "../errors";
import type { AppEnv } from "../env";
import type { Actor } from "./actor";

/** Loads the record a route acts on and says where it belongs; null when it does not exist. */
export type RecordLoader<R> = (c: Context<AppEnv>) => Promise<{ record: R; scope: RecordScope } | null>;

function signInRequired(c: Context<AppEnv>): AppError | Response {
  if (c.req.path.startsWith("/api/") || c.req.method !== "GET") return unauthenticated();
  const next = c.req.path + (new URL(c.req.url).search || "");
  return c.redirect(`/sign-in?next=${encodeURIComponent(next)}`, 303);
}

/** Anyone, signed in or not. Declared so that every route states its access. */
export const publicAccess: MiddlewareHandler<AppEnv> = async (_c, next) => next();

/** Any signed-in person. */
export const signedIn: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!c.var.actor) {
    const r = signInRequired(c);
    if (r instanceof AppError) throw r;
    return r;
  }
  return next();
};

function describeWho(action: Action): string {
  const roles = Object.keys(permissions[action]) as Role[];
  return roles.map((r) => roleLabels[r].toLowerCase()).join(" or ");
}

/**
 * Signed in, holding a role that `permissions[action]` allows, in an organisation
 * that reaches the record `load` returns. Sets c.var.record and c.var.actingRoles.
 */
export function authorize<R>(action: Action, load: RecordLoader<R>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const actor = c.var.actor;
    if (!actor) {
      const r = signInRequired(c);
      if (r instanceof AppError) throw r;
      return r;
    }
    const loaded = await load(c);
    if (!loaded) throw notFound("record");
    c.set("actingRoles", requireAllowed(actor, action, loaded.scope));
    c.set("record", loaded.record);
    return next();
  };
}

/**
 * The same check as authorize(), for a record whose scope is known only once the body is
 * validated (e.g. the organisation a new consultation is for). Returns the acting roles.
 */
export function requireAllowed(actor: Pick<Actor, "memberships">, action: Action, scope: RecordScope): Role[] {
  const acting = rolesAllowed(action, actor.memberships, scope);
  if (acting.length === 0) throw forbidden(`Only a ${describeWho(action)} for the right organisation or area can do this.`);
  return acting;
}

/** The record set by authorize(), typed by the caller. */
export function recordOf<R>(c: Context<AppEnv>): R {
  return c.var.record as R;
}
