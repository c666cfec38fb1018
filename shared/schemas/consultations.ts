// Consultations as the API takes and gives them. The extension's clip uses ConsultationInput.
import { z } from "zod";
import { commissioningStages, engagementMethods } from "../consultations/machine";
import { Instant, text } from "./common";

export const CommissioningStage = z.enum(Object.keys(commissioningStages) as [keyof typeof commissioningStages], {
  error: "Choose a commissioning stage from the list",
});
export const EngagementMethod = z.enum(Object.keys(engagementMethods) as [keyof typeof engagementMethods], {
  error: "Choose an engagement method from the list",
});

export const WebAddress = z
  .string({ error: "Enter the web address of the consultation" })
  .trim()
  .max(2000, { error: "The web address must be 2000 characters or fewer" })
  .pipe(z.url({ protocol: /^https?$/, error: "Enter a web address starting with http:// or https://" }));

/**
 * Create (or clip) a consultation. A second save of the same canonical URL in the same
 * area returns the existing record and adds a watch; a repeated clientId returns the
 * record that id created, so retries never duplicate.
 */
export const ConsultationInput = z
  .object({
    clientId: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{8,100}$/, { error: "clientId must be 8 to 100 letters, digits, - or _" })
      .optional()
      .meta({ description: "Idempotency key made by the client (e.g. a UUID)" }),
    areaId: z.number({ error: "Choose the area" }).int().positive(),
    organisationId: z.number({ error: "Choose who runs the consultation" }).int().positive(),
    title: text("a title", { max: 300 }),
    url: WebAddress.optional(),
    summary: z.string().trim().max(5000, { error: "The summary must be 5000 characters or fewer" }).default(""),
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
