// API for statutory requests: raise, list, read the thread and timeline, reply (meets it), add notes, withdraw.
import { createRoute } from "@hono/zod-openapi";
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
import { authorize, signedIn } from "../auth/middleware";
import { depsOf } from "../platform/deps";
import { apiRouter, errorResponses, jsonBody as json, jsonResponse as ok, signedInSecurity } from "../platform/openapi";
import {
  listObligations,
  listScope,
  obligationById,
  obligationDetail,
  obligationFromRow,
  obligationOwedBy,
  obligationRaisingSide,
  reloadObligation,
} from "./queries";
import { addNote, raiseObligation, replyToObligation, withdrawObligation } from "./service";

export const obligationsApi = apiRouter();

const writeErrors = {
  401: errorResponses[401],
  403: errorResponses[403],
  404: errorResponses[404],
  409: errorResponses[409],
  422: errorResponses[422],
};

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
    const deps = depsOf(c);
    const { obligation, created } = await raiseObligation(deps, c.var.actor, c.req.valid("json"));
    return c.json({ obligation: obligationFromRow(obligation, deps.now, deps.publicUrl), created }, created ? 201 : 200);
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
    const { db, now, publicUrl } = depsOf(c);
    const scope = await listScope(db, c.var.actor, q.organisationId);
    const { rows, hasMore } = await listObligations(db, { ...scope, status: q.status, page: q.page, perPage: q.perPage }, now);
    return c.json({ items: rows.map((r) => obligationFromRow(r, now, publicUrl)), page: q.page, perPage: q.perPage, hasMore }, 200);
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
  async (c) => c.json(await obligationDetail(depsOf(c), c.var.record), 200),
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
    const deps = depsOf(c);
    const row = await replyToObligation(deps, { actor: c.var.actor, roles: c.var.actingRoles }, c.var.record, c.req.valid("json"));
    return c.json(await obligationDetail(deps, row), 200);
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
    const deps = depsOf(c);
    await addNote(deps, { actor: c.var.actor, roles: c.var.actingRoles }, c.var.record, c.req.valid("json"));
    return c.json(await obligationDetail(deps, await reloadObligation(deps.db, { id: c.var.record.id })), 201);
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
    const deps = depsOf(c);
    const row = await withdrawObligation(deps, { actor: c.var.actor, roles: c.var.actingRoles }, c.var.record, c.req.valid("json"));
    return c.json(await obligationDetail(deps, row), 200);
  },
);
