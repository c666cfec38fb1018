// SQL statements for petition writes that must be exact under concurrency: each goes in a
// DB.batch() (one transaction) and makes its own condition, so two racing requests can
// never both count, stamp, audit or email.
import { type Expression, type SelectQueryBuilder, type SqlBool, sql } from "kysely";
import { workingDayDeadline } from "../../shared/workingDays";
import { auditIfChanged } from "../platform/audit";
import { insertWhen } from "../platform/writes";
import type { DB } from "../platform/db";
import { outboxRow, type OutgoingEmail } from "../email/outbox";
import { responseOwedEmail, thresholdReachedEmail } from "./emails";

/** EXISTS (the petition matches `where`), as a condition for the statements above. */
export function petitionExists(db: DB, petitionId: number, where: (qb: PetitionQuery) => PetitionQuery) {
  return sql<SqlBool>`EXISTS ${where(petitionQuery(db, petitionId))}`;
}

function petitionQuery(db: DB, petitionId: number) {
  return db.selectFrom("petitions").select(sql.lit(1).as("one")).where("id", "=", petitionId);
}
type PetitionQuery = ReturnType<typeof petitionQuery>;

export interface ThresholdPetition {
  id: number;
  area_id: number;
  organisation_id: number;
  title: string;
  response_working_days: number | null;
  response_threshold: number | null;
  organisation_name: string;
}

export interface Links {
  petition: (id: number) => string;
  respond: (id: number) => string;
  scrutiny: (id: number) => string;
}

/**
 * Stamps the thresholds a petition's confirmed count has reached, once each, and starts
 * what they oblige: at the response threshold a response is owed (by the organisation,
 * `response_working_days` working days after `at`) and a petition_response obligation is
 * created; at the scrutiny threshold it is referred to the OSC. Safe to include in every
 * batch that may change the count: each statement's WHERE makes it happen once.
 */
export function thresholdStatements(db: DB, p: ThresholdPetition, at: Date, now: Date, links: Links) {
  const atIso = at.toISOString();
  const nowIso = now.toISOString();
  const due = workingDayDeadline(at, p.response_working_days ?? 20).dueAt;
  const reachedResponse = sql<SqlBool>`response_threshold IS NOT NULL AND signature_count >= response_threshold`;
  const reachedScrutiny = sql<SqlBool>`scrutiny_threshold IS NOT NULL AND signature_count >= scrutiny_threshold`;
  const osc = sql<number | null>`(SELECT id FROM organisations WHERE area_id = ${p.area_id} AND kind = 'osc' ORDER BY id LIMIT 1)`;
  const owed = (qb: PetitionQuery) => qb.where("response_state", "=", "owed").where("state", "in", ["open", "closed"]);
  // Owed from this stamp (a concurrent stamp of the same moment is caught by the dedupe keys).
  const owedFromHere = (qb: PetitionQuery) => owed(qb).where("response_due_at", "=", due);
  return [
    // The response machine's `owe` (not_due -> owed, by the system). A body that answered
    // early stays "responded"; its threshold is still stamped.
    db
      .updateTable("petitions")
      .set({
        response_threshold_reached_at: sql`COALESCE(response_threshold_reached_at, ${atIso})`,
        response_state: sql`CASE WHEN response_state = 'not_due' THEN 'owed' ELSE response_state END`,
        response_due_at: sql`CASE WHEN response_state = 'not_due' THEN ${due} ELSE response_due_at END`,
        updated_at: nowIso,
      })
      .where("id", "=", p.id)
      .where("state", "in", ["open", "closed"])
      .where(reachedResponse)
      .where((eb) => eb.or([eb("response_threshold_reached_at", "is", null), eb("response_state", "=", "not_due")])),
    auditIfChanged(db, {
      actor: "system",
      areaId: p.area_id,
      entity: "petition",
      entityId: p.id,
      action: "response_threshold_reached",
      from: "not_due",
      to: "owed",
      details: { threshold: p.response_threshold, dueAt: due },
      at: now,
    }),
    insertWhen(
      db,
      "obligations",
      {
        area_id: p.area_id,
        kind: "petition_response",
        owed_by_organisation_id: p.organisation_id,
        owed_to_organisation_id: osc,
        title: `Response to petition: ${p.title}`,
        body: "",
        petition_id: p.id,
        received_at: atIso,
        due_at: sql`(SELECT response_due_at FROM petitions WHERE id = ${p.id})`,
        state: "open",
        created_at: nowIso,
        updated_at: nowIso,
      },
      sql<SqlBool>`${petitionExists(db, p.id, owed)} AND NOT EXISTS (SELECT 1 FROM obligations WHERE petition_id = ${p.id} AND kind = 'petition_response')`,
    ),
    // Emails once each (dedupe keys), whichever batch stamped the threshold.
    emailToColumn(
      db,
      p.id,
      "o.email",
      {
        ...responseOwedEmail({ title: p.title, threshold: p.response_threshold ?? 0, dueAt: due }, links.respond(p.id)),
        category: "petition_response_owed",
        dedupeKey: `petition-response-owed:${p.id}`,
      },
      now,
      owedFromHere,
    ),
    emailToColumn(
      db,
      p.id,
      "p.petitioner_email",
      {
        ...thresholdReachedEmail({ title: p.title, organisationName: p.organisation_name, dueAt: due }, links.petition(p.id)),
        category: "petition_threshold",
        dedupeKey: `petition-threshold-response:${p.id}`,
      },
      now,
      owedFromHere,
    ),
    // The scrutiny machine's `refer` (none -> referred, by the system) at the scrutiny threshold.
    db
      .updateTable("petitions")
      .set({
        scrutiny_threshold_reached_at: atIso,
        scrutiny_state: sql`CASE WHEN scrutiny_state = 'none' THEN 'referred' ELSE scrutiny_state END`,
        referred_at: sql`CASE WHEN scrutiny_state = 'none' THEN ${atIso} ELSE referred_at END`,
        referral_reason: sql`CASE WHEN scrutiny_state = 'none' THEN 'threshold' ELSE referral_reason END`,
        updated_at: nowIso,
      })
      .where("id", "=", p.id)
      .where("state", "in", ["open", "closed"])
      .where("scrutiny_threshold_reached_at", "is", null)
      .where(reachedScrutiny),
    auditIfChanged(db, {
      actor: "system",
      areaId: p.area_id,
      entity: "petition",
      entityId: p.id,
      action: "scrutiny_threshold_reached",
      to: "referred",
      details: { referralReason: "threshold" },
      at: now,
    }),
    oscEmails(
      db,
      p.area_id,
      (oscId) => ({
        subject: "A petition has been referred to the scrutiny committee",
        text: `The petition "${p.title}" has reached the signatures for a referral to the scrutiny committee.\n\nRecord the committee's consideration here:\n\n${links.scrutiny(p.id)}\n\nHealth involvement tracker`,
        category: "petition_referred",
        dedupeKey: `petition-referred:${p.id}:${oscId}`,
      }),
      now,
      petitionExists(db, p.id, (qb) => qb.where("referral_reason", "=", "threshold").where("scrutiny_threshold_reached_at", "=", atIso)),
    ),
  ];
}

