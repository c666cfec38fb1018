// Every email is first written to the outbox (in the same batch as the change that causes it).
import type { DB } from "../db";

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
