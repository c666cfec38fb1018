// Statutory requests (obligations) as the API takes and gives them: raise, reply, note, withdraw.
import { z } from "zod";
import { messageKinds, obligationKinds, obligationStates } from "../obligations/machine";
import { obligationStatuses, raisableKinds } from "../obligations/rules";
import { ClientId, WebAddress } from "./consultations";
import { CalendarDate, multiLine, numberFromText, PageQuery, pageOf, singleLine } from "./common";

export const ObligationKind = z.enum(Object.keys(obligationKinds) as [keyof typeof obligationKinds]);
export const RaisableKind = z.enum(raisableKinds, { error: "Choose what kind of request it is" });
export const ObligationStatus = z.enum(obligationStatuses, { error: "Choose open, overdue, met or withdrawn" });
export type ObligationStatus = z.infer<typeof ObligationStatus>;

/** A link to a document (the "attachments" of a reply): title and http(s) address. */
export const Link = z
  .object({
    title: singleLine("the link's title", { max: 200 }),
    url: WebAddress,
  })
  .meta({ id: "Link" });
export type Link = z.infer<typeof Link>;

const Links = z.array(Link).max(10, { error: "Add at most 10 links" }).default([]);
const messageText = (label: string) => multiLine(label, { max: 20000 });

export const ObligationInput = z
  .object({
    clientId: ClientId.optional().meta({ description: "Idempotency key made by the client: a retried save returns the first" }),
    kind: RaisableKind,
    owedByOrganisationId: z.number({ error: "Choose who owes the reply" }).int().positive({ error: "Choose who owes the reply" }),
    owedToOrganisationId: z
      .number({ error: "Choose who the reply is owed to" })
      .int()
      .positive({ error: "Choose who the reply is owed to" }),
    title: singleLine("a title", { max: 300 }),
    body: messageText("what you are asking or reporting"),
    links: Links,
    receivedOn: CalendarDate.optional().meta({
      description: "The date the owing organisation received it (default today); the due date counts working days from here",
    }),
    dueDate: CalendarDate.optional().meta({
      description: "Only for a scrutiny committee's consultation response: the date the consulting body set",
    }),
  })
  .meta({ id: "ObligationInput" });
export type ObligationInput = z.infer<typeof ObligationInput>;

export const ReplyInput = z
  .object({ body: messageText("your reply"), links: Links })
  .meta({ id: "ReplyInput", description: "The owing organisation's answer: it meets the obligation" });
export type ReplyInput = z.infer<typeof ReplyInput>;

export const NoteInput = z.object({ body: messageText("your note"), links: Links }).meta({ id: "NoteInput" });
export type NoteInput = z.infer<typeof NoteInput>;

export const WithdrawInput = z.object({ reason: multiLine("why you are withdrawing it", { max: 2000 }) }).meta({ id: "WithdrawInput" });
export type WithdrawInput = z.infer<typeof WithdrawInput>;

const OrganisationRef = z.object({ id: z.number().int(), name: z.string() });

export const Obligation = z
  .object({
    id: z.number().int(),
    areaId: z.number().int(),
    kind: ObligationKind,
    kindLabel: z.string(),
    title: z.string(),
    body: z.string(),
    owedBy: OrganisationRef,
    owedTo: OrganisationRef.nullable(),
    receivedAt: z.string(),
    dueAt: z.string().meta({ description: "The end of the due day, Europe/London" }),
    dueDate: z.string().meta({ description: "The London date it is due by" }),
    state: z.enum(obligationStates),
    status: ObligationStatus.meta({ description: "State, with open ones past their due date shown as overdue" }),
    metAt: z.string().nullable(),
    metLate: z.boolean().nullable(),
    withdrawnAt: z.string().nullable(),
    webUrl: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Obligation" });
export type Obligation = z.infer<typeof Obligation>;

export const ObligationMessage = z
  .object({
    id: z.number().int(),
    kind: z.enum(messageKinds),
    body: z.string(),
    links: z.array(Link),
    authorName: z.string().nullable(),
    authorOrganisationName: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "ObligationMessage" });
export type ObligationMessage = z.infer<typeof ObligationMessage>;

export const TimelineEntry = z.object({ at: z.string(), who: z.string(), what: z.string() }).meta({ id: "TimelineEntry" });
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const ObligationDetail = z
  .object({ obligation: Obligation, messages: z.array(ObligationMessage), timeline: z.array(TimelineEntry) })
  .meta({ id: "ObligationDetail" });
export type ObligationDetail = z.infer<typeof ObligationDetail>;

export const ObligationListQuery = PageQuery.extend({
  status: ObligationStatus.optional(),
  organisationId: numberFromText(
    z
      .number({ error: "organisationId must be a whole number" })
      .int({ error: "organisationId must be a whole number" })
      .positive({ error: "organisationId must be a whole number" }),
  ).optional(),
});
export type ObligationListQuery = z.infer<typeof ObligationListQuery>;

export const ObligationPage = pageOf(Obligation).meta({ id: "ObligationPage" });

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** Up to this many link rows on the web forms. */
export const FORM_LINK_ROWS = 3;

/** Web forms send links as "links.0.title", "links.0.url", ...; empty rows are dropped. */
function linksFromForm(input: unknown): unknown {
  if (!input || typeof input !== "object" || Array.isArray(input)) return input;
  const fields = input as Record<string, unknown>;
  const links: { title?: unknown; url?: unknown }[] = [];
  for (let i = 0; i < FORM_LINK_ROWS; i++) {
    const title = blankToUndefined(fields[`links.${i}.title`]);
    const url = blankToUndefined(fields[`links.${i}.url`]);
    if (title !== undefined || url !== undefined) links[i] = { title: title ?? "", url: url ?? "" };
  }
  const rest = Object.fromEntries(Object.entries(fields).filter(([k]) => !k.startsWith("links.")));
  return { ...rest, links };
}

/** Sparse arrays keep each row's index, so an error names the row people typed it in. */
const FormLinks = z.array(Link.optional()).transform((rows) => rows.filter((r): r is Link => r !== undefined));

export const ObligationForm = z.preprocess(
  linksFromForm,
  z.object({
    clientId: z.preprocess(blankToUndefined, ClientId.optional()),
    kind: RaisableKind,
    owedByOrganisationId: numberFromText(
      z.number({ error: "Choose who owes the reply" }).int().positive({ error: "Choose who owes the reply" }),
    ),
    owedToOrganisationId: numberFromText(
      z.number({ error: "Choose who the reply is owed to" }).int().positive({ error: "Choose who the reply is owed to" }),
    ),
    title: singleLine("a title", { max: 300 }),
    body: messageText("what you are asking or reporting"),
    links: FormLinks,
    receivedOn: z.preprocess(blankToUndefined, CalendarDate.optional()),
    dueDate: z.preprocess(blankToUndefined, CalendarDate.optional()),
  }),
);

export const ReplyForm = z.preprocess(linksFromForm, z.object({ body: messageText("your reply"), links: FormLinks }));
export const NoteForm = z.preprocess(linksFromForm, z.object({ body: messageText("your note"), links: FormLinks }));

export const ObligationSaved = z
  .object({
    obligation: Obligation,
    created: z.boolean().meta({ description: "False when the clientId was used before: the first save is returned" }),
  })
  .meta({ id: "ObligationSaved" });