/**
 * INSERT INTO outbox ... SELECT: the message's fixed values for every row `from` finds,
 * with the `computed` columns (the address, the dedupe key) taken from that row. A row
 * whose dedupe key was used before is skipped.
 */
function outboxFrom(
  db: DB,
  email: Omit<OutgoingEmail, "to">,
  now: Date,
  computed: Record<string, Expression<unknown>>,
  // Any FROM and JOINs: the selection is made here, by column name.
  from: SelectQueryBuilder<any, any, any>,
) {
  const fixed = Object.entries(outboxRow({ ...email, to: "" }, now)).filter(([k]) => !(k in computed));
  const select = from.select([...Object.entries(computed).map(([k, e]) => sql`${e}`.as(k)), ...fixed.map(([k, v]) => sql.val(v).as(k))]);
  return db
    .insertInto("outbox")
    .columns([...Object.keys(computed), ...fixed.map(([k]) => k)] as never)
    .expression(select as never)
    .onConflict((oc) => oc.column("dedupe_key").doNothing());
}

/**
 * An email to the address in a column of the petition (p) or its organisation (o),
 * when the petition matches `where` (and `condition` holds) and the address is set.
 */
export function emailToColumn(
  db: DB,
  petitionId: number,
  column: "p.petitioner_email" | "o.email",
  email: Omit<OutgoingEmail, "to">,
  now: Date,
  where: (qb: PetitionQuery) => PetitionQuery,
  condition: Expression<SqlBool> = sql<SqlBool>`1`,
) {
  const from = db
    .selectFrom("petitions as p")
    .innerJoin("organisations as o", "o.id", "p.organisation_id")
    .where("p.id", "=", petitionId)
    .where(column, "is not", null)
    .where(petitionExists(db, petitionId, where))
    .where(condition);
  return outboxFrom(db, email, now, { to_email: sql.ref(column) }, from);
}

/** One email to each overview and scrutiny committee of the area that has an address, when `condition` holds. */
export function oscEmails(
  db: DB,
  areaId: number,
  email: (oscId: string) => Omit<OutgoingEmail, "to">,
  now: Date,
  condition: Expression<SqlBool>,
) {
  // The dedupe key carries the committee's id: built in SQL around a marker in the template.
  const MARK = "\u0000osc\u0000";
  const message = email(MARK);
  const [before, after] = (message.dedupeKey ?? "").split(MARK) as [string, string | undefined];
  const from = db
    .selectFrom("organisations as o")
    .where("o.area_id", "=", areaId)
    .where("o.kind", "=", "osc")
    .where("o.email", "is not", null)
    .where(condition);
  return outboxFrom(db, message, now, { to_email: sql.ref("o.email"), dedupe_key: sql`${before} || o.id || ${after ?? ""}` }, from);
}
