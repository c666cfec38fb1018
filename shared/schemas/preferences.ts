// A person's alert preferences: lead times before deadlines, and the daily digest.
import { z } from "zod";
import { numberFromText } from "./common";

const LeadTime = numberFromText(
  z
    .number({ error: "Each reminder must be a number of days" })
    .int({ error: "Each reminder must be a whole number of days" })
    .min(0, { error: "Reminders cannot be after the deadline" })
    .max(90, { error: "Reminders can be at most 90 days before" }),
);

const LeadTimes = z
  .array(LeadTime)
  .max(10, { error: "Choose at most 10 reminder times" })
  .transform((days) => [...new Set(days)].sort((a, b) => b - a));

export const Preferences = z
  .object({
    leadTimes: LeadTimes.meta({ description: "Days before each deadline to alert; 0 is the day itself", example: [14, 7, 2, 1, 0] }),
    dailyDigest: z.boolean({ error: "dailyDigest must be true or false" }),
  })
  .meta({ id: "Preferences" });
export type Preferences = z.infer<typeof Preferences>;

/** The same, from a web form: checkboxes arrive as a string, several strings, or nothing. */
export const PreferencesForm = z.object({
  leadTimes: z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), LeadTimes),
  dailyDigest: z.preprocess((v) => v === "yes" || v === "true", z.boolean()),
});
