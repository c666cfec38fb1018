// API for consultations: clip or create (once per address per area), look up by address, list, edit, publish the outcome.
import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { IdParam } from "../../shared/schemas/common";
import {
  Consultation,
  ConsultationInput,
  ConsultationListQuery,
  ConsultationLookup,
  ConsultationPage,
  ConsultationSaved,
  ConsultationUpdate,
  ConsultationWithdrawInput,
  LinkResponseInput,
  LookupQuery,
  OutcomeInput,
} from "../../shared/schemas/consultations";
import { canonicalUrl } from "../../shared/urls";
import { isWatching } from "../alerts/service";
import { apiRouter, errorResponses, jsonBody as json, jsonResponse as ok, publicErrors, signedInSecurity } from "../platform/openapi";
import { authorize, publicAccess, recordOf, signedIn } from "../auth/middleware";
import type { AppEnv } from "../platform/env";
import { notFound } from "../platform/errors";
import {
  consultationById,
  consultationFromRow,
  findByCanonicalUrl,
  findConsultation,
  listConsultations,
  type ConsultationRow,
} from "./queries";
import { depsOf } from "../platform/deps";
import { changeState, createConsultation, markLinkResponded, publishOutcome, updateConsultation } from "./service";

export const consultationsApi = apiRouter();

const writeErrors = {
  401: errorResponses[401],
  403: errorResponses[403],
  404: errorResponses[404],
  409: errorResponses[409],
  422: errorResponses[422],
};

const toApi = <E extends AppEnv>(c: Context<E>, row: ConsultationRow) => consultationFromRow(row, c.var.now, c.env.PUBLIC_URL);

consultationsApi.openapi(
  createRoute({
    method: "post",
    path: "/consultations",
    tags: ["Consultations"],
    summary: "Create or clip a consultation (saved once per address per area; the caller watches it)",
    description:
      "Responders create consultations for their own organisation; LINk members for any organisation in their area. " +
      "If the canonical address is already tracked in the area, or the clientId was used before, answers 200 with that record (`created: false`).",
    security: signedInSecurity,
    middleware: [signedIn] as const,
    request: { body: json(ConsultationInput) },
    responses: { 201: ok("Created", ConsultationSaved), 200: ok("Already tracked", ConsultationSaved), ...writeErrors },
  }),
  async (c) => {
    const saved = await createConsultation(depsOf(c), c.var.actor!, c.req.valid("json"));
    return c.json(
      { consultation: toApi(c, saved.consultation), created: saved.created, watching: saved.watching },
      saved.created ? 201 : 200,
    );
  },
);

consultationsApi.openapi(
  createRoute({
    method: "get",
    path: "/consultations/lookup",
    tags: ["Consultations"],
    summary: "Find the consultation tracked at a page address (any form of it: tracking parameters, case, trailing slash)",
    middleware: [publicAccess] as const,
    request: { query: LookupQuery },
    responses: { 200: ok("Tracked", ConsultationLookup), ...publicErrors },
  }),
  async (c) => {
    const actor = c.var.caller;
    const row = await findByCanonicalUrl(c.var.db, canonicalUrl(c.req.valid("query").url), actor?.memberships.map((m) => m.areaId) ?? []);
    if (!row) throw notFound("consultation at that address");
    const watching = await isWatching(c.var.db, actor?.personId, { kind: "consultation", id: row.id });
    return c.json({ consultation: toApi(c, row), watching }, 200);
  },
);

consultationsApi.openapi(
  createRoute({
    method: "get",
    path: "/consultations",
    tags: ["Consultations"],
    summary: "List and search consultations by area and status (status is computed at the time of reading)",
    middleware: [publicAccess] as const,
    request: { query: ConsultationListQuery },
    responses: { 200: ok("A page of consultations", ConsultationPage), ...publicErrors },
  }),
  async (c) => {
    const q = c.req.valid("query");
    const { rows, hasMore } = await listConsultations(c.var.db, q, c.var.now);
    return c.json({ items: rows.map((r) => toApi(c, r)), page: q.page, perPage: q.perPage, hasMore }, 200);
  },
);

