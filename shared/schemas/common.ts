// Schemas shared by every part of the API: errors, ids, pages of results, dates.
import { z } from "zod";
import { isCalendarDate } from "../time";

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

export const Instant = z.iso.datetime({ offset: true, error: "Enter a date and time in ISO 8601 format, like 2026-03-12T23:59:00Z" });
export const CalendarDate = z
  .string()
  .refine(isCalendarDate, { error: "Enter a real date in the format YYYY-MM-DD" })
  .meta({ example: "2026-03-12" });

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1, { error: "The page must be 1 or more" }).max(100000).default(1),
  perPage: z.coerce.number().int().min(1).max(100, { error: "At most 100 results a page" }).default(25),
});

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    page: z.number().int(),
    perPage: z.number().int(),
    hasMore: z.boolean().meta({ description: "True when there is a further page" }),
  });
}

/** Plain text typed by people: trimmed, with a required length range and a readable error. */
export function text(label: string, { min = 1, max }: { min?: number; max: number }) {
  return z
    .string({ error: `Enter ${label}` })
    .trim()
    .min(min, { error: min <= 1 ? `Enter ${label}` : `${capitalise(label)} must be at least ${min} characters` })
    .max(max, { error: `${capitalise(label)} must be ${max} characters or fewer` });
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const Email = z
  .string({ error: "Enter an email address" })
  .trim()
  .max(254, { error: "The email address must be 254 characters or fewer" })
  .pipe(z.email({ error: "Enter an email address in the correct format, like name@example.com" }))
  .transform((e) => e.toLowerCase());
