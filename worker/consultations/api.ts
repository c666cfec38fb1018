// API for consultations: clip or create (once per address per area), look up by address, list, edit, publish the outcome.
import { createRoute } from "@hono/zod-openapi";
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
import { authorize, publicAccess, signedIn } from "../auth/middleware";
import { type Deps, depsOf } from "../platform/deps";
import { notFound } from "../platform/errors";
import {
  type ConsultationRow,
  consultationById,
  consultationFromRow,
  findByCanonicalUrl,
  listConsultations,
  requireConsultation,
} from "./queries";
import {
  createConsultation,
  markLinkResponded,
  publishOutcome,
  reinstateConsultation,
  updateConsultation,
  withdrawConsultation,
} from "./service";

export const consultationsApi = apiRouter();

const writeErrors = {
  401: errorResponses[401],
  403: errorResponses[403],
  404: errorResponses[404],
  409: errorResponses[409],
  422: errorResponses[422],
};

const toApi = (deps: Deps, row: ConsultationRow) => consultationFromRow(row, deps.now, deps.publicUrl);

/** The consultation as it is now, after a change: what every write route answers. */
const reread = async (deps: Deps, id: number) => toApi(deps, await requireConsultation(deps.db, id));

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
    const deps = depsOf(c);
    const saved = await createConsultation(deps, c.var.actor, c.req.valid("json"));
    return c.json(
      { consultation: toApi(deps, saved.consultation), created: saved.created, watching: saved.watching },
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
    const { db, caller } = c.var;
    const row = await findByCanonicalUrl(db, canonicalUrl(c.req.valid("query").url), caller?.memberships.map((m) => m.areaId) ?? []);
    if (!row) throw notFound("consultation at that address");
    const watching = await isWatching(db, caller?.personId, { kind: "consultation", id: row.id });
    return c.json({ consultation: toApi(depsOf(c), row), watching }, 200);
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
    const deps = depsOf(c);
    const { rows, hasMore } = await listConsultations(deps.db, q, deps.now);
    return c.json({ items: rows.map((r) => toApi(deps, r)), page: q.page, perPage: q.perPage, hasMore }, 200);
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
  async (c) => c.json(await reread(depsOf(c), c.req.valid("param").id), 200),
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
    const deps = depsOf(c);
    await updateConsultation(deps, { actor: c.var.actor, roles: c.var.actingRoles }, c.var.record, c.req.valid("json"));
    return c.json(await reread(deps, c.var.record.id), 200);
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
    const deps = depsOf(c);
    await publishOutcome(deps, { actor: c.var.actor, roles: c.var.actingRoles }, c.var.record, c.req.valid("json"));
    return c.json(await reread(deps, c.var.record.id), 200);
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
    const deps = depsOf(c);
    await withdrawConsultation(deps, { actor: c.var.actor, roles: c.var.actingRoles }, c.var.record, c.req.valid("json"));
    return c.json(await reread(deps, c.var.record.id), 200);
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
    const deps = depsOf(c);
    await reinstateConsultation(deps, { actor: c.var.actor, roles: c.var.actingRoles }, c.var.record);
    return c.json(await reread(deps, c.var.record.id), 200);
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
    const deps = depsOf(c);
    await markLinkResponded(deps, { actor: c.var.actor, roles: c.var.actingRoles }, c.var.record, c.req.valid("json"));
    return c.json(await reread(deps, c.var.record.id), 200);
  },
);
