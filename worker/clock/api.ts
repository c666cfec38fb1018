// API for the area clock: an organisation's open deadlines with its counts, as JSON.
import { createRoute } from "@hono/zod-openapi";
import { Clock } from "../../shared/schemas/clock";
import { IdParam } from "../../shared/schemas/common";
import { apiRouter, errorResponses, signedInSecurity } from "../platform/openapi";
import { authorize, recordOf } from "../auth/middleware";
import { clockFor, clockOrganisation, scopeOf, type ClockOrganisation } from "./queries";

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
  async (c) => {
    const org = recordOf<ClockOrganisation>(c);
    return c.json(await clockFor(c.var.db, scopeOf(org), c.var.now, c.env.PUBLIC_URL), 200);
  },
);
