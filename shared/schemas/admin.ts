// Administration: area defaults, organisation overrides, people and their roles.
import { z } from "zod";
import { organisationKinds, roles } from "../roles";
import { Email, numberFromText, singleLine } from "./common";

const count = (label: string, max: number) =>
  numberFromText(
    z
      .number({ error: `${label} must be a number` })
      .int({ error: `${label} must be a whole number` })
      .min(1, { error: `${label} must be at least 1` })
      .max(max, { error: `${label} must be ${max} or less` }),
  );

export const AreaSettings = z
  .object({
    responseThreshold: count("The response threshold", 1_000_000),
    scrutinyThreshold: count("The scrutiny threshold", 1_000_000),
    responseWorkingDays: count("The response period", 365),
    petitionDurationDays: count("The petition duration", 365),
    informationRequestWorkingDays: count("The period for requests for information", 365),
    reportWorkingDays: count("The period for reports and recommendations", 365),
    referralWorkingDays: count("The period for referrals", 365),
    outcomeOverdueWeeks: count("The outcome period", 104),
    // Optional so that older clients keep working: left out, the setting stays as it is.
    signerDataRetentionDays: count("The period to keep signers' details", 3650).optional(),
  })
  .refine((s) => s.scrutinyThreshold >= s.responseThreshold, {
    path: ["scrutinyThreshold"],
    error: "The scrutiny threshold must be at least the response threshold",
  })
  .meta({ id: "AreaSettings" });
export type AreaSettings = z.infer<typeof AreaSettings>;

/** Blank (on a form) or null means "use the area's default"; the field must still be sent. */
const optionalCount = (label: string, max: number) =>
  z.preprocess(
    (v) => (v === "" ? null : v),
    z.union([z.null(), count(label, max)], { error: `${label} must be a number, or empty to use the area's default` }),
  );

export const OrganisationSettings = z
  .object({
    responseThreshold: optionalCount("The response threshold", 1_000_000),
    scrutinyThreshold: optionalCount("The scrutiny threshold", 1_000_000),
    responseWorkingDays: optionalCount("The response period", 365),
    petitionDurationDays: optionalCount("The petition duration", 365),
  })
  .meta({ id: "OrganisationSettings", description: "null uses the area's default" });
export type OrganisationSettings = z.infer<typeof OrganisationSettings>;

export const NewOrganisation = z
  .object({
    name: singleLine("the organisation's name", { min: 2, max: 200 }),
    kind: z.enum(organisationKinds, { error: "Choose what kind of organisation it is" }),
    email: z.preprocess((v) => (v === "" ? undefined : v), Email.optional()),
    predecessorId: z.preprocess(
      (v) => (v === "" ? undefined : v),
      numberFromText(z.number({ error: "Choose the organisation it replaces" }).int().positive()).optional(),
    ),
  })
  .meta({ id: "NewOrganisation" });

export const NewMembership = z
  .object({
    name: singleLine("the person's full name", { min: 2, max: 120 }),
    email: Email,
    organisationId: numberFromText(z.number({ error: "Choose an organisation" }).int().positive({ error: "Choose an organisation" })),
    role: z.enum(roles, { error: "Choose a role" }),
  })
  .meta({ id: "NewMembership" });
export type NewMembership = z.infer<typeof NewMembership>;

export const AreaMember = z
  .object({
    membershipId: z.number().int(),
    personId: z.number().int(),
    name: z.string(),
    email: z.string(),
    organisationId: z.number().int(),
    organisationName: z.string(),
    role: z.enum(roles),
  })
  .meta({ id: "AreaMember" });
