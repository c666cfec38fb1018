// The petitions API: the same operations as the web pages, for the public, clerks and responders.
import { createRoute, z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { IdParam, pageOf } from "../../shared/schemas/common";
import {
  Accepted,
  DashboardQuery,
  DashboardRow,
  FeedToken,
  FeedTokenCreated,
  ModerationDecision,
  NewPetition,
  Petition,
  PetitionListQuery,
  PetitionPage,
  PetitionSummary,
  RemovalInput,
  ResponseInput,
  ResponsePreview,
  ScrutinyInput,
  SignatureConfirmed,
  SignatureInput,
  SimilarPetition,
  SimilarQuery,
  TokenInput,
} from "../../shared/schemas/petitions";
import { areaById } from "../admin/service";
import { apiRouter, errorResponses, publicErrors, signedInSecurity } from "../platform/openapi";
import { authorize, publicAccess, recordOf } from "../auth/middleware";
import type { AppEnv } from "../platform/env";
import { AppError, notFound, validationFailed } from "../platform/errors";
import { csvResponse, keysetPages } from "../feeds/csv";
import { clientIpHash } from "../platform/validation";
import { paragraphsOf } from "../web/components";
import {
  dashboard,
  dashboardCsvHeader,
  dashboardPages,
  feedTokenById,
  feedTokens,
  findPetition,
  inbox,
  moderationQueue,
  petitionById,
  petitionDetail,
  petitionRemoved,
  publicCsvHeader,
  publicCsvRow,
  publicPage,
  readablePetition,
  listPublic,
  similarPetitions,
  type PetitionRow,
} from "./queries";
import {
  confirmPetition,
  confirmSignature,
  createPetitionFeed,
  isReferralToken,
  moderatePetition,
  publishResponse,
  recordScrutiny,
  referPetition,
  removePetition,
  revokePetitionFeed,
  signPetition,
  startPetition,
} from "./service";
import { depsOf } from "../platform/deps";
import { reachOf } from "../../shared/permissions";
import { reaching } from "../auth/middleware";

export const petitionsApi = apiRouter();

const TAG = ["Petitions"];
const jsonBody = <T extends z.ZodType>(schema: T) => ({ required: true, content: { "application/json": { schema } } });
const ok = <T extends z.ZodType>(description: string, schema: T) => ({ description, content: { "application/json": { schema } } });
const gone = { description: "The petition was removed; the message gives the reason", content: errorResponses[404].content };
const csv = { "text/csv": { schema: z.string().meta({ description: "CSV with a header row (UTF-8 with a byte order mark)" }) } };
const roleErrors = {
  401: errorResponses[401],
  403: errorResponses[403],
  404: errorResponses[404],
  409: errorResponses[409],
  422: errorResponses[422],
};

async function detailOf<E extends AppEnv>(c: Context<E>, id: number) {
  const p = await findPetition(c.var.db, id);
  if (!p) throw notFound("petition");
  return petitionDetail(c.var.db, p, c.var.now, c.env.PUBLIC_URL);
}

// ---------------------------------------------------------------- public: lists (static paths before /petitions/{id})

petitionsApi.openapi(
  createRoute({
    method: "get",
    path: "/petitions",
    tags: TAG,
    summary: "Search open, closed and rejected petitions by area, organisation, status and words",
    description: "Newest first (or `sort=signatures`). `format=csv` gives every match as CSV.",
    middleware: [publicAccess] as const,
    request: { query: PetitionListQuery },
    responses: {
      200: { description: "A page of petitions", content: { "application/json": { schema: PetitionPage }, ...csv } },
      422: errorResponses[422],
    },
  }),
  async (c) => {
    const q = c.req.valid("query");
    if (q.format === "csv") return publicCsv(c, q);
    return c.json(await listPublic(c.var.db, q, c.var.now, c.env.PUBLIC_URL), 200);
  },
);

function publicCsv<E extends AppEnv>(c: Context<E>, q: z.infer<typeof PetitionListQuery>) {
  return csvResponse(
    "petitions",
    publicCsvHeader,
    keysetPages(publicPage(c.var.db, q, c.var.now), (r) => publicCsvRow(r, c.var.now, c.env.PUBLIC_URL)),
  );
}

petitionsApi.openapi(
  createRoute({
    method: "get",
    path: "/petitions.csv",
    tags: TAG,
    summary: "The petition search as CSV (the same filters; no names or emails)",
    middleware: [publicAccess] as const,
    request: { query: PetitionListQuery },
    responses: { 200: { description: "CSV", content: csv }, 422: errorResponses[422] },
  }),
  async (c) => publicCsv(c, c.req.valid("query")),
);

petitionsApi.openapi(
  createRoute({
    method: "get",
    path: "/petitions/similar",
    tags: TAG,
    summary: "Open petitions in the same area like a proposed title (check before starting one)",
    middleware: [publicAccess] as const,
    request: { query: SimilarQuery },
    responses: { 200: ok("Up to 5 similar open petitions", z.object({ items: z.array(SimilarPetition) })), 422: errorResponses[422] },
  }),
  async (c) => {
    const { organisationId, title } = c.req.valid("query");
    return c.json({ items: await similarPetitions(c.var.db, organisationId, title, c.env.PUBLIC_URL) }, 200);
  },
);

// ---------------------------------------------------------------- public: starting and signing

petitionsApi.openapi(
  createRoute({
    method: "post",
    path: "/petitions",
    tags: TAG,
    summary: "Start a petition; the petitioner confirms by an emailed link before it is checked",
    middleware: [publicAccess] as const,
    request: { body: jsonBody(NewPetition) },
    responses: { 202: ok("A confirmation link is on its way to the petitioner", Accepted), ...publicErrors },
  }),
  async (c) => {
    await startPetition(depsOf(c), c.req.valid("json"), await clientIpHash(c));
    return c.json({ message: "We have emailed you a link. Your petition is sent to be checked once you confirm your email address." }, 202);
  },
);

petitionsApi.openapi(
  createRoute({
    method: "post",
    path: "/petitions/confirmation",
    tags: TAG,
    summary: "The petitioner confirms their email (token from the link): the petition goes to be checked",
    middleware: [publicAccess] as const,
    request: { body: jsonBody(TokenInput) },
    responses: { 200: ok("Confirmed", z.object({ petitionId: z.number().int(), alreadyConfirmed: z.boolean() })), ...publicErrors },
  }),
  async (c) => {
    const result = await confirmPetition(depsOf(c), c.req.valid("json").token);
    if (!result.ok) throw invalidToken();
    return c.json({ petitionId: result.petitionId, alreadyConfirmed: result.already }, 200);
  },
);

const invalidToken = () =>
  validationFailed({ token: "This link is not valid, or has been replaced by a newer one" }, "This link is not valid.");

petitionsApi.openapi(
  createRoute({
    method: "post",
    path: "/signatures/confirmation",
    tags: TAG,
    summary: "A signer confirms their email (token from the link): the signature counts",
    middleware: [publicAccess] as const,
    request: { body: jsonBody(TokenInput) },
    responses: { 200: ok("Counted (or already counted)", SignatureConfirmed), 409: errorResponses[409], ...publicErrors },
  }),
  async (c) => {
    const result = await confirmSignature(depsOf(c), c.req.valid("json").token);
    if (!result.ok && result.reason === "closed")
      throw new AppError(409, "petition_not_open", "This petition closed before the signature was confirmed, so it was not counted.");
    if (!result.ok) throw invalidToken();
    return c.json({ petitionId: result.petitionId, signatureCount: result.signatureCount ?? 0, alreadyConfirmed: result.already }, 200);
  },
);

// ---------------------------------------------------------------- clerks and responders: lists

petitionsApi.openapi(
  createRoute({
    method: "get",
    path: "/petitions/moderation",
    tags: TAG,
    summary: "Petitions waiting to be checked (and waiting for their petitioner) in the caller's areas",
    security: signedInSecurity,
    middleware: [reaching("petition.moderate", "a scrutiny clerk or administrator")] as const,
    responses: {
      200: ok(
        "The queue, the longest waiting first",
        z.object({
          items: z.array(
            z.object({
              id: z.number().int(),
              title: z.string(),
              state: z.string(),
              organisationName: z.string(),
              areaName: z.string(),
              waitingSince: z.string().nullable(),
            }),
          ),
        }),
      ),
      401: errorResponses[401],
      403: errorResponses[403],
    },
  }),
  async (c) => {
    const { pending, drafts } = await moderationQueue(c.var.db, c.var.reach);
    return c.json(
      {
        items: [...pending, ...drafts].map((p) => ({
          id: p.id,
          title: p.title,
          state: p.state,
          organisationName: p.organisation_name,
          areaName: p.area_name,
          waitingSince: p.petitioner_confirmed_at ?? p.created_at,
        })),
      },
      200,
    );
  },
);

function dashboardCsv<E extends AppEnv>(c: Context<E>, q: z.infer<typeof DashboardQuery>) {
  return csvResponse(
    "petitions-dashboard",
    dashboardCsvHeader,
    dashboardPages(c.var.db, q, reachOf(c.var.caller?.memberships ?? [], "petition.monitor"), c.var.now, c.env.PUBLIC_URL),
  );
}

petitionsApi.openapi(
  createRoute({
    method: "get",
    path: "/petitions/dashboard",
    tags: TAG,
    summary: "Every petition in the caller's areas, the most urgent first (overdue responses first)",
    description: "`format=csv` (or /petitions/dashboard.csv) gives every match as CSV for committee papers.",
    security: signedInSecurity,
    middleware: [reaching("petition.monitor", "a scrutiny clerk or administrator")] as const,
    request: { query: DashboardQuery },
    responses: {
      200: { description: "A page of the dashboard", content: { "application/json": { schema: pageOf(DashboardRow) }, ...csv } },
      401: errorResponses[401],
      403: errorResponses[403],
      422: errorResponses[422],
    },
  }),
  async (c) => {
    const q = c.req.valid("query");
    if (q.format === "csv") return dashboardCsv(c, q);
    return c.json(await dashboard(c.var.db, q, c.var.reach, c.var.now, c.env.PUBLIC_URL), 200);
  },
);

petitionsApi.openapi(
  createRoute({
    method: "get",
    path: "/petitions/dashboard.csv",
    tags: TAG,
    summary: "The dashboard as CSV for committee papers (no names or emails)",
    security: signedInSecurity,
    middleware: [reaching("petition.monitor", "a scrutiny clerk or administrator")] as const,
    request: { query: DashboardQuery },
    responses: { 200: { description: "CSV", content: csv }, 401: errorResponses[401], 403: errorResponses[403], 422: errorResponses[422] },
  }),
  async (c) => dashboardCsv(c, c.req.valid("query")),
);

const InboxItem = PetitionSummary.extend({ overdue: z.boolean(), workingDaysOverdue: z.number().int().nullable() }).meta({
  id: "PetitionInboxItem",
});

petitionsApi.openapi(
  createRoute({
    method: "get",
    path: "/petitions/inbox",
    tags: TAG,
    summary:
      "Petitions addressed to the caller's organisations that owe a response (the soonest due first), and open ones that may come to",
    security: signedInSecurity,
    middleware: [reaching("petition.view_owed", "someone who responds for an organisation")] as const,
    responses: {
      200: ok("The inbox", z.object({ owed: z.array(InboxItem), open: z.array(InboxItem) })),
      401: errorResponses[401],
      403: errorResponses[403],
    },
  }),
  async (c) => c.json(await inbox(c.var.db, c.var.reach, c.var.now, c.env.PUBLIC_URL), 200),
);

// ---------------------------------------------------------------- one petition

petitionsApi.openapi(
  createRoute({
    method: "get",
    path: "/petitions/{id}",
    tags: TAG,
    summary: "A petition: status, count against thresholds, timeline, response, outcome and signatures by postcode district",
    description:
      "Drafts and petitions waiting to be checked are found only by the area's clerks and administrators. A removed petition answers 410 with the reason.",
    middleware: [publicAccess] as const,
    request: { params: IdParam },
    responses: { 200: ok("The petition", Petition), 404: errorResponses[404], 410: gone, 422: errorResponses[422] },
  }),
  async (c) => {
    const { petition, removed, districts } = await readablePetition(c, { withDistricts: true });
    if (removed) throw petitionRemoved(petition);
    return c.json(await petitionDetail(c.var.db, petition, c.var.now, c.env.PUBLIC_URL, districts), 200);
  },
);

petitionsApi.openapi(
  createRoute({
    method: "post",
    path: "/petitions/{id}/signatures",
    tags: TAG,
    summary: "Sign a petition; the signature counts once its emailed link is used (one per email address)",
    description: "Signing again with the same address sends a new link and never counts twice.",
    middleware: [publicAccess] as const,
    request: { params: IdParam, body: jsonBody(SignatureInput) },
    responses: { 202: ok("A confirmation link is on its way", Accepted), 409: errorResponses[409], ...publicErrors },
  }),
  async (c) => {
    const input = c.req.valid("json");
    const { petition, removed } = await readablePetition(c);
    if (removed) throw petitionRemoved(petition);
    await signPetition(depsOf(c), petition, input, await clientIpHash(c));
    return c.json({ message: "Check your email: your signature counts once you select the link we sent." }, 202);
  },
);

petitionsApi.openapi(
  createRoute({
    method: "post",
    path: "/petitions/{id}/moderation",
    tags: TAG,
    summary: "Approve (open it, until a closing date) or reject (with a coded reason and an explanation) a petition waiting to be checked",
    security: signedInSecurity,
    middleware: [authorize("petition.moderate", petitionById)] as const,
    request: { params: IdParam, body: jsonBody(ModerationDecision) },
    responses: { 200: ok("Checked", Petition), ...roleErrors },
  }),
  async (c) => {
    const p = recordOf<PetitionRow>(c);
    await moderatePetition(depsOf(c), c.var.actor!, c.var.actingRoles, p, c.req.valid("json"));
    return c.json(await detailOf(c, p.id), 200);
  },
);

petitionsApi.openapi(
  createRoute({
    method: "post",
    path: "/petitions/{id}/removal",
    tags: TAG,
    summary: "Remove a petition from view for legal reasons (its record and reason stay)",
    security: signedInSecurity,
    middleware: [authorize("petition.remove", petitionById)] as const,
    request: { params: IdParam, body: jsonBody(RemovalInput) },
    responses: { 204: { description: "Removed" }, ...roleErrors },
  }),
  async (c) => {
    await removePetition(depsOf(c), c.var.actor!, c.var.actingRoles, recordOf<PetitionRow>(c), c.req.valid("json"));
    return c.body(null, 204);
  },
);

petitionsApi.openapi(
  createRoute({
    method: "post",
    path: "/petitions/{id}/response/preview",
    tags: TAG,
    summary: "How a response will appear (paragraphs), without publishing it",
    security: signedInSecurity,
    middleware: [authorize("petition.respond", petitionById)] as const,
    request: { params: IdParam, body: jsonBody(ResponseInput) },
    responses: { 200: ok("Preview", ResponsePreview), ...roleErrors },
  }),
  async (c) => c.json({ paragraphs: paragraphsOf(c.req.valid("json").text) }, 200),
);

petitionsApi.openapi(
  createRoute({
    method: "put",
    path: "/petitions/{id}/response",
    tags: TAG,
    summary: "Publish (or amend) the organisation's response; signers who agreed are emailed once",
    security: signedInSecurity,
    middleware: [authorize("petition.respond", petitionById)] as const,
    request: { params: IdParam, body: jsonBody(ResponseInput) },
    responses: { 200: ok("Published", Petition), ...roleErrors },
  }),
  async (c) => {
    const p = recordOf<PetitionRow>(c);
    await publishResponse(depsOf(c), c.var.actor!, c.var.actingRoles, p, c.req.valid("json").text);
    return c.json(await detailOf(c, p.id), 200);
  },
);

petitionsApi.openapi(
  createRoute({
    method: "post",
    path: "/petitions/{id}/referral",
    tags: TAG,
    summary: "A clerk refers a petition to the scrutiny committee",
    security: signedInSecurity,
    middleware: [authorize("petition.record_scrutiny", petitionById)] as const,
    request: { params: IdParam },
    responses: { 200: ok("Referred", Petition), ...roleErrors },
  }),
  async (c) => {
    const p = recordOf<PetitionRow>(c);
    await referPetition(depsOf(c), { actor: c.var.actor!, roles: c.var.actingRoles }, p);
    return c.json(await detailOf(c, p.id), 200);
  },
);

petitionsApi.openapi(
  createRoute({
    method: "post",
    path: "/petitions/{id}/petitioner-referral",
    tags: TAG,
    summary: "The petitioner, not satisfied with the response, refers it to the scrutiny committee (token from the response email)",
    middleware: [publicAccess] as const,
    request: { params: IdParam, body: jsonBody(TokenInput) },
    responses: { 200: ok("Referred", Petition), 409: errorResponses[409], ...publicErrors },
  }),
  async (c) => {
    const { token } = c.req.valid("json");
    const p = await findPetition(c.var.db, c.req.valid("param").id);
    if (!p) throw notFound("petition");
    const ctx = depsOf(c);
    if (!(await isReferralToken(ctx.secret, p.id, token))) throw invalidToken();
    await referPetition(ctx, "petitioner", p);
    return c.json(await detailOf(c, p.id), 200);
  },
);

petitionsApi.openapi(
  createRoute({
    method: "put",
    path: "/petitions/{id}/scrutiny",
    tags: TAG,
    summary: "Record (or amend) the scrutiny committee's consideration: meeting date, decision and the published outcome",
    security: signedInSecurity,
    middleware: [authorize("petition.record_scrutiny", petitionById)] as const,
    request: { params: IdParam, body: jsonBody(ScrutinyInput) },
    responses: { 200: ok("Recorded", Petition), ...roleErrors },
  }),
  async (c) => {
    const p = recordOf<PetitionRow>(c);
    await recordScrutiny(depsOf(c), c.var.actor!, c.var.actingRoles, p, c.req.valid("json"));
    return c.json(await detailOf(c, p.id), 200);
  },
);

// ---------------------------------------------------------------- calendar feeds of response due dates

petitionsApi.openapi(
  createRoute({
    method: "get",
    path: "/areas/{id}/petition-feeds",
    tags: TAG,
    summary: "The area's calendar addresses for petition response due dates (addresses themselves are never shown again)",
    security: signedInSecurity,
    middleware: [authorize("petition.monitor", areaById)] as const,
    request: { params: IdParam },
    responses: { 200: ok("Active calendar addresses", z.object({ items: z.array(FeedToken) })), ...roleErrors },
  }),
  async (c) => {
    const rows = await feedTokens(c.var.db, { areaIds: [c.req.valid("param").id], organisationIds: [] });
    return c.json(
      { items: rows.map((t) => ({ id: t.id, organisationId: t.organisation_id!, createdAt: t.created_at, createdBy: t.created_by })) },
      200,
    );
  },
);

petitionsApi.openapi(
  createRoute({
    method: "post",
    path: "/areas/{id}/petition-feeds",
    tags: TAG,
    summary: "Create a private iCalendar address of the area's petition response due dates (Outlook, Google Calendar)",
    security: signedInSecurity,
    middleware: [authorize("petition.monitor", areaById)] as const,
    request: { params: IdParam },
    responses: { 201: ok("Created; the address is shown once", FeedTokenCreated), ...roleErrors },
  }),
  async (c) => c.json(await createPetitionFeed(depsOf(c), c.var.actor!, recordOf<{ id: number }>(c)), 201),
);

petitionsApi.openapi(
  createRoute({
    method: "delete",
    path: "/petition-feeds/{id}",
    tags: TAG,
    summary: "Turn off a calendar address",
    security: signedInSecurity,
    middleware: [authorize("petition.monitor", feedTokenById)] as const,
    request: { params: IdParam },
    responses: { 204: { description: "Turned off" }, ...roleErrors },
  }),
  async (c) => {
    await revokePetitionFeed(depsOf(c), c.var.actor!, recordOf(c));
    return c.body(null, 204);
  },
);
