// Petitions as the API and the web forms take and give them.
import { z } from "zod";
import { type RejectionCode, referralReasons, rejectionCodes, rejectionReasons } from "../petitions/machine";
import { normalisePostcode } from "../petitions/signatures";
import { petitionFilters, petitionStatuses, type PetitionFilter } from "../petitions/status";
import { CalendarDate, Email, multiLine, numberFromText, PageQuery, plainText, SearchWords, singleLine } from "./common";

const id = (message: string) => numberFromText(z.number({ error: message }).int({ error: message }).positive({ error: message }));

/** A checkbox on a form ("yes" when ticked, absent when not) or a JSON boolean. */
const checkbox = (message: string) =>
  z.preprocess((v) => (v === undefined || v === "" ? false : v === "yes" || v === "on" ? true : v), z.boolean({ error: message }));

// ---------------------------------------------------------------- inputs

export const NewPetition = z
  .object({
    organisationId: id("Choose who the petition is addressed to"),
    title: singleLine("a title", { min: 10, max: 150 }),
    action: multiLine("what you want them to do", { min: 10, max: 500 }),
    background: multiLine("why", { min: 10, max: 3000, subject: "Why it matters" }),
    petitionerName: singleLine("your name", { min: 2, max: 100 }),
    petitionerEmail: Email,
  })
  .meta({ id: "NewPetition" });
export type NewPetition = z.infer<typeof NewPetition>;

export const UkPostcode = plainText("single-line", "your postcode")
  .min(1, { error: "Enter your postcode" })
  .max(10, { error: "Enter a real UK postcode, like NR1 1AA" })
  .transform((v, ctx) => {
    const normalised = normalisePostcode(v);
    if (!normalised) {
      ctx.addIssue({ code: "custom", message: "Enter a real UK postcode, like NR1 1AA" });
      return z.NEVER;
    }
    return normalised;
  })
  .meta({ example: "NR1 1AA" });

export const SignatureInput = z
  .object({
    name: singleLine("your name", { min: 2, max: 100 }),
    email: Email,
    postcode: UkPostcode,
    contactConsent: checkbox("contactConsent must be true or false").meta({
      description: "The signer agrees to be emailed about the response and outcome",
    }),
  })
  .meta({ id: "SignatureInput" });
export type SignatureInput = z.infer<typeof SignatureInput>;

export const TokenInput = z
  .object({
    token: plainText("single-line", "the token", { missing: "Send the token from the email link" })
      .min(16, { error: "The token is not valid" })
      .max(200, { error: "The token is not valid" }),
  })
  .meta({ id: "TokenInput" });

const explanation = multiLine("an explanation", { min: 10, max: 2000 });

export const RejectionCodeSchema = z.enum(rejectionCodes as [RejectionCode, ...RejectionCode[]], { error: "Choose a reason" });

/** Codes that remove a petition from view (legal reasons). */
export const hidingCodes = rejectionCodes.filter((c) => rejectionReasons[c].hides);

export const Approval = z
  .object({
    decision: z.literal("approve"),
    closesOn: z
      .preprocess((v) => (v === "" ? undefined : v), CalendarDate.optional())
      .meta({ description: "The last day for signatures (London); the organisation's default duration when omitted" }),
  })
  .meta({ id: "Approval" });

export const Rejection = z.object({ decision: z.literal("reject"), reason: RejectionCodeSchema, explanation }).meta({ id: "Rejection" });

export const ModerationDecision = z
  .discriminatedUnion("decision", [Approval, Rejection], { error: "Choose approve or reject" })
  .meta({ id: "ModerationDecision" });
export type ModerationDecision = z.infer<typeof ModerationDecision>;

export const RemovalInput = z
  .object({
    reason: z.enum(hidingCodes as [RejectionCode, ...RejectionCode[]], { error: "Choose the legal reason for removing it" }),
    explanation,
  })
  .meta({ id: "RemovalInput" });
export type RemovalInput = z.infer<typeof RemovalInput>;

export const ResponseInput = z
  .object({
    text: multiLine("the response", { min: 20, max: 20000 }).meta({ description: "Plain text; a blank line starts a new paragraph" }),
  })
  .meta({ id: "ResponseInput" });

export const ScrutinyInput = z
  .object({
    meetingDate: CalendarDate,
    decision: multiLine("the committee's decision", { min: 5, max: 2000 }),
    outcome: multiLine("the outcome", { min: 10, max: 10000 }).meta({
      description: "Published on the petition page; plain text with paragraphs",
    }),
  })
  .meta({ id: "ScrutinyInput" });
export type ScrutinyInput = z.infer<typeof ScrutinyInput>;

export const PetitionFilterSchema = z.enum(Object.keys(petitionFilters) as [PetitionFilter, ...PetitionFilter[]], {
  error: "Choose a status from the list",
});

const optionalId = (message: string) => z.preprocess((v) => (v === "" ? undefined : v), id(message).optional());
const optionalEnum = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

export const PetitionListQuery = PageQuery.extend({
  areaId: optionalId("Choose an area from the list"),
  organisationId: optionalId("Choose an organisation from the list"),
  status: optionalEnum(PetitionFilterSchema),
  q: SearchWords.optional(),
  sort: optionalEnum(z.enum(["recent", "signatures"], { error: "Sort by recent or signatures" })),
  format: optionalEnum(z.enum(["json", "csv"], { error: "The format is json or csv" })),
  after: plainText("single-line", "the page link", { subject: "That page link" })
    .max(200, { error: "That page link is not valid" })
    .optional()
    .meta({ description: "The `nextCursor` of the previous page: the next page, read from where that one ended (`page` is then ignored)" }),
});
export type PetitionListQuery = z.infer<typeof PetitionListQuery>;

