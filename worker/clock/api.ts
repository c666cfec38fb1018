// API for the area clock: an organisation's open deadlines with its counts, as JSON.
import { createRoute } from "@hono/zod-openapi";
import { Clock } from "../../shared/schemas/clock";
import { IdParam } from "../../shared/schemas/common";
import { apiRouter, errorResponses, signedInSecurity } from "../platform/openapi";
import { authorize } from "../auth/middleware";
import { depsOf } from "../platform/deps";
import { clockFor, clockOrganisation, scopeOf } from "./queries";

export const clockApi = apiRouter();

clockApi.openapi(
  createRoute({
    method: "get",
    path: "/organisations/{id}/clock",
    tags: ["Requests"],
    summary: "Everything open that involves an organisation, soonest due first, with overdue, due-this-week and answered-late counts",
    security: signedInSecurity,
    middleware: [authorize("organisation.view_clock", clockOrganisation)] as const,
    request: { params: IdParam },
    responses: {
      200: { description: "The organisation's clock", content: { "application/json": { schema: Clock } } },
      401: errorResponses[401],
      403: errorResponses[403],
      404: errorResponses[404],
    },
  }),
  async (c) => c.json(await clockFor(depsOf(c), scopeOf(c.var.record)), 200),
);
