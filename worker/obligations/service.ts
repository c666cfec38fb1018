// Statutory requests: a LINk raises one (due by the working-day rules), the owing body answers
// (on time or late, recorded), the raising side adds notes or withdraws. Both sides see it all.
// Each operation is (deps, acting, record, input); raising has no record yet, so it takes the actor.
import { type Selectable, sql } from "kysely";
import { type ObligationEvent, obligationKinds, obligationMachine } from "../../shared/obligations/machine";
import { type AreaPeriodSetting, describeDue, isOverdue, raiseRules, raisingOrganisationId } from "../../shared/obligations/rules";
import type { Link, NoteInput, ObligationInput, ReplyInput, WithdrawInput } from "../../shared/schemas/obligations";
import { nextState } from "../../shared/stateMachine";
import { endOfLondonDay, formatLondonDate, londonDate, startOfLondonDay } from "../../shared/time";
import { BankHolidayDataExhausted, workingDayDeadline } from "../../shared/workingDays";
import { ensureWatches, targetChanged } from "../alerts/service";
import { requireAllowed } from "../auth/middleware";
import { enqueueEmail } from "../email/outbox";
import type { Acting, Actor } from "../platform/actor";
import { auditIfChanged } from "../platform/audit";
import { randomToken } from "../platform/crypto";
import { batch, chunks, type DB } from "../platform/db";
import type { Deps } from "../platform/deps";
import { AppError, validationFailed } from "../platform/errors";
import type { AreasTable } from "../platform/schema";
import { type ObligationRow, peopleAnsweringFor, reloadObligation } from "./queries";

/** D1 counts rows its triggers change too (the tallies, when a request is met): any change means it happened. */
export const changed = (result: D1Result | undefined) => (result?.meta.changes ?? 0) > 0;

function dueFor(
  input: ObligationInput,
  periods: Pick<Selectable<AreasTable>, AreaPeriodSetting>,
  now: Date,
): { receivedAt: string; dueAt: string } {
  const today = londonDate(now);
  const receivedOn = input.receivedOn ?? today;
  if (receivedOn > today) throw validationFailed({ receivedOn: "The date it was received cannot be in the future" });
  const receivedAt = receivedOn === today ? now.toISOString() : startOfLondonDay(receivedOn).toISOString();
  const rule = raiseRules[input.kind];
  if (rule.due === "date_given") {
    if (!input.dueDate) throw validationFailed({ dueDate: "Enter the date the consulting body set for the response" });
    if (input.dueDate < receivedOn) throw validationFailed({ dueDate: "The response cannot be due before it was received" });
    return { receivedAt, dueAt: endOfLondonDay(input.dueDate).toISOString() };
  }
  try {
    return { receivedAt, dueAt: workingDayDeadline(receivedAt, periods[rule.due.workingDays]).dueAt };
  } catch (err) {
    if (err instanceof BankHolidayDataExhausted)
      throw validationFailed({ receivedOn: "We cannot count working days from that date: choose a more recent one" });
    throw err;
  }
}

/** The two sides a new request names, checked against its kind's rule, and which of them raises it. */
async function partiesOf(db: DB, input: ObligationInput) {
  const orgs = await db
    .selectFrom("organisations as o")
    .innerJoin("areas as a", "a.id", "o.area_id")
    .select(["o.id", "o.kind", "o.area_id", "a.information_request_working_days", "a.report_working_days", "a.referral_working_days"])
    .where("o.id", "in", [input.owedByOrganisationId, input.owedToOrganisationId])
    .execute();
  const owedBy = orgs.find((o) => o.id === input.owedByOrganisationId);
  const owedTo = orgs.find((o) => o.id === input.owedToOrganisationId);
  const rule = raiseRules[input.kind];
  const label = obligationKinds[input.kind].label;
  if (!owedTo || !rule.owedTo.includes(owedTo.kind)) {
    throw validationFailed({
      owedToOrganisationId:
        rule.raisedBy === "owed_to"
          ? `Choose the LINk or HealthWatch raising this ${label.toLowerCase()}`
          : "Choose the organisation that asked for the response",
    });
  }
  if (!owedBy || owedBy.area_id !== owedTo.area_id || !rule.owedBy.includes(owedBy.kind)) {
    throw validationFailed({ owedByOrganisationId: `A ${label.toLowerCase()} goes to ${rule.addressedTo} in the same area: choose one` });
  }
  return { owedBy, owedTo, raising: rule.raisedBy === "owed_to" ? owedTo : owedBy };
}

interface NewObligation {
  input: ObligationInput;
  parties: Awaited<ReturnType<typeof partiesOf>>;
  receivedAt: string;
  dueAt: string;
  clientId: string;
}

