// Watching things with deadlines, and the alerts the extension shows.
import { z } from "zod";
import { deadlineKinds } from "../alerts/timing";

/** What can be watched: anything with a deadline. */
export const targetKinds = ["consultation", "petition", "obligation"] as const;
export type TargetKind = (typeof targetKinds)[number];

export const WatchTargetKind = z.enum(targetKinds, { error: "Choose consultation, petition or obligation" });

export const WatchInput = z
  .object({ targetKind: WatchTargetKind, targetId: z.number({ error: "targetId must be a number" }).int().positive() })
  .meta({ id: "WatchInput" });

export const Watch = z
  .object({ id: z.number().int(), targetKind: WatchTargetKind, targetId: z.number().int(), createdAt: z.string() })
  .meta({ id: "Watch" });
export type Watch = z.infer<typeof Watch>;
export type WatchInput = z.infer<typeof WatchInput>;

/** One upcoming deadline of something the person watches. */
export const AlertItem = z
  .object({
    key: z.string().meta({ description: "Stable id of this deadline, e.g. consultation:12:closes:2026-03-12T23:59:00.000Z" }),
    watchId: z.number().int(),
    targetKind: WatchTargetKind,
    targetId: z.number().int(),
    title: z.string(),
    deadlineKind: z.enum(deadlineKinds),
    deadlineAt: z.string(),
    webUrl: z.string().meta({ description: "The record's page on this service" }),
    url: z.string().nullable().meta({ description: "The consultation's own page, where there is one" }),
    leadTimesReached: z.array(z.number().int()).meta({ description: "The person's lead times (days) already reached for this deadline" }),
  })
  .meta({ id: "AlertItem" });
export type AlertItem = z.infer<typeof AlertItem>;

export const AlertsResponse = z
  .object({ generatedAt: z.string(), leadTimes: z.array(z.number().int()), items: z.array(AlertItem) })
  .meta({ id: "Alerts" });
export type AlertsResponse = z.infer<typeof AlertsResponse>;
