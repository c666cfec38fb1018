// Schemas shared by every part of the API: errors, ids, pages of results, dates, and the text fields every input is built from.
import { z } from "zod";
import { isCalendarDate } from "../time";
import { type Lines, normaliseText, subjectOf, textProblem } from "./plainText";

export const ErrorResponse = z
  .object({
    error: z.object({
      code: z.string().meta({ example: "validation_failed" }),
      message: z.string().meta({ example: "Some of the details are missing or wrong." }),
      fields: z
        .record(z.string(), z.string())
        .optional()
        .meta({ description: "Field path → what is wrong with it", example: { email: "Enter an email address" } }),
    }),
  })
  .meta({ id: "Error" });
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/**
 * A number sent as JSON, or as the text of a form field or path ("12", "-3", "1.5"). Nothing else is
 * read as one: not true, [], null, "", "0x10", "1e3" or " " (which z.coerce would turn into numbers).
 */
export function numberFromText<T extends z.ZodType<number>>(schema: T) {
  return z.preprocess((v) => (typeof v === "string" && /^\s*-?\d{1,16}(\.\d{1,16})?\s*$/.test(v) ? Number(v) : v), schema);
}

export const IdParam = z.object({
  id: numberFromText(
    z
      .number({ error: "The id must be a whole number" })
      .int({ error: "The id must be a whole number" })
      .positive({ error: "The id must be a whole number" })
      .max(Number.MAX_SAFE_INTEGER, { error: "The id must be a whole number" }),
  ).meta({ param: { name: "id", in: "path" }, example: 12 }),
});

const ruleChecks = new WeakMap<z.core.$ZodCheck<string>, Lines>();

/**
 * The start of every text field of every input schema: a string, normalised (NFC, trimmed), holding only
 * the characters its kind of field allows (plainText.ts). Chain lengths and formats after it. `subject`
 * starts the sentences that say what is wrong ("Your name contains…"); `missing` is said when it is not text.
 */
export function plainText(lines: Lines, label: string, { subject = subjectOf(label), missing = `Enter ${label}` } = {}) {
  const rule = z.superRefine<string>((value, ctx) => {
    const problem = textProblem(value, lines, subject);
    if (problem) ctx.addIssue({ code: "custom", message: problem, input: value });
  });
  ruleChecks.set(rule, lines);
  // "x-text" tells API clients (and the hostile-input tests) which rule the field follows.
  return z.string({ error: missing }).overwrite(normaliseText).check(rule).meta({ "x-text": lines });
}

/** The kind of text rule a string schema checks, or null when it checks none (for the test that no field forgets it). */
export function textRuleOf(schema: z.ZodType): Lines | null {
  for (const check of schema._zod.def.checks ?? []) {
    const lines = ruleChecks.get(check as z.core.$ZodCheck<string>);
    if (lines) return lines;
  }
  return null;
}

interface TextLimits {
  /** Fewest characters; 0 lets it be left blank. */
  min?: number;
  max: number;
  /** Where the label does not make one ("why"): the subject of the sentences saying what is wrong. */
  subject?: string;
}

function withLength(base: z.ZodString, label: string, { min = 1, max, subject = capitalise(label) }: TextLimits) {
  const entered = min >= 1 ? base.min(1, { error: `Enter ${label}` }) : base;
  const long = min > 1 ? entered.min(min, { error: `${subject} must be at least ${min} characters` }) : entered;
  return long.max(max, { error: `${subject} must be ${max} characters or fewer` });
}

/** A one-line field people type (a name, a title): no line breaks, tabs or direction changes. */
export function singleLine(label: string, limits: TextLimits) {
  return withLength(plainText("single-line", label, { subject: limits.subject }), label, limits);
}

/** A field of paragraphs people type (a textarea): line breaks and tabs allowed. */
export function multiLine(label: string, limits: TextLimits) {
  return withLength(plainText("multi-line", label, { subject: limits.subject }), label, limits);
}

const INSTANT_FORMAT = "Enter a date and time in ISO 8601 format, like 2026-03-12T23:59:00Z";
export const Instant = plainText("single-line", "a date and time", { missing: INSTANT_FORMAT }).check(
  z.iso.datetime({ offset: true, error: INSTANT_FORMAT }),
);
export const CalendarDate = plainText("single-line", "a date")
  .refine(isCalendarDate, { error: "Enter a real date in the format YYYY-MM-DD" })
  .meta({ example: "2026-03-12" });

export const PageQuery = z.object({
  page: numberFromText(
    z
      .number({ error: "The page must be a whole number" })
      .int({ error: "The page must be a whole number" })
      .min(1, { error: "The page must be 1 or more" })
      .max(100000, { error: "The page must be 100,000 or less" }),
  ).default(1),
  perPage: numberFromText(
    z
      .number({ error: "The number of results a page must be a whole number" })
      .int({ error: "The number of results a page must be a whole number" })
      .min(1, { error: "At least 1 result a page" })
      .max(100, { error: "At most 100 results a page" }),
  ).default(25),
});

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    perPage: z.number().int(),
    hasMore: z.boolean().meta({ description: "True when there is a further page" }),
  });
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const Email = plainText("single-line", "an email address")
  .max(254, { error: "The email address must be 254 characters or fewer" })
  .pipe(z.email({ error: "Enter an email address in the correct format, like name@example.com" }))
  .transform((e) => e.toLowerCase());

/** Words to search for, in a query string. */
export const SearchWords = plainText("single-line", "search words", { subject: "Your search" }).max(200, {
  error: "Search for 200 characters or fewer",
});
