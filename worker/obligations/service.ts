// Statutory requests: a LINk raises one (due by the working-day rules), the owing body answers
// (on time or late, recorded), the raising side adds notes or withdraws. Both sides see it all.
import { sql } from "kysely";
import { obligationKinds, obligationMachine, type ObligationState } from "../../shared/obligations/machine";
import { at } from "../../shared/conditions";
import {
  awaitingOverdueStamp,
  becomingOverdue,
  describeDue,
  isOverdue,
  raiseRules,
  raisingOrganisationId,
} from "../../shared/obligations/rules";
import { permissions } from "../../shared/permissions";
import type { OrganisationKind, Role } from "../../shared/roles";
import type { NoteInput, ObligationInput, ReplyInput, WithdrawInput } from "../../shared/schemas/obligations";
import { nextState } from "../../shared/stateMachine";
import { endOfLondonDay, formatLondonDate, londonDate, startOfLondonDay } from "../../shared/time";
import { BankHolidayDataExhausted, workingDayDeadline } from "../../shared/workingDays";
import { ensureWatches, targetChanged } from "../alerts/service";
import type { Actor } from "../platform/actor";
import { requireAllowed } from "../auth/middleware";
import { auditIfChanged } from "../platform/audit";
import { randomToken } from "../platform/crypto";
import { where } from "../platform/conditions";
import { batch, batchGroups, chunks, type DB } from "../platform/db";
import type { Deps } from "../platform/deps";
import { enqueueEmail } from "../email/outbox";
import { AppError, validationFailed } from "../platform/errors";
import { findObligation, type ObligationRow } from "./queries";

/** D1 counts rows its triggers change too (the tallies, when a request is met): any change means it happened. */
const changed = (result: D1Result | undefined) => (result?.meta.changes ?? 0) > 0;

const roleCanReply = (role: string) => role in permissions["obligation.reply"];

/** People who answer for an organisation (its responders or scrutiny clerks), with their email addresses. */
async function peopleAnsweringFor(db: DB, organisationIds: readonly number[]) {
  const people = [];
  for (const part of chunks(organisationIds)) {
    const rows = await db
      .selectFrom("memberships as m")
      .innerJoin("people as p", "p.id", "m.person_id")
      .select(["p.id", "p.email", "p.name", "m.role", "m.organisation_id"])
      .where("m.organisation_id", "in", part)
      .execute();
    people.push(...rows.filter((r) => roleCanReply(r.role)));
  }
  return people;
}

function dueFor(input: ObligationInput, area: Record<string, unknown>, now: Date): { receivedAt: string; dueAt: string } {
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
    return { receivedAt, dueAt: workingDayDeadline(receivedAt, Number(area[rule.due.workingDays])).dueAt };
  } catch (err) {
    if (err instanceof BankHolidayDataExhausted)
      throw validationFailed({ receivedOn: "We cannot count working days from that date: choose a more recent one" });
    throw err;
  }
}

/** Raises a request; a repeated clientId returns the first. Then both sides are told, and watch it. */
export async function raiseObligation(
  s: Deps,
  actor: Actor,
  input: ObligationInput,
): Promise<{ obligation: ObligationRow; created: boolean }> {
  const { db, d1, now } = s;
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
  if (!owedTo || !rule.owedTo.includes(owedTo.kind as OrganisationKind)) {
    throw validationFailed({
      owedToOrganisationId:
        rule.raisedBy === "owed_to"
          ? `Choose the LINk or HealthWatch raising this ${label.toLowerCase()}`
          : "Choose the organisation that asked for the response",
    });
  }
  if (!owedBy || owedBy.area_id !== owedTo.area_id || !rule.owedBy.includes(owedBy.kind as OrganisationKind)) {
    throw validationFailed({ owedByOrganisationId: `A ${label.toLowerCase()} goes to ${rule.addressedTo} in the same area: choose one` });
  }
  const raising = rule.raisedBy === "owed_to" ? owedTo : owedBy;
  requireAllowed(actor, "obligation.raise", { areaId: raising.area_id, organisationIds: [raising.id] });
  const { receivedAt, dueAt } = dueFor(input, owedBy, now);
  const clientId = input.clientId ?? `server-${randomToken(12)}`;
  const at = now.toISOString();
  const [inserted] = await batch(d1, [
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
    // The request opens the thread (found by its clientId and this moment, so a retry adds nothing).
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
  ]);
  const obligation = await db.selectFrom("obligations").select("id").where("client_id", "=", clientId).executeTakeFirstOrThrow();
  const row = (await findObligation(db, obligation.id))!;
  await afterRaising(s, row);
  return { obligation: row, created: changed(inserted) };
}

