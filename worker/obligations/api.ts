// API for statutory requests: raise, list, read the thread and timeline, reply (meets it), add notes, withdraw.
import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { permissions } from "../../shared/permissions";
import { IdParam } from "../../shared/schemas/common";
import {
  NoteInput,
  ObligationDetail,
  ObligationInput,
  ObligationListQuery,
  ObligationPage,
  ObligationSaved,
  ReplyInput,
  WithdrawInput,
} from "../../shared/schemas/obligations";
import { apiRouter, errorResponses, jsonBody as json, jsonResponse as ok, signedInSecurity } from "../platform/openapi";
import type { Actor } from "../platform/actor";
import { authorize, recordOf, requireAllowed, signedIn } from "../auth/middleware";
import type { AppEnv } from "../platform/env";
import { notFound } from "../platform/errors";
import {
  findObligation,
  listObligations,
  obligationById,
  obligationFromRow,
  obligationOwedBy,
  obligationRaisingSide,
  threadOf,
  timelineOf,
  type ObligationListOptions,
  type ObligationRow,
} from "./queries";
import { depsOf } from "../platform/deps";
import { addNote, raiseObligation, replyToObligation, withdrawObligation } from "./service";

export const obligationsApi = apiRouter();

const writeErrors = {
  401: errorResponses[401],
  403: errorResponses[403],
  404: errorResponses[404],
  409: errorResponses[409],
  422: errorResponses[422],
};

export async function detailOf<E extends AppEnv>(c: Context<E>, row: ObligationRow): Promise<ObligationDetail> {
  const [messages, timeline] = await Promise.all([threadOf(c.var.db, row.id), timelineOf(c.var.db, row.id)]);
  return { obligation: obligationFromRow(row, c.var.now, c.env.PUBLIC_URL), messages, timeline };
}

/** What a person may list: their organisations' obligations, or whole areas where their role reaches the area. */
export function visibleTo(actor: Actor): Pick<ObligationListOptions, "organisationIds" | "areaIds"> {
  const reach: Partial<Record<string, string>> = permissions["obligation.view"];
  return {
    organisationIds: [...new Set(actor.memberships.filter((m) => reach[m.role] === "organisation").map((m) => m.organisationId))],
    areaIds: [...new Set(actor.memberships.filter((m) => reach[m.role] === "area").map((m) => m.areaId))],
  };
}

obligationsApi.openapi(
  createRoute({
    method: "post",
    path: "/obligations",
    tags: ["Requests"],
    summary: "Raise a request for information, a report or recommendation, or a referral to scrutiny",
    description:
      "Due by the end of the Nth working day after receipt (N from the area's settings, 20 by default; bank holidays excluded). " +
      "A scrutiny committee's consultation response is due on the date the consulting body set (`dueDate`).",
    security: signedInSecurity,
    middleware: [signedIn] as const,
    request: { body: json(ObligationInput) },
    responses: { 201: ok("Raised", ObligationSaved), 200: ok("Already raised with this clientId", ObligationSaved), ...writeErrors },
  }),
  async (c) => {
    const { obligation, created } = await raiseObligation(depsOf(c), c.var.actor!, c.req.valid("json"));
    return c.json({ obligation: obligationFromRow(obligation, c.var.now, c.env.PUBLIC_URL), created }, created ? 201 : 200);
  },
);

obligationsApi.openapi(
  createRoute({
    method: "get",
    path: "/obligations",
    tags: ["Requests"],
    summary: "Requests involving your organisations (or your area, for scrutiny clerks and administrators)",
    security: signedInSecurity,
    middleware: [signedIn] as const,
    request: { query: ObligationListQuery },
    responses: {
      200: ok("A page of requests", ObligationPage),
      401: errorResponses[401],
      403: errorResponses[403],
      422: errorResponses[422],
    },
  }),
  async (c) => {
    const q = c.req.valid("query");
    const actor = c.var.actor!;
    let scope = visibleTo(actor);
    if (q.organisationId) {
      const org = await c.var.db
        .selectFrom("organisations")
        .select(["id", "area_id"])
        .where("id", "=", q.organisationId)
        .executeTakeFirst();
      if (!org) throw notFound("organisation");
      requireAllowed(actor, "obligation.view", { areaId: org.area_id, organisationIds: [org.id] });
      scope = { organisationIds: [org.id], areaIds: [] };
    }
    const { rows, hasMore } = await listObligations(c.var.db, { ...scope, status: q.status, page: q.page, perPage: q.perPage }, c.var.now);
    return c.json(
      { items: rows.map((r) => obligationFromRow(r, c.var.now, c.env.PUBLIC_URL)), page: q.page, perPage: q.perPage, hasMore },
      200,
    );
  },
);

obligationsApi.openapi(
  createRoute({
    method: "get",
    path: "/obligations/{id}",
    tags: ["Requests"],
    summary: "A request with its whole thread and timeline (both sides, and the area's clerks, can read it)",
    security: signedInSecurity,
    middleware: [authorize("obligation.view", obligationById)] as const,
    request: { params: IdParam },
    responses: { 200: ok("The request", ObligationDetail), 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404] },
  }),
  async (c) => c.json(await detailOf(c, recordOf<ObligationRow>(c)), 200),
);

obligationsApi.openapi(
  createRoute({
    method: "post",
    path: "/obligations/{id}/replies",
    tags: ["Requests"],
    summary: "Answer a request for the owing organisation: it is then met (on time or late, recorded)",
    security: signedInSecurity,
    middleware: [authorize("obligation.reply", obligationOwedBy)] as const,
    request: { params: IdParam, body: json(ReplyInput) },
    responses: { 200: ok("Answered", ObligationDetail), ...writeErrors },
  }),
  async (c) => {
    const row = await replyToObligation(depsOf(c), c.var.actor!, c.var.actingRoles, recordOf<ObligationRow>(c), c.req.valid("json"));
    return c.json(await detailOf(c, row), 200);
  },
);

obligationsApi.openapi(
  createRoute({
    method: "post",
    path: "/obligations/{id}/notes",
    tags: ["Requests"],
    summary: "Add a note to the thread, for the side that raised it",
    security: signedInSecurity,
    middleware: [authorize("obligation.raise", obligationRaisingSide)] as const,
    request: { params: IdParam, body: json(NoteInput) },
    responses: { 201: ok("Added", ObligationDetail), ...writeErrors },
  }),
  async (c) => {
    const row = recordOf<ObligationRow>(c);
    await addNote(depsOf(c), c.var.actor!, row, c.req.valid("json"));
    return c.json(await detailOf(c, (await findObligation(c.var.db, row.id))!), 201);
  },
);

obligationsApi.openapi(
  createRoute({
    method: "post",
    path: "/obligations/{id}/withdraw",
    tags: ["Requests"],
    summary: "Withdraw a request, for the side that raised it, saying why",
    security: signedInSecurity,
    middleware: [authorize("obligation.withdraw", obligationRaisingSide)] as const,
    request: { params: IdParam, body: json(WithdrawInput) },
    responses: { 200: ok("Withdrawn", ObligationDetail), ...writeErrors },
  }),
  async (c) => {
    const row = await withdrawObligation(depsOf(c), c.var.actor!, c.var.actingRoles, recordOf<ObligationRow>(c), c.req.valid("json"));
    return c.json(await detailOf(c, row), 200);
  },
);