/** The request, its audit entry, and the thread's first message (found by its clientId and this moment, so a retry adds nothing). */
function raiseStatements({ db, now }: Deps, actor: Actor, { input, parties, receivedAt, dueAt, clientId }: NewObligation) {
  const { owedBy, owedTo, raising } = parties;
  const at = now.toISOString();
  return [
    db
      .insertInto("obligations")
      .values({
        area_id: owedBy.area_id,
        kind: input.kind,
        owed_by_organisation_id: owedBy.id,
        owed_to_organisation_id: owedTo.id,
        title: input.title,
        body: input.body,
        raised_by: actor.personId,
        received_at: receivedAt,
        due_at: dueAt,
        client_id: clientId,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.column("client_id").doNothing()),
    auditIfChanged(db, {
      actor,
      areaId: owedBy.area_id,
      entity: "obligation",
      entityId: "inserted",
      action: "raised",
      to: "open",
      at: now,
      details: { kind: input.kind, dueAt },
    }),
    db
      .insertInto("obligation_messages")
      .columns(["obligation_id", "author_id", "author_organisation_id", "kind", "body", "links", "created_at"])
      .expression(
        db
          .selectFrom("obligations")
          .select((eb) => [
            "id",
            eb.val(actor.personId).as("author_id"),
            eb.val(raising.id).as("author_organisation_id"),
            eb.val("request").as("kind"),
            eb.val(input.body).as("body"),
            eb.val(JSON.stringify(input.links)).as("links"),
            eb.val(at).as("created_at"),
          ])
          .where("client_id", "=", clientId)
          .where("created_at", "=", at),
      ),
  ];
}

/** Raises a request; a repeated clientId returns the first. Then both sides are told, and watch it. */
export async function raiseObligation(
  deps: Deps,
  actor: Actor,
  input: ObligationInput,
): Promise<{ obligation: ObligationRow; created: boolean }> {
  const parties = await partiesOf(deps.db, input);
  requireAllowed(actor, "obligation.raise", { areaId: parties.raising.area_id, organisationIds: [parties.raising.id] });
  const { receivedAt, dueAt } = dueFor(input, parties.owedBy, deps.now);
  const clientId = input.clientId ?? `server-${randomToken(12)}`;
  const [inserted] = await batch(deps.d1, raiseStatements(deps, actor, { input, parties, receivedAt, dueAt, clientId }));
  const row = await reloadObligation(deps.db, { clientId });
  await afterRaising(deps, row);
  return { obligation: row, created: changed(inserted) };
}

/** Idempotent, so a retried save completes it: the raiser and the people who must answer watch it; those people are told. */
async function afterRaising(deps: Deps, row: ObligationRow) {
  const { db, d1, now } = deps;
  const answering = await peopleAnsweringFor(db, [row.owed_by_organisation_id]);
  const watchers = [...new Set([...(row.raised_by ? [row.raised_by] : []), ...answering.map((p) => p.id)])];
  await ensureWatches(
    db,
    d1,
    watchers.map((personId) => ({ personId, target: { kind: "obligation" as const, id: row.id } })),
    now,
  );
  const org = await db.selectFrom("organisations").select(["email"]).where("id", "=", row.owed_by_organisation_id).executeTakeFirst();
  const page = new URL(`/obligations/${row.id}`, deps.publicUrl).toString();
  const label = obligationKinds[row.kind].label;
  const text = [
    `${row.owed_to_name ?? "Someone"} has sent ${row.owed_by_name} a ${label.toLowerCase()}: "${row.title}".`,
    "",
    `A reply is due by the end of ${formatLondonDate(row.due_at)} (${describeDue(row.due_at, now)}).`,
    "",
    `Read it and reply: ${page}`,
  ].join("\n");
  const recipients = new Map<string, number | null>();
  for (const p of answering) recipients.set(p.email, p.id);
  if (org?.email && !recipients.has(org.email)) recipients.set(org.email, null);
  const emails = [...recipients].map(([to, personId]) =>
    enqueueEmail(
      db,
      {
        to,
        personId,
        subject: `${label} for ${row.owed_by_name}: ${row.title}`,
        text,
        category: "obligation",
        dedupeKey: `raised:${row.id}:${to}`,
      },
      now,
    ),
  );
  for (const part of chunks(emails, 50)) await batch(d1, part);
}

interface Message {
  obligationId: number;
  actor: Actor;
  organisationId: number | null;
  kind: "reply" | "note";
  body: string;
  links: Link[];
  at: string;
}

const messageInsert = (db: DB, m: Message) =>
  db
    .insertInto("obligation_messages")
    .columns(["obligation_id", "author_id", "author_organisation_id", "kind", "body", "links", "created_at"])
    .expression(
      db
        .selectNoFrom((eb) => [
          eb.val(m.obligationId).as("obligation_id"),
          eb.val(m.actor.personId).as("author_id"),
          eb.val(m.organisationId).as("author_organisation_id"),
          eb.val(m.kind).as("kind"),
          eb.val(m.body).as("body"),
          eb.val(JSON.stringify(m.links)).as("links"),
          eb.val(m.at).as("created_at"),
        ])
        // Only if the change before it (the state change, via its audit entry) happened.
        .where(sql<number>`changes()`, "=", 1),
    );

/** The organisation the actor speaks for on this obligation, if they belong to one of its sides. */
function speakingFor(actor: Actor, organisationId: number | null): number | null {
  return organisationId !== null && actor.memberships.some((m) => m.organisationId === organisationId) ? organisationId : null;
}

interface Transition {
  event: ObligationEvent;
  /** The columns that record it, beside the state. */
  set: { met_at: string; met_late: number } | { withdrawn_at: string };
  details: Record<string, unknown>;
  /** What it adds to the thread. */
  message: Pick<Message, "organisationId" | "kind" | "body" | "links">;
  /** Said when another change got there first. */
  conflict: string;
}

/** A change of state, conditional on the state read, with its audit entry and message in one batch; then watchers follow it. */
async function transition({ db, d1, now }: Deps, { actor, roles }: Acting, row: ObligationRow, t: Transition): Promise<void> {
  const to = nextState(obligationMachine, row.state, t.event, roles);
  const at = now.toISOString();
  const [update] = await batch(d1, [
    db
      .updateTable("obligations")
      .set({ state: to, ...t.set, updated_at: at })
      .where("id", "=", row.id)
      .where("state", "=", row.state),
    auditIfChanged(db, {
      actor,
      areaId: row.area_id,
      entity: "obligation",
      entityId: row.id,
      action: t.event,
      from: row.state,
      to,
      at: now,
      details: t.details,
    }),
    messageInsert(db, { obligationId: row.id, actor, ...t.message, at }),
  ]);
  if (!changed(update)) throw new AppError(409, "already_changed", t.conflict);
  await targetChanged(db, d1, { kind: "obligation", id: row.id }, now);
}

/** The owing organisation's reply: it meets the obligation, on time or late. */
export async function replyToObligation(deps: Deps, acting: Acting, row: ObligationRow, reply: ReplyInput): Promise<ObligationRow> {
  // Only an open request can be met: late exactly when it is overdue.
  const late = isOverdue(row, deps.now);
  await transition(deps, acting, row, {
    event: "meet",
    set: { met_at: deps.now.toISOString(), met_late: late ? 1 : 0 },
    details: { late },
    message: {
      organisationId: speakingFor(acting.actor, row.owed_by_organisation_id),
      kind: "reply",
      body: reply.body,
      links: reply.links,
    },
    conflict: "This request was answered or withdrawn while you were writing. Reload it to see the latest.",
  });
  await tellRaisingSide(
    deps,
    row,
    `${row.owed_by_name} has answered "${row.title}"${late ? ", after the due date" : ""}.`,
    `Answered: ${row.title}`,
    "answered",
  );
  return reloadObligation(deps.db, { id: row.id });
}

/** The raising side withdraws it, saying why (the reason goes in the thread and the timeline). */
export async function withdrawObligation(deps: Deps, acting: Acting, row: ObligationRow, input: WithdrawInput): Promise<ObligationRow> {
  await transition(deps, acting, row, {
    event: "withdraw",
    set: { withdrawn_at: deps.now.toISOString() },
    details: { reason: input.reason },
    message: {
      organisationId: speakingFor(acting.actor, raisingOrganisationId(row)),
      kind: "note",
      body: `Withdrawn: ${input.reason}`,
      links: [],
    },
    conflict: "This request was answered or withdrawn in the meantime. Reload it to see the latest.",
  });
  return reloadObligation(deps.db, { id: row.id });
}

/** A note from the raising side: both sides read it in the thread. */
export async function addNote({ db, d1, now }: Deps, { actor }: Acting, row: ObligationRow, note: NoteInput): Promise<void> {
  await batch(d1, [
    db.insertInto("obligation_messages").values({
      obligation_id: row.id,
      author_id: actor.personId,
      author_organisation_id: speakingFor(actor, raisingOrganisationId(row)),
      kind: "note",
      body: note.body,
      links: JSON.stringify(note.links),
      created_at: now.toISOString(),
    }),
    auditIfChanged(db, { actor, areaId: row.area_id, entity: "obligation", entityId: row.id, action: "note_added", at: now }),
  ]);
}

/** Emails the person who raised it, once per event. */
async function tellRaisingSide(deps: Deps, row: ObligationRow, what: string, subject: string, event: string) {
  if (!row.raised_by) return;
  const person = await deps.db.selectFrom("people").select(["id", "email"]).where("id", "=", row.raised_by).executeTakeFirst();
  if (!person) return;
  const text = `${what}\n\nRead the reply: ${new URL(`/obligations/${row.id}`, deps.publicUrl).toString()}`;
  await enqueueEmail(
    deps.db,
    { to: person.email, personId: person.id, subject, text, category: "obligation", dedupeKey: `${event}:${row.id}:${person.id}` },
    deps.now,
  ).execute();
}