consultationsApi.openapi(
  createRoute({
    method: "get",
    path: "/consultations/{id}",
    tags: ["Consultations"],
    summary: "One consultation, with its outcome",
    middleware: [publicAccess] as const,
    request: { params: IdParam },
    responses: { 200: ok("The consultation", Consultation), ...publicErrors },
  }),
  async (c) => {
    const row = await findConsultation(c.var.db, c.req.valid("param").id);
    if (!row) throw notFound("consultation");
    return c.json(toApi(c, row), 200);
  },
);

consultationsApi.openapi(
  createRoute({
    method: "patch",
    path: "/consultations/{id}",
    tags: ["Consultations"],
    summary: "Change a consultation's details (watchers' alerts follow a new closing date)",
    security: signedInSecurity,
    middleware: [authorize("consultation.edit", consultationById)] as const,
    request: { params: IdParam, body: json(ConsultationUpdate) },
    responses: { 200: ok("Saved", Consultation), ...writeErrors },
  }),
  async (c) => {
    const row = await updateConsultation(depsOf(c), c.var.actor!, recordOf<ConsultationRow>(c), c.req.valid("json"));
    return c.json(toApi(c, row), 200);
  },
);

consultationsApi.openapi(
  createRoute({
    method: "post",
    path: "/consultations/{id}/outcome",
    tags: ["Consultations"],
    summary: "Publish or amend the outcome: what people said, what was decided, what changed",
    description: "Only the organisation running the consultation, once it has closed. Everyone watching it is emailed once.",
    security: signedInSecurity,
    middleware: [authorize("consultation.publish_outcome", consultationById)] as const,
    request: { params: IdParam, body: json(OutcomeInput) },
    responses: { 200: ok("Published", Consultation), ...writeErrors },
  }),
  async (c) => {
    const row = await publishOutcome(depsOf(c), c.var.actor!, c.var.actingRoles, recordOf<ConsultationRow>(c), c.req.valid("json"));
    return c.json(toApi(c, row), 200);
  },
);

consultationsApi.openapi(
  createRoute({
    method: "post",
    path: "/consultations/{id}/withdraw",
    tags: ["Consultations"],
    summary: "Withdraw a consultation (cancelled, or not a consultation after all), saying why; watchers' reminders stop",
    security: signedInSecurity,
    middleware: [authorize("consultation.withdraw", consultationById)] as const,
    request: { params: IdParam, body: json(ConsultationWithdrawInput) },
    responses: { 200: ok("Withdrawn", Consultation), ...writeErrors },
  }),
  async (c) => {
    const row = await changeState(
      depsOf(c),
      c.var.actor!,
      c.var.actingRoles,
      recordOf<ConsultationRow>(c),
      "withdraw",
      c.req.valid("json").reason,
    );
    return c.json(toApi(c, row), 200);
  },
);

consultationsApi.openapi(
  createRoute({
    method: "post",
    path: "/consultations/{id}/reinstate",
    tags: ["Consultations"],
    summary: "Reinstate a withdrawn consultation; watchers' reminders resume",
    security: signedInSecurity,
    middleware: [authorize("consultation.withdraw", consultationById)] as const,
    request: { params: IdParam },
    responses: { 200: ok("Reinstated", Consultation), ...writeErrors },
  }),
  async (c) => {
    const row = await changeState(depsOf(c), c.var.actor!, c.var.actingRoles, recordOf<ConsultationRow>(c), "reinstate");
    return c.json(toApi(c, row), 200);
  },
);

consultationsApi.openapi(
  createRoute({
    method: "post",
    path: "/consultations/{id}/link-response",
    tags: ["Consultations"],
    summary: "Record the date the LINk sent its response to the consultation",
    security: signedInSecurity,
    middleware: [authorize("consultation.mark_link_responded", consultationById)] as const,
    request: { params: IdParam, body: json(LinkResponseInput) },
    responses: { 200: ok("Recorded", Consultation), ...writeErrors },
  }),
  async (c) => {
    const row = await markLinkResponded(depsOf(c), c.var.actor!, recordOf<ConsultationRow>(c), c.req.valid("json").respondedOn);
    return c.json(toApi(c, row), 200);
  },
);
