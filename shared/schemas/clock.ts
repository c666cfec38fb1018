// The area clock: everything open that involves an organisation, by due date, and calendar feeds.
import { z } from "zod";
import { ObligationKind } from "./obligations";

export const ClockItem = z
  .object({
    key: z.string().meta({ description: "Stable id, also the calendar event's UID" }),
    type: z.enum(["obligation", "consultation_closes", "outcome_due"]),
    obligationKind: ObligationKind.nullable(),
    label: z.string().meta({ description: "What is due, in words: 'Request for information', 'Consultation closes'" }),
    title: z.string(),
    owedBy: z.string().meta({ description: "The organisation that must act" }),
    owedTo: z.string().nullable(),
    deadlineAt: z.string(),
    allDay: z.boolean().meta({ description: "Due by the end of a day (true) or at an exact time (false)" }),
    overdue: z.boolean(),
    webUrl: z.string(),
  })
  .meta({ id: "ClockItem" });
export type ClockItem = z.infer<typeof ClockItem>;

export const ClockCounts = z
  .object({
    overdue: z.number().int(),
    dueThisWeek: z.number().int().meta({ description: "Due within the next 7 days" }),
    metLate: z.number().int().meta({ description: "Requests answered after their due date (all time)" }),
    metOnTime: z.number().int(),
  })
  .meta({ id: "ClockCounts" });
export type ClockCounts = z.infer<typeof ClockCounts>;

export const Clock = z
  .object({
    organisation: z.object({ id: z.number().int(), name: z.string(), areaId: z.number().int() }),
    generatedAt: z.string(),
    counts: ClockCounts,
    items: z.array(ClockItem),
  })
  .meta({ id: "Clock" });
export type Clock = z.infer<typeof Clock>;

/** Whose calendar a feed address is for: the signed-in person's, or the organisation's. */
export const FeedScope = z.object({ scope: z.enum(["person", "organisation"], { error: "Choose whose calendar it is" }) });