export const dashboardFilters = {
  attention: "Needs attention (overdue, owed, referred or waiting to be checked)",
  pending: "Waiting to be checked",
  draft: "Waiting for the petitioner to confirm",
  ...petitionFilters,
  removed: "Removed",
} as const;
export type DashboardFilter = keyof typeof dashboardFilters;

export const DashboardQuery = PageQuery.extend({
  areaId: optionalId("Choose an area from the list"),
  organisationId: optionalId("Choose an organisation from the list"),
  status: optionalEnum(
    z.enum(Object.keys(dashboardFilters) as [DashboardFilter, ...DashboardFilter[]], { error: "Choose a status from the list" }),
  ),
  format: optionalEnum(z.enum(["json", "csv"], { error: "The format is json or csv" })),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

export const SimilarQuery = z.object({
  organisationId: id("Choose who the petition is addressed to"),
  title: singleLine("a title", { min: 3, max: 150 }),
});

// ---------------------------------------------------------------- outputs

const PetitionStatusSchema = z.enum(petitionStatuses);

export const PetitionSummary = z
  .object({
    id: z.number().int(),
    areaId: z.number().int(),
    areaName: z.string(),
    organisationId: z.number().int(),
    organisationName: z.string(),
    title: z.string(),
    state: z.string().meta({ description: "The petition's own lifecycle: open, closed, rejected (and, for clerks, draft or pending)" }),
    status: PetitionStatusSchema.meta({ description: "Where it is, from its lifecycle, response and scrutiny" }),
    statusText: z.string(),
    signatureCount: z.number().int(),
    responseThreshold: z.number().int().nullable(),
    scrutinyThreshold: z.number().int().nullable(),
    openedAt: z.string().nullable(),
    closesAt: z.string().nullable(),
    responseDueAt: z.string().nullable(),
    webUrl: z.string(),
  })
  .meta({ id: "PetitionSummary" });
export type PetitionSummary = z.infer<typeof PetitionSummary>;

export const PetitionPage = z
  .object({
    items: z.array(PetitionSummary),
    page: z.number().int(),
    perPage: z.number().int(),
    hasMore: z.boolean().meta({ description: "True when there is a further page" }),
    nextCursor: z.string().nullable().meta({ description: "Pass as `after` for the next page (null on the last page)" }),
  })
  .meta({ id: "PetitionPage" });
export type PetitionPage = z.infer<typeof PetitionPage>;

export const TimelineEntry = z
  .object({
    at: z.string().meta({ description: "ISO instant" }),
    kind: z.enum([
      "opened",
      "response_threshold_reached",
      "response_due",
      "responded",
      "scrutiny_threshold_reached",
      "referred",
      "considered",
      "closed",
      "rejected",
      "removed",
    ]),
    text: z.string(),
  })
  .meta({ id: "PetitionTimelineEntry" });
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const Petition = PetitionSummary.extend({
  action: z.string(),
  background: z.string(),
  rejection: z.object({ code: RejectionCodeSchema, reason: z.string(), explanation: z.string().nullable() }).nullable(),
  responseThresholdReachedAt: z.string().nullable(),
  scrutinyThresholdReachedAt: z.string().nullable(),
  response: z.object({ text: z.string(), respondedAt: z.string() }).nullable(),
  scrutiny: z.object({
    state: z.enum(["none", "referred", "considered"]),
    referredAt: z.string().nullable(),
    referralReason: z.enum(referralReasons).nullable(),
    meetingDate: z.string().nullable(),
    decision: z.string().nullable(),
    outcome: z.string().nullable(),
    consideredAt: z.string().nullable(),
  }),
  timeline: z.array(TimelineEntry),
  districts: z
    .array(z.object({ district: z.string(), signatures: z.number().int() }))
    .meta({ description: "Confirmed signatures by postcode district (the most first, up to 50); never names or emails" }),
}).meta({ id: "Petition" });
export type Petition = z.infer<typeof Petition>;

export const SimilarPetition = z
  .object({ id: z.number().int(), title: z.string(), organisationName: z.string(), signatureCount: z.number().int(), webUrl: z.string() })
  .meta({ id: "SimilarPetition" });
export type SimilarPetition = z.infer<typeof SimilarPetition>;

export const DashboardRow = PetitionSummary.extend({
  createdAt: z.string(),
  responseThresholdReachedAt: z.string().nullable(),
  respondedAt: z.string().nullable(),
  workingDaysOverdue: z
    .number()
    .int()
    .nullable()
    .meta({ description: "Working days past the response due date, while a response is owed" }),
  scrutinyState: z.string(),
  referredAt: z.string().nullable(),
}).meta({ id: "PetitionDashboardRow" });
export type DashboardRow = z.infer<typeof DashboardRow>;

export const Accepted = z.object({ message: z.string() }).meta({ id: "Accepted" });

export const SignatureConfirmed = z
  .object({ petitionId: z.number().int(), signatureCount: z.number().int(), alreadyConfirmed: z.boolean() })
  .meta({ id: "SignatureConfirmed" });

export const FeedToken = z
  .object({ id: z.number().int(), organisationId: z.number().int(), createdAt: z.string(), createdBy: z.string() })
  .meta({ id: "PetitionFeedToken" });

export const FeedTokenCreated = z
  .object({ id: z.number().int(), url: z.string().meta({ description: "The calendar address; shown once, keep it private" }) })
  .meta({ id: "PetitionFeedTokenCreated" });

export const ResponsePreview = z
  .object({ paragraphs: z.array(z.string()).meta({ description: "The text as it will appear, one entry a paragraph" }) })
  .meta({ id: "PetitionResponsePreview" });
