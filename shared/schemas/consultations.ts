// Consultations as the API takes and gives them. The extension's clip uses ConsultationInput.
import { z } from "zod";
import { commissioningStages, engagementMethods } from "../consultations/machine";
import { londonInstant } from "../time";
import { CalendarDate, Instant, multiLine, numberFromText, PageQuery, pageOf, plainText, SearchWords, singleLine } from "./common";

export const CommissioningStage = z.enum(Object.keys(commissioningStages) as [keyof typeof commissioningStages], {
  error: "Choose a commissioning stage from the list",
});
export const EngagementMethod = z.enum(Object.keys(engagementMethods) as [keyof typeof engagementMethods], {
  error: "Choose an engagement method from the list",
});

export const WebAddress = plainText("single-line", "the web address", { missing: "Enter the web address of the consultation" })
  .max(2000, { error: "The web address must be 2000 characters or fewer" })
  .pipe(z.url({ protocol: /^https?$/, error: "Enter a web address starting with http:// or https://" }));

/** A client-made id for a save, so that a retried or double-clicked save never duplicates. */
export const ClientId = plainText("single-line", "clientId", { subject: "clientId" }).regex(/^[A-Za-z0-9_-]{8,100}$/, {
  error: "clientId must be 8 to 100 letters, digits, - or _",
});

/**
 * Create (or clip) a consultation. A second save of the same canonical URL in the same
 * area returns the existing record and adds a watch; a repeated clientId returns the
 * record that id created, so retries never duplicate.
 */
export const ConsultationInput = z
  .object({
    clientId: ClientId.optional().meta({ description: "Idempotency key made by the client (e.g. a UUID)" }),
    areaId: z.number({ error: "Choose the area" }).int().positive(),
    organisationId: z.number({ error: "Choose who runs the consultation" }).int().positive(),
    title: singleLine("a title", { max: 300 }),
    url: WebAddress.optional(),
    summary: multiLine("the summary", { min: 0, max: 5000 }).default(""),
    opensAt: Instant.nullable().default(null),
    closesAt: Instant.nullable().default(null),
    stage: CommissioningStage.nullable().default(null),
    method: EngagementMethod.nullable().default(null),
  })
  .refine((c) => !c.opensAt || !c.closesAt || Date.parse(c.opensAt) < Date.parse(c.closesAt), {
    path: ["closesAt"],
    error: "The closing date must be after the opening date",
  })
  .meta({ id: "ConsultationInput" });
export type ConsultationInput = z.infer<typeof ConsultationInput>;

export const ConsultationStatus = z.enum(["upcoming", "open", "closing_soon", "closed", "outcome_published", "withdrawn"]);

