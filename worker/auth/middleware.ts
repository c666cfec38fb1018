// The one authorization gate: every route declares who may use it, here. Each gate is typed
// middleware: the handler after it reads c.var.actor (and c.var.record, c.var.reach) with its real type.
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { type Action, permissions, type Reach, type RecordScope, reachesAnything, reachOf, rolesAllowed } from "../../shared/permissions";
import { type Role, roleLabels } from "../../shared/roles";
import type { Actor } from "../platform/actor";
import type { DB } from "../platform/db";
import type { AppEnv } from "../platform/env";
import { forbidden, notFound, unauthenticated } from "../platform/errors";

/** A record and where it belongs (its area and organisations), for the permission check. */
export interface Loaded<R> {
  record: R;
  scope: RecordScope;
}

/**
 * Loads the record a route acts on from the path's parameters (e.g. `id`, `slug`); null when it
 * does not exist. It takes values, not the request, so anything can call it.
 */
export type RecordLoader<R> = (db: DB, params: Readonly<Record<string, string>>) => Promise<Loaded<R> | null>;

/** What a signed-in route's handler can read. */
export type SignedInEnv = AppEnv & { Variables: { actor: Actor } };
/** What a route behind authorize() can read: the record, and the roles in which the caller acts on it. */
export type AuthorizedEnv<R> = AppEnv & { Variables: { actor: Actor; record: R; actingRoles: Role[] } };
/** What a list route behind reaching() can read: where the caller's roles reach for its action. */
export type ReachingEnv = AppEnv & { Variables: { actor: Actor; reach: Reach } };

function signInRequired<E extends AppEnv>(c: Context<E>): Response {
  if (c.req.path.startsWith("/api/") || c.req.method !== "GET") throw unauthenticated();
  const next = c.req.path + (new URL(c.req.url).search || "");
  return c.redirect(`/sign-in?next=${encodeURIComponent(next)}`, 303);
}

/** Anyone, signed in or not. Declared so that every route states its access. */
export const publicAccess = createMiddleware<AppEnv>(async (_c, next) => next());

/** Any signed-in person. */
export const signedIn = createMiddleware<SignedInEnv>(async (c, next) => {
  if (!c.var.caller) return signInRequired(c);
  c.set("actor", c.var.caller);
  return next();
});

function describeWho(action: Action): string {
  const roles = Object.keys(permissions[action]) as (keyof typeof roleLabels)[];
  return roles.map((r) => roleLabels[r].toLowerCase()).join(" or ");
}

/**
 * Signed in, holding a role that `permissions[action]` allows, in an organisation
 * that reaches the record `load` returns. Sets c.var.record and c.var.actingRoles.
 */
export function authorize<R>(action: Action, load: RecordLoader<R>) {
  return createMiddleware<AuthorizedEnv<R>>(async (c, next) => {
    const actor = c.var.caller;
    if (!actor) return signInRequired(c);
    const loaded = await load(c.var.db, c.req.param());
    if (!loaded) throw notFound("record");
    c.set("actingRoles", requireAllowed(actor, action, loaded.scope));
    c.set("record", loaded.record);
    c.set("actor", actor);
    return next();
  });
}

/** For lists scoped to the caller: signed in, with a role that reaches something for `action`. Sets c.var.reach. */
export function reaching(action: Action, who: string) {
  return createMiddleware<ReachingEnv>(async (c, next) => {
    const actor = c.var.caller;
    if (!actor) return signInRequired(c);
    const reach = reachOf(actor.memberships, action);
    if (!reachesAnything(reach)) throw forbidden(`Only ${who} can see this.`);
    c.set("reach", reach);
    c.set("actor", actor);
    return next();
  });
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
export function recordOf<R>(c: Context): R {
  return c.get("record") as R;
}
