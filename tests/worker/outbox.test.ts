// The outbox survives a failing sender: retried with backoff, delivered once, never lost.
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { enqueueEmail } from "../../worker/email/outbox";
import { deliverOutbox, HttpEmailSender, MAX_ATTEMPTS, type EmailMessage, type EmailSender } from "../../worker/email/sender";
import worker from "../../worker/index";
import { db } from "./helpers";

/** A sender that fails its first `failures` calls, then accepts and records. */
class FlakySender implements EmailSender {
  sent: EmailMessage[] = [];
  calls = 0;
  constructor(private failures: number) {}
  async send(message: EmailMessage) {
    this.calls++;
    if (this.calls <= this.failures) throw new Error(`provider unavailable (${this.calls})`);
    this.sent.push(message);
  }
}

async function queue(subject: string, now: Date, dedupeKey?: string) {
  const row = await enqueueEmail(db, { to: "someone@example.com", subject, text: "Hello", category: "test", dedupeKey }, now)
    .returning("id")
    .executeTakeFirst();
  return row?.id;
}

describe("outbox delivery", () => {
  it("retries a failed send with backoff and then delivers it exactly once", async () => {
    const t0 = new Date("2026-03-01T10:00:00Z");
    const id = (await queue("Retry me", t0))!;
    const sender = new FlakySender(2);

    let report = await deliverOutbox(db, sender, "from@example.org", t0, { ids: [id] });
    expect(report).toEqual({ sent: 0, retrying: 1, failed: 0 });
    let row = await db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.attempts).toBe(1);
    expect(row.last_error).toContain("provider unavailable");
    expect(row.next_attempt_at).toBe("2026-03-01T10:01:00.000Z");

    // Not due again until the backoff has passed.
    report = await deliverOutbox(db, sender, "from@example.org", new Date("2026-03-01T10:00:30Z"), { ids: [id] });
    expect(report.sent + report.retrying).toBe(0);

    await deliverOutbox(db, sender, "from@example.org", new Date("2026-03-01T10:01:00Z"), { ids: [id] });
    row = await db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.next_attempt_at).toBe("2026-03-01T10:03:00.000Z");

    report = await deliverOutbox(db, sender, "from@example.org", new Date("2026-03-01T10:03:00Z"), { ids: [id] });
    expect(report.sent).toBe(1);
    expect(sender.sent.map((m) => m.subject)).toEqual(["Retry me"]);
    expect(sender.sent[0]!.idempotencyKey).toBe(`outbox-${id}`);

    // Delivered once: later runs find nothing to send.
    await deliverOutbox(db, sender, "from@example.org", new Date("2026-03-02T00:00:00Z"), { ids: [id] });
    expect(sender.sent.length).toBe(1);
  });

  it("keeps a message that never gets through, marked failed for an administrator", async () => {
    const t0 = new Date("2026-03-05T10:00:00Z");
    const id = (await queue("Never arrives", t0))!;
    const sender = new FlakySender(Infinity);
    let now = t0;
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await deliverOutbox(db, sender, "from@example.org", now, { ids: [id] });
      now = new Date(now.getTime() + 7 * 3_600_000);
    }
    const row = await db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.attempts).toBe(MAX_ATTEMPTS);
    expect(row.failed_at).not.toBeNull();
    expect(row.sent_at).toBeNull();
    expect(sender.calls).toBe(MAX_ATTEMPTS);
  });

  it("writes a message with a dedupe key only once", async () => {
    const now = new Date("2026-03-06T10:00:00Z");
    const first = await queue("Once", now, "alert:1:7");
    const second = await queue("Once", now, "alert:1:7");
    expect(first).toBeDefined();
    expect(second).toBeUndefined();
    const rows = await db.selectFrom("outbox").select("id").where("dedupe_key", "=", "alert:1:7").execute();
    expect(rows.length).toBe(1);
  });

  it("posts to the HTTP email API with the key and an idempotency key", async () => {
    const calls: Request[] = [];
    const fake = (async (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push(new Request(input, init));
      return new Response(JSON.stringify({ id: "msg_1" }), { status: calls.length === 1 ? 503 : 200 });
    }) as typeof fetch;
    const sender = new HttpEmailSender("https://email.example/send", "key-123", fake);
    const message = { from: "a@example.org", to: "b@example.org", subject: "S", text: "T", idempotencyKey: "outbox-9" };
    await expect(sender.send(message)).rejects.toThrow(/503/);
    await sender.send(message);
    expect(calls[1]!.headers.get("Authorization")).toBe("Bearer key-123");
    expect(calls[1]!.headers.get("Idempotency-Key")).toBe("outbox-9");
    expect(await calls[1]!.json()).toEqual({ from: "a@example.org", to: ["b@example.org"], subject: "S", text: "T" });
  });

  it("is delivered by the Cron Trigger", async () => {
    const id = (await queue("From the cron", new Date()))!;
    const ctx = createExecutionContext();
    await worker.scheduled(
      createScheduledController({ scheduledTime: new Date(), cron: "*/15 * * * *" }),
      { ...env, LOCAL_DEV: "true" },
      ctx,
    );
    await waitOnExecutionContext(ctx);
    const row = await db.selectFrom("outbox").select(["sent_at", "attempts"]).where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.sent_at).not.toBeNull();
    expect(row.attempts).toBe(1);
  });
});