export const Consultation = z
  .object({
    id: z.number().int(),
    areaId: z.number().int(),
    organisationId: z.number().int(),
    organisationName: z.string(),
    title: z.string(),
    url: z.string().nullable(),
    canonicalUrl: z.string().nullable(),
    summary: z.string(),
    opensAt: z.string().nullable(),
    closesAt: z.string().nullable(),
    stage: CommissioningStage.nullable(),
    method: EngagementMethod.nullable(),
    status: ConsultationStatus.meta({ description: "Computed from the dates at the time of reading" }),
    outcomeOverdue: z.boolean().meta({ description: "Closed, no outcome, and past the area's outcome period" }),
    outcome: z
      .object({ said: z.string(), decided: z.string(), changed: z.string(), publishedAt: z.string() })
      .nullable()
      .meta({ description: "You said, we did" }),
    linkRespondedAt: z.string().nullable(),
    outcomeDueAt: z
      .string()
      .nullable()
      .meta({ description: "When the outcome is flagged overdue if not published: closing plus the area's outcome period" }),
    webUrl: z.string().meta({ description: "The consultation's page on this service" }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Consultation" });
export type Consultation = z.infer<typeof Consultation>;

export const ConsultationSaved = z
  .object({
    consultation: Consultation,
    created: z.boolean().meta({ description: "False when the page was already tracked (or the clientId already used)" }),
    watching: z.boolean(),
  })
  .meta({ id: "ConsultationSaved" });
export type ConsultationSaved = z.infer<typeof ConsultationSaved>;

/** Change some of a consultation's details (at least one field). */
export const ConsultationUpdate = z
  .object({
    title: singleLine("a title", { max: 300 }),
    url: WebAddress.nullable(),
    summary: multiLine("the summary", { min: 0, max: 5000 }),
    opensAt: Instant.nullable(),
    closesAt: Instant.nullable(),
    stage: CommissioningStage.nullable(),
    method: EngagementMethod.nullable(),
  })
  .partial()
  .refine((c) => Object.values(c).some((v) => v !== undefined), { path: ["_body"], error: "Change at least one field" })
  .meta({ id: "ConsultationUpdate" });
export type ConsultationUpdate = z.infer<typeof ConsultationUpdate>;

const outcomeText = (label: string) => multiLine(label, { max: 10000 });

/** "You said, we did": published by the consulting body once the consultation has closed. */
export const OutcomeInput = z
  .object({
    said: outcomeText("what people said"),
    decided: outcomeText("what was decided"),
    changed: outcomeText("what changed as a result"),
  })
  .meta({ id: "OutcomeInput" });
export type OutcomeInput = z.infer<typeof OutcomeInput>;

/**
 * Status filter: a computed status; "current" (not closed yet: upcoming, open or closing soon);
 * or "outcome_overdue" (closed, no outcome, past the area's outcome period).
 */
export const ConsultationFilter = z.enum([...ConsultationStatus.options, "current", "outcome_overdue"], {
  error: "Choose a status from the list",
});
export type ConsultationFilter = z.infer<typeof ConsultationFilter>;

export const ConsultationListQuery = PageQuery.extend({
  areaId: numberFromText(
    z
      .number({ error: "areaId must be a whole number" })
      .int({ error: "areaId must be a whole number" })
      .positive({ error: "areaId must be a whole number" }),
  ).optional(),
  status: ConsultationFilter.optional(),
  q: SearchWords.optional(),
});
export type ConsultationListQuery = z.infer<typeof ConsultationListQuery>;

export const ConsultationPage = pageOf(Consultation).meta({ id: "ConsultationPage" });

export const ConsultationLookup = z.object({ consultation: Consultation, watching: z.boolean() }).meta({ id: "ConsultationLookup" });

export const LookupQuery = z.object({ url: WebAddress });

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalDate = (label: string) =>
  z.preprocess(emptyToUndefined, CalendarDate.optional()).superRefine((v, ctx) => {
    if (v === undefined) return;
    if (v < "2000-01-01" || v > "2100-12-31") ctx.addIssue({ code: "custom", message: `Enter a real ${label}` });
  });
const optionalTime = z.preprocess(
  emptyToUndefined,
  plainText("single-line", "a time")
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: "Enter a time like 17:00 or 23:59" })
    .optional(),
);

/**
 * The web form: dates and times as people type them, in London time. Opening defaults to the
 * start of its day and closing to 11:59pm, as consultations usually say "closes on 12 March".
 */
export const ConsultationForm = z
  .object({
    clientId: z.preprocess(emptyToUndefined, ClientId.optional()),
    organisationId: numberFromText(
      z.number({ error: "Choose who runs the consultation" }).int().positive({ error: "Choose who runs the consultation" }),
    ),
    title: singleLine("a title", { max: 300 }),
    url: z.preprocess(emptyToUndefined, WebAddress.optional()),
    summary: multiLine("the summary", { min: 0, max: 5000 }).default(""),
    opensDate: optionalDate("opening date"),
    opensTime: optionalTime,
    closesDate: optionalDate("closing date"),
    closesTime: optionalTime,
    stage: z.preprocess(emptyToUndefined, CommissioningStage.optional()),
    method: z.preprocess(emptyToUndefined, EngagementMethod.optional()),
  })
  .superRefine((f, ctx) => {
    if (f.opensTime && !f.opensDate)
      ctx.addIssue({ code: "custom", path: ["opensDate"], message: "Enter the opening date as well as the time" });
    if (f.closesTime && !f.closesDate)
      ctx.addIssue({ code: "custom", path: ["closesDate"], message: "Enter the closing date as well as the time" });
  })
  .transform((f) => {
    const opensAt = f.opensDate ? londonInstant(f.opensDate, f.opensTime ?? "00:00").toISOString() : null;
    const closesAt = f.closesDate ? londonInstant(f.closesDate, f.closesTime ?? "23:59").toISOString() : null;
    return {
      clientId: f.clientId,
      organisationId: f.organisationId,
      title: f.title,
      url: f.url,
      summary: f.summary,
      opensAt,
      closesAt,
      stage: f.stage ?? null,
      method: f.method ?? null,
    };
  })
  .refine((c) => !c.opensAt || !c.closesAt || Date.parse(c.opensAt) < Date.parse(c.closesAt), {
    path: ["closesDate"],
    error: "The closing date must be after the opening date",
  });
export type ConsultationFormData = z.output<typeof ConsultationForm>;

export const OutcomeForm = OutcomeInput;

export const ConsultationWithdrawInput = z.object({ reason: multiLine("why it is withdrawn", { max: 2000 }) }).meta({
  id: "ConsultationWithdrawInput",
  description: "For example: the consultation was cancelled, or the page clipped was not a consultation",
});

export const LinkResponseInput = z
  .object({ respondedOn: CalendarDate.meta({ description: "The date the LINk sent its response" }) })
  .meta({ id: "LinkResponseInput" });
