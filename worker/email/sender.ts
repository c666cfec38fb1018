// The sender interface and its adapters, and delivery of the outbox with retries and backoff.
import type { DB } from "../platform/db";
import { isLocalDev, type Env } from "../platform/env";

export interface EmailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  /** Stable id so the provider can drop a duplicate if we retry after a lost reply. */
  idempotencyKey: string;
}

export interface EmailSender {
  /** Resolves when the provider has accepted the message; throws otherwise. */
  send(message: EmailMessage): Promise<void>;
}

/** An HTTP email API in the style of Resend/Postmark: POST JSON with a bearer key. */
export class HttpEmailSender implements EmailSender {
  constructor(
    private readonly url: string,
    private readonly apiKey: string,
    private readonly fetcher: typeof fetch = fetch,
  ) {}

  async send(message: EmailMessage): Promise<void> {
    const response = await this.fetcher(this.url, {
      method: "POST",
      headers: {
        Authorization: `Bearer ${this.apiKey}`,
        "Content-Type": "application/json",
        "Idempotency-Key": message.idempotencyKey,
      },
      body: JSON.stringify({ from: message.from, to: [message.to], subject: message.subject, text: message.text }),
    });
    if (!response.ok) {
      const detail = (await response.text()).slice(0, 200);
      throw new Error(`Email API answered ${response.status}: ${detail}`);
    }
  }
}

/** Local development: nothing leaves the machine; the outbox page shows what would have been sent. */
export class LocalOutboxSender implements EmailSender {
  async send(): Promise<void> {}
}

/** The sender for this environment, or null when none is configured (messages wait in the outbox). */
export function senderFor(env: Env): EmailSender | null {
  if (env.EMAIL_API_URL && env.EMAIL_API_KEY) return new HttpEmailSender(env.EMAIL_API_URL, env.EMAIL_API_KEY);
  if (isLocalDev(env)) return new LocalOutboxSender();
  return null;
}

export const MAX_ATTEMPTS = 6;

/** Minutes to wait after the nth failed attempt: 1, 2, 4, 8, 16 ... capped at 6 hours. */
export function backoffMinutes(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1), 360);
}

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
}

/**
 * Sends messages that are due, oldest first. A failure is retried with backoff and,
 * after MAX_ATTEMPTS, kept with failed_at set for an administrator to see: never lost.
 */
export async function deliverOutbox(
  db: DB,
  sender: EmailSender,
  from: string,
  now: Date,
  { limit = 50, ids }: { limit?: number; ids?: number[] } = {},
): Promise<DeliveryReport> {
  const nowIso = now.toISOString();
  let query = db
    .selectFrom("outbox")
    .select(["id", "to_email", "subject", "body_text", "attempts"])
    .where("sent_at", "is", null)
    .where("failed_at", "is", null)
    .where("next_attempt_at", "<=", nowIso)
    .orderBy("next_attempt_at")
    .limit(limit);
  if (ids) query = query.where("id", "in", ids.length ? ids : [-1]);
  const due = await query.execute();
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0 };
  for (const message of due) {
    // Claim the message first so an overlapping run cannot send it too.
    const claimUntil = new Date(now.getTime() + 10 * 60_000).toISOString();
    const claimed = await db
      .updateTable("outbox")
      .set({ next_attempt_at: claimUntil })
      .where("id", "=", message.id)
      .where("sent_at", "is", null)
      .where("next_attempt_at", "<=", nowIso)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) continue;
    const attempts = message.attempts + 1;
    try {
      await sender.send({
        from,
        to: message.to_email,
        subject: message.subject,
        text: message.body_text,
        idempotencyKey: `outbox-${message.id}`,
      });
      await db
        .updateTable("outbox")
        .set({ sent_at: new Date().toISOString(), attempts, last_error: null, next_attempt_at: null })
        .where("id", "=", message.id)
        .execute();
      report.sent++;
    } catch (err) {
      const error = (err instanceof Error ? err.message : String(err)).slice(0, 500);
      const giveUp = attempts >= MAX_ATTEMPTS;
      await db
        .updateTable("outbox")
        .set({
          attempts,
          last_error: error,
          next_attempt_at: giveUp ? null : new Date(now.getTime() + backoffMinutes(attempts) * 60_000).toISOString(),
          failed_at: giveUp ? nowIso : null,
        })
        .where("id", "=", message.id)
        .execute();
      if (giveUp) report.failed++;
      else report.retrying++;
    }
  }
  return report;
}