/** Idempotent, so a retried save completes it: the raiser and the people who must answer watch it; those people are told. */
async function afterRaising(s: Deps, row: ObligationRow) {
  const { db, d1, now } = s;
  const answering = await peopleAnsweringFor(db, [row.owed_by_organisation_id]);
  const watchers = [...new Set([...(row.raised_by ? [row.raised_by] : []), ...answering.map((p) => p.id)])];
  await ensureWatches(
    db,
    d1,
    watchers.map((personId) => ({ personId, target: { kind: "obligation" as const, id: row.id } })),
    now,
  );
  const org = await db.selectFrom("organisations").select(["email"]).where("id", "=", row.owed_by_organisation_id).executeTakeFirst();
  const page = new URL(`/obligations/${row.id}`, s.publicUrl).toString();
  const label = obligationKinds[row.kind as keyof typeof obligationKinds]?.label ?? "Request";
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

const messageInsert = (
  db: DB,
  m: {
    obligationId: number;
    actor: Actor;
    organisationId: number | null;
    kind: "reply" | "note";
    body: string;
    links: unknown[];
    at: string;
  },
) =>
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

/** The owing organisation's reply: it meets the obligation, on time or late. */
export async function replyToObligation(
  s: Deps,
  actor: Actor,
  actingRoles: Role[],
  row: ObligationRow,
  reply: ReplyInput,
): Promise<ObligationRow> {
  const { db, d1, now } = s;
  const current = row.state as ObligationState;
  const to = nextState(obligationMachine, current, "meet", actingRoles);
  // Only an open request can be met: late exactly when it is overdue.
  const late = isOverdue(row, now);
  const at = now.toISOString();
  const [update] = await batch(d1, [
    db
      .updateTable("obligations")
      .set({ state: to, met_at: at, met_late: late ? 1 : 0, updated_at: at })
      .where("id", "=", row.id)
      .where("state", "=", current),
    auditIfChanged(db, {
      actor,
      areaId: row.area_id,
      entity: "obligation",
      entityId: row.id,
      action: "meet",
      from: current,
      to,
      at: now,
      details: { late },
    }),
    messageInsert(db, {
      obligationId: row.id,
      actor,
      organisationId: speakingFor(actor, row.owed_by_organisation_id),
      kind: "reply",
      body: reply.body,
      links: reply.links,
      at,
    }),
  ]);
  if (!changed(update))
    throw new AppError(
      409,
      "already_changed",
      "This request was answered or withdrawn while you were writing. Reload it to see the latest.",
    );
  await targetChanged(db, d1, { kind: "obligation", id: row.id }, now);
  await tellRaisingSide(
    s,
    row,
    `${row.owed_by_name} has answered "${row.title}"${late ? ", after the due date" : ""}.`,
    `Answered: ${row.title}`,
    "answered",
  );
  return (await findObligation(db, row.id))!;
}

export async function addNote(s: Deps, actor: Actor, row: ObligationRow, note: NoteInput): Promise<void> {
  const { db, d1, now } = s;
  const at = now.toISOString();
  await batch(d1, [
    db.insertInto("obligation_messages").values({
      obligation_id: row.id,
      author_id: actor.personId,
      author_organisation_id: speakingFor(actor, raisingOrganisationId(row)),
      kind: "note",
      body: note.body,
      links: JSON.stringify(note.links),
      created_at: at,
    }),
    auditIfChanged(db, { actor, areaId: row.area_id, entity: "obligation", entityId: row.id, action: "note_added", at: now }),
  ]);
}

export async function withdrawObligation(
  s: Deps,
  actor: Actor,
  actingRoles: Role[],
  row: ObligationRow,
  input: WithdrawInput,
): Promise<ObligationRow> {
  const { db, d1, now } = s;
  const current = row.state as ObligationState;
  const to = nextState(obligationMachine, current, "withdraw", actingRoles);
  const at = now.toISOString();
  const [update] = await batch(d1, [
    db
      .updateTable("obligations")
      .set({ state: to, withdrawn_at: at, updated_at: at })
      .where("id", "=", row.id)
      .where("state", "=", current),
    auditIfChanged(db, {
      actor,
      areaId: row.area_id,
      entity: "obligation",
      entityId: row.id,
      action: "withdraw",
      from: current,
      to,
      at: now,
      details: { reason: input.reason },
    }),
    messageInsert(db, {
      obligationId: row.id,
      actor,
      organisationId: speakingFor(actor, raisingOrganisationId(row)),
      kind: "note",
      body: `Withdrawn: ${input.reason}`,
      links: [],
      at,
    }),
  ]);
  if (!changed(update))
    throw new AppError(409, "already_changed", "This request was answered or withdrawn in the meantime. Reload it to see the latest.");
  await targetChanged(db, d1, { kind: "obligation", id: row.id }, now);
  return (await findObligation(db, row.id))!;
}

/** Emails the person who raised it, once per event. */
async function tellRaisingSide(s: Deps, row: ObligationRow, what: string, subject: string, event: string) {
  if (!row.raised_by) return;
  const person = await s.db.selectFrom("people").select(["id", "email"]).where("id", "=", row.raised_by).executeTakeFirst();
  if (!person) return;
  const text = `${what}\n\nRead the reply: ${new URL(`/obligations/${row.id}`, s.publicUrl).toString()}`;
  await enqueueEmail(
    s.db,
    { to: person.email, personId: person.id, subject, text, category: "obligation", dedupeKey: `${event}:${row.id}:${person.id}` },
    s.now,
  ).execute();
}

/** Obligations stamped overdue a run, at most; the rest wait for the next run. */
const OVERDUE_PER_RUN = 100;
/** Obligations stamped in one D1 batch (a round trip). */
const OVERDUE_PER_BATCH = 25;

/**
 * Moves statuses on: an open obligation past its due date is stamped overdue once, the
 * timeline says so, and the people who must answer are told. Reads only those just due.
 */
export async function markOverdueObligations({ db, env, now }: Deps): Promise<Record<string, number>> {
  const due = await db
    .selectFrom("obligations as ob")
    .innerJoin("organisations as o", "o.id", "ob.owed_by_organisation_id")
    .select(["ob.id", "ob.area_id", "ob.title", "ob.due_at", "ob.owed_by_organisation_id", "o.name as owed_by_name"])
    .where(where(becomingOverdue, at(now), { alias: "ob" }))
    .orderBy("ob.due_at")
    .limit(OVERDUE_PER_RUN)
    .execute();
  if (due.length === 0) return { overdue: 0 };
  const answering = await peopleAnsweringFor(db, [...new Set(due.map((o) => o.owed_by_organisation_id))]);
  const statementsFor = (o: (typeof due)[number]) => {
    const page = new URL(`/obligations/${o.id}`, env.PUBLIC_URL).toString();
    return [
      // The audit entry follows its stamp directly: it is written only if the stamp changed a row.
      db.updateTable("obligations").set({ overdue_at: now.toISOString() }).where("id", "=", o.id).where(where(awaitingOverdueStamp)),
      auditIfChanged(db, {
        actor: "system",
        areaId: o.area_id,
        entity: "obligation",
        entityId: o.id,
        action: "became_overdue",
        from: "open",
        to: "overdue",
        at: now,
      }),
      ...answering
        .filter((p) => p.organisation_id === o.owed_by_organisation_id)
        .map((p) =>
          enqueueEmail(
            db,
            {
              to: p.email,
              personId: p.id,
              subject: `Overdue: ${o.title}`,
              text: `A reply from ${o.owed_by_name} to "${o.title}" was due by the end of ${formatLondonDate(o.due_at)} and has not been sent.\n\nReply now: ${page}`,
              category: "obligation",
              dedupeKey: `overdue:${o.id}:${p.id}`,
            },
            now,
          ),
        ),
    ];
  };
  // Several obligations a round trip; each batch is atomic, so a run stopped part-way leaves whole
  // obligations stamped (with their audit entry and emails) or untouched for the next run.
  let marked = 0;
  for (let i = 0; i < due.length; i += OVERDUE_PER_BATCH) {
    const perObligation = await batchGroups(env.DB, due.slice(i, i + OVERDUE_PER_BATCH).map(statementsFor));
    marked += perObligation.filter((results) => changed(results[0])).length;
  }
  return { overdue: marked };
}
