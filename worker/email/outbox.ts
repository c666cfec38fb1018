// Every email is first written to the outbox (in the same batch as the change that causes it).
import type { UpdateQueryBuilder, UpdateResult } from "kysely";
import type { DB } from "../platform/db";
import type { Database } from "../platform/schema";
import type { Expression, SqlBool } from "kysely";
import { insertWhen } from "../platform/writes";

export interface OutgoingEmail {
  to: string;
  personId?: number | null;
  subject: string;
  text: string;
  /** What kind of message, for the outbox pages: "sign_in", "petition_confirm", "alert", ... */
  category: string;
  /** A key unique to this message: a second insert with the same key writes nothing. */
  dedupeKey?: string;
  /** Hold for the person's daily digest instead of sending on its own. */
  digest?: boolean;
}

/** The outbox row for a message (for inserts that are conditional, e.g. INSERT ... SELECT). */
export function outboxRow(email: OutgoingEmail, now: Date) {
  return {
    to_email: email.to,
    person_id: email.personId ?? null,
    subject: email.subject,
    body_text: email.text,
    category: email.category,
    dedupe_key: email.dedupeKey ?? null,
    digest: email.digest ? 1 : 0,
    created_at: now.toISOString(),
    next_attempt_at: email.digest ? null : now.toISOString(),
  };
}

export function enqueueEmail(db: DB, email: OutgoingEmail, now: Date) {
  return db
    .insertInto("outbox")
    .values(outboxRow(email, now))
    .onConflict((oc) => oc.column("dedupe_key").doNothing());
}

// ---------------------------------------------------------------- data rights

/** What an email to the public keeps of its address and text once redacted. */
export const REDACTED_ADDRESS = "(removed)";
export const REDACTED_TEXT = "(The address and text of this email were removed.)";
/** Why an email redacted before it was sent never will be. */
export const REDACTED_UNSENT = "Not sent: the address was removed first";

/**
 * Removes the address and text of emails to the public (no person_id) that `where` picks, and
 * stops any not yet sent from going. The subject, category and dates stay, as the delivery log.
 * Account holders' mail (sign-in links, alerts) is never touched.
 */
export function redactPublicEmails(db: DB, at: string, where: (qb: OutboxUpdate) => OutboxUpdate) {
  return where(
    db
      .updateTable("outbox")
      .set((eb) => ({
        to_email: REDACTED_ADDRESS,
        body_text: REDACTED_TEXT,
        redacted_at: at,
        next_attempt_at: null,
        failed_at: eb
          .case()
          .when("sent_at", "is", null)
          .then(eb.fn.coalesce("failed_at", eb.val(at)))
          .else(eb.ref("failed_at"))
          .end(),
        last_error: eb.case().when("sent_at", "is", null).then(eb.val<string | null>(REDACTED_UNSENT)).else(eb.ref("last_error")).end(),
      }))
      .where("person_id", "is", null)
      .where("redacted_at", "is", null),
  );
}

type OutboxUpdate = UpdateQueryBuilder<Database, "outbox", "outbox", UpdateResult>;

/** An email queued only when `condition` holds (e.g. the change it reports happened). */
export function emailWhen(db: DB, email: OutgoingEmail, now: Date, condition: Expression<SqlBool>) {
  return insertWhen(db, "outbox", outboxRow(email, now), condition);
}
