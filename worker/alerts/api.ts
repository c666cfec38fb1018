// API for watching things and for the extension's alerts: upcoming deadlines with the lead times already reached.
import { createRoute, z } from "@hono/zod-openapi";
import { leadTimesReached } from "../../shared/alerts/timing";
import { IdParam } from "../../shared/schemas/common";
import { type AlertItem, AlertsResponse, Watch, WatchInput } from "../../shared/schemas/watches";
import { signedIn } from "../auth/middleware";
import type { Actor } from "../platform/actor";
import { type Deps, depsOf } from "../platform/deps";
import { notFound } from "../platform/errors";
import { apiRouter, errorResponses, jsonResponse as ok, signedInSecurity } from "../platform/openapi";
import { removeWatch, startWatching, watchFromRow } from "./service";
import { liveWatched } from "./targets";

export const alertsApi = apiRouter();

alertsApi.openapi(
  createRoute({
    method: "post",
    path: "/watches",
    tags: ["Alerts"],
    summary: "Watch a consultation, petition or request: alerts at your lead times before its deadlines",
    security: signedInSecurity,
    middleware: [signedIn] as const,
    request: { body: { required: true, content: { "application/json": { schema: WatchInput } } } },
    responses: {
      201: ok("Now watching", Watch),
      200: ok("Already watching", Watch),
      401: errorResponses[401],
      403: errorResponses[403],
      404: errorResponses[404],
      422: errorResponses[422],
    },
  }),
  async (c) => {
    const input = c.req.valid("json");
    const { watch, created } = await startWatching(depsOf(c), c.var.actor, { kind: input.targetKind, id: input.targetId });
    return c.json(watchFromRow(watch), created ? 201 : 200);
  },
);

alertsApi.openapi(
  createRoute({
    method: "get",
    path: "/watches",
    tags: ["Alerts"],
    summary: "Everything you watch",
    security: signedInSecurity,
    middleware: [signedIn] as const,
    responses: { 200: ok("Your watches", z.object({ items: z.array(Watch) })), 401: errorResponses[401] },
  }),
  async (c) => {
    const rows = await c.var.db
      .selectFrom("watches")
      .select(["id", "person_id", "target_kind", "target_id", "next_alert_at", "created_at"])
      .where("person_id", "=", c.var.actor.personId)
      .orderBy("id")
      .limit(1000)
      .execute();
    return c.json({ items: rows.map(watchFromRow) }, 200);
  },
);

alertsApi.openapi(
  createRoute({
    method: "delete",
    path: "/watches/{id}",
    tags: ["Alerts"],
    summary: "Stop watching",
    security: signedInSecurity,
    middleware: [signedIn] as const,
    request: { params: IdParam },
    responses: { 204: { description: "No longer watching" }, 401: errorResponses[401], 404: errorResponses[404], 422: errorResponses[422] },
  }),
  async (c) => {
    if (!(await removeWatch(c.var.db, c.var.actor.personId, { id: c.req.valid("param").id }))) throw notFound("watch");
    return c.body(null, 204);
  },
);

/** Deadlines from a day ago onwards, so an item stays visible on its last day. */
const ALERTS_LOOK_BACK = 86_400_000;

export async function alertsFor({ db, now, publicUrl }: Deps, actor: Actor): Promise<AlertsResponse> {
  const from = now.getTime() - ALERTS_LOOK_BACK;
  // live_until (the latest live deadline of the target, kept by triggers) skips watches with
  // nothing left to show, so a person watching years of closed consultations reads only the live ones.
  const watched = await liveWatched(db, actor.personId, new Date(from).toISOString());
  const items: AlertItem[] = watched.flatMap(({ watchId, target: t }) => {
    return t.deadlines
      .filter((d) => Date.parse(d.at) >= from)
      .map((d) => ({
        key: `${t.kind}:${t.id}:${d.kind}:${d.at}`,
        watchId,
        targetKind: t.kind,
        targetId: t.id,
        title: t.title,
        deadlineKind: d.kind,
        deadlineAt: d.at,
        webUrl: new URL(t.path, publicUrl).toString(),
        url: t.url,
        leadTimesReached: leadTimesReached(d.at, actor.leadTimes, now),
      }));
  });
  items.sort((a, b) => a.deadlineAt.localeCompare(b.deadlineAt) || a.key.localeCompare(b.key));
  return { generatedAt: now.toISOString(), leadTimes: actor.leadTimes, items };
}

alertsApi.openapi(
  createRoute({
    method: "get",
    path: "/me/alerts",
    tags: ["Alerts"],
    summary: "Your upcoming deadlines (from a day ago), soonest first, with the lead times already reached",
    security: signedInSecurity,
    middleware: [signedIn] as const,
    responses: { 200: ok("Deadlines of what you watch", AlertsResponse), 401: errorResponses[401] },
  }),
  async (c) => c.json(await alertsFor(depsOf(c), c.var.actor), 200),
);
