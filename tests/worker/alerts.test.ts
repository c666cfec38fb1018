// Watches and alerts: each alert written once however often the scheduler runs, digests, retries
// that end in delivery, failed deliveries shown to administrators, and the extension's /me/alerts.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { alertMoment } from "../../shared/alerts/timing";
import { addCalendarDays, formatLondonDate, londonDate, londonInstant } from "../../shared/time";
import { ensureWatches } from "../../worker/alerts/service";
import type { SeedResult } from "../../worker/dev/seed";
import { enqueueEmail } from "../../worker/email/outbox";
import { MAX_ATTEMPTS, type EmailMessage, type EmailSender } from "../../worker/email/sender";
import { runScheduled } from "../../worker/scheduled";
import { api, db, postForm, request, seed, sessionFor, tokenFor } from "./helpers";

const DAY = 86_400_000;
let s: SeedResult;
beforeAll(async () => {
  s = await seed();
});

class Sender implements EmailSender {
  sent: EmailMessage[] = [];
  /** Recipients whose next sends fail, and how many times. */
  failures = new Map<string, number>();
  async send(m: EmailMessage) {
    const left = this.failures.get(m.to) ?? 0;
    if (left > 0) {
      this.failures.set(m.to, left - 1);
      throw new Error("mailbox unavailable");
    }
    this.sent.push(m);
  }
  to(email: string) {
    return this.sent.filter((m) => m.to === email);
  }
}

async function person(email: string, { digest = false, leadTimes = [14, 7, 2, 1, 0] } = {}): Promise<number> {
  await db
    .insertInto("people")
    .values({
      email,
      name: email.split("@")[0]!,
      lead_times: JSON.stringify(leadTimes),
      daily_digest: digest ? 1 : 0,
      created_at: new Date().toISOString(),
    })
    .execute();
  return (await db.selectFrom("people").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
}

async function consultation(title: string, closesAt: string): Promise<number> {
  const at = new Date().toISOString();
  const row = await db
    .insertInto("consultations")
    .values({
      area_id: s.areaIds.northshire!,
      organisation_id: s.organisationIds.pct!,
      title,
      closes_at: closesAt,
      created_at: at,
      updated_at: at,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

async function watch(personId: number, consultationId: number): Promise<number> {
  const [w] = await ensureWatches(db, env.DB, [{ personId, target: { kind: "consultation", id: consultationId } }], new Date());
  return w!.watch.id;
}

/** A London morning `days` from now, at the given time, and the closing two days later at 11:59pm. */
function schedule(days: number, time = "07:05") {
  const day = londonDate(new Date(Date.now() + days * DAY));
  return { day, tick: londonInstant(day, time), closes: londonInstant(addCalendarDays(day, 2), "23:59").toISOString() };
}

const nextAlertOf = async (watchId: number) =>
  (await db.selectFrom("watches").select("next_alert_at").where("id", "=", watchId).executeTakeFirstOrThrow()).next_alert_at;
const later = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000);

describe("the scheduled handler writes each alert once", () => {
  it("sends the alert due once, however many times it runs in the same window, then the next one", async () => {
    const { day, tick, closes } = schedule(40);
    const id = await person("once@example.com");
    const c = await consultation("Once only: dental access review", closes);
    const w = await watch(id, c);
    expect(await nextAlertOf(w)).toBe(alertMoment(closes, 14).toISOString());

    const sender = new Sender();
    await runScheduled(env, tick, sender);
    await runScheduled(env, tick, sender);
    await runScheduled(env, later(tick, 5), sender);
    expect(sender.to("once@example.com").map((m) => m.subject)).toEqual(["Consultation closes in 2 days: Once only: dental access review"]);
    const rows = await db.selectFrom("outbox").select(["dedupe_key", "sent_at"]).where("person_id", "=", id).execute();
    expect(rows).toEqual([{ dedupe_key: `alert:${w}:2:${closes}`, sent_at: expect.any(String) }]);
    expect(await nextAlertOf(w)).toBe(londonInstant(addCalendarDays(day, 1), "07:00").toISOString());

    // Two overlapping runs the next morning: still one email.
    const nextMorning = londonInstant(addCalendarDays(day, 1), "07:05");
    await Promise.all([runScheduled(env, nextMorning, sender), runScheduled(env, nextMorning, sender)]);
    expect(sender.to("once@example.com").map((m) => m.subject)).toEqual([
      "Consultation closes in 2 days: Once only: dental access review",
      "Consultation closes tomorrow: Once only: dental access review",
    ]);
    expect(sender.to("once@example.com")[1]!.text).toContain(`https://tracker.test/consultations/${c}`);
  });

  it("moves the alerts when the closing date changes", async () => {
    const { closes } = schedule(45);
    const id = await person("moved@example.com");
    const token = await tokenFor(id);
    const c = await consultation("Moved: podiatry services", closes);
    const w = await watch(id, c);
    const later2 = new Date(Date.parse(closes) + 10 * DAY).toISOString();
    const admin = await tokenFor(s.personIds.admin!);
    expect((await api(`/consultations/${c}`, admin, { method: "PATCH", body: { closesAt: later2 } })).status).toBe(200);
    expect(await nextAlertOf(w)).toBe(alertMoment(later2, 14).toISOString());
    // And when the person changes their lead times.
    expect((await api("/me/preferences", token, { method: "PUT", body: { leadTimes: [3], dailyDigest: false } })).status).toBe(200);
    expect(await nextAlertOf(w)).toBe(alertMoment(later2, 3).toISOString());
  });
});

describe("daily digest", () => {
  it("combines a person's alerts into one morning email and never sends them on their own", async () => {
    const { tick, closes } = schedule(50);
    const id = await person("digest@example.com", { digest: true });
    await watch(id, await consultation("Digest one: hearing aids", closes));
    await watch(id, await consultation("Digest two: wheelchair services", new Date(Date.parse(closes) + 5 * DAY).toISOString()));
    const sender = new Sender();
    await runScheduled(env, tick, sender);
    await runScheduled(env, later(tick, 15), sender);
    const got = sender.to("digest@example.com");
    expect(got.map((m) => m.subject)).toEqual([`Your reminders for ${formatLondonDate(tick)}`]);
    expect(got[0]!.text).toContain("Consultation closes in 2 days: Digest one: hearing aids");
    expect(got[0]!.text).toContain("Consultation closes in 7 days: Digest two: wheelchair services");
    const held = await db
      .selectFrom("outbox")
      .select(["category", "digest", "sent_at", "attempts"])
      .where("person_id", "=", id)
      .where("category", "=", "alert")
      .execute();
    expect(held).toEqual([
      { category: "alert", digest: 1, sent_at: tick.toISOString(), attempts: 0 },
      { category: "alert", digest: 1, sent_at: tick.toISOString(), attempts: 0 },
    ]);
  });

  it("sends an 'on the day' alert for a deadline before the digest on its own", async () => {
    const day = londonDate(new Date(Date.now() + 55 * DAY));
    const closes = londonInstant(day, "06:30").toISOString();
    const id = await person("early@example.com", { digest: true, leadTimes: [0] });
    await watch(id, await consultation("Early: blood test clinic hours", closes));
    const sender = new Sender();
    await runScheduled(env, londonInstant(day, "05:35"), sender);
    expect(sender.to("early@example.com").map((m) => m.subject)).toEqual(["Consultation closes today: Early: blood test clinic hours"]);
  });

  it("sends a very long digest in parts on successive mornings, each within D1's parameter limit", async () => {
    const id = await person("busy@example.com", { digest: true });
    const { tick } = schedule(80);
    await env.DB.batch(
      Array.from({ length: 85 }, (_, i) => {
        const q = enqueueEmail(
          db,
          { to: "busy@example.com", personId: id, subject: `Reminder ${i + 1}`, text: "x", category: "alert", digest: true },
          tick,
        ).compile();
        return env.DB.prepare(q.sql).bind(...q.parameters);
      }),
    );
    const sender = new Sender();
    await runScheduled(env, tick, sender);
    const first = sender.to("busy@example.com");
    expect(first.length).toBe(1);
    expect(first[0]!.text).toContain("today's 80 reminders");
    const stillHeld = await db
      .selectFrom("outbox")
      .select("subject")
      .where("person_id", "=", id)
      .where("digest", "=", 1)
      .where("sent_at", "is", null)
      .execute();
    expect(stillHeld.map((m) => m.subject)).toEqual(["Reminder 81", "Reminder 82", "Reminder 83", "Reminder 84", "Reminder 85"]);
    await runScheduled(env, new Date(tick.getTime() + DAY), sender);
    expect(sender.to("busy@example.com").length).toBe(2);
    expect(sender.to("busy@example.com")[1]!.text).toContain("today's 5 reminders");
  });

  it("releases held alerts to send alone when the person turns the digest off", async () => {
    const id = await person("release@example.com", { digest: true });
    const token = await tokenFor(id);
    await enqueueEmail(
      db,
      { to: "release@example.com", personId: id, subject: "Held", text: "x", category: "alert", digest: true },
      new Date(),
    ).execute();
    const before = await db
      .selectFrom("outbox")
      .select(["digest", "next_attempt_at"])
      .where("person_id", "=", id)
      .executeTakeFirstOrThrow();
    expect(before).toEqual({ digest: 1, next_attempt_at: null });
    expect((await api("/me/preferences", token, { method: "PUT", body: { leadTimes: [7, 1], dailyDigest: false } })).status).toBe(200);
    const after = await db.selectFrom("outbox").select(["digest", "next_attempt_at"]).where("person_id", "=", id).executeTakeFirstOrThrow();
    expect(after.digest).toBe(0);
    expect(after.next_attempt_at).not.toBeNull();
  });
});

describe("delivery failures", () => {
  it("retries a failed alert and then delivers it, once", async () => {
    const { tick, closes } = schedule(60);
    const id = await person("flaky@example.com");
    await watch(id, await consultation("Flaky: eye clinic move", closes));
    const sender = new Sender();
    sender.failures.set("flaky@example.com", 1);
    const first = await runScheduled(env, tick, sender);
    expect(first.delivery?.retrying).toBeGreaterThanOrEqual(1);
    expect(sender.to("flaky@example.com")).toEqual([]);
    await runScheduled(env, later(tick, 1), sender);
    await runScheduled(env, later(tick, 30), sender);
    expect(sender.to("flaky@example.com").map((m) => m.subject)).toEqual(["Consultation closes in 2 days: Flaky: eye clinic move"]);
    const row = await db
      .selectFrom("outbox")
      .select(["attempts", "sent_at", "last_error"])
      .where("person_id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ attempts: 2, sent_at: expect.any(String), last_error: null });
  });

  it("shows a message that failed every try to the area's administrator, who can send it again", async () => {
    const id = await person("bounced@example.com");
    await db
      .insertInto("memberships")
      .values({ person_id: id, organisation_id: s.organisationIds.link!, role: "link_member", created_at: new Date().toISOString() })
      .execute();
    const t0 = new Date(Date.now() + 70 * DAY);
    const queued = await enqueueEmail(
      db,
      { to: "bounced@example.com", personId: id, subject: "Reply due tomorrow: bounced request", text: "x", category: "alert" },
      t0,
    )
      .returning("id")
      .executeTakeFirstOrThrow();
    const sender = new Sender();
    sender.failures.set("bounced@example.com", Infinity);
    let now = t0;
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await runScheduled(env, now, sender);
      now = new Date(now.getTime() + 7 * 3_600_000);
    }
    const failed = await db
      .selectFrom("outbox")
      .select(["failed_at", "attempts", "sent_at"])
      .where("id", "=", queued.id)
      .executeTakeFirstOrThrow();
    expect(failed.failed_at).not.toBeNull();
    expect(failed.attempts).toBe(MAX_ATTEMPTS);
    expect(failed.sent_at).toBeNull();

    const ada = await sessionFor(s.personIds.admin!);
    const page = await request("/admin/areas/northshire/deliveries", { headers: { Cookie: ada.cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Reply due tomorrow: bounced request");
    expect(html).toContain("mailbox unavailable");
    // Southvale's administrator sees neither the message nor Northshire's page.
    const rosa = await sessionFor(s.personIds.sv_admin!);
    expect(await (await request("/admin/areas/southvale/deliveries", { headers: { Cookie: rosa.cookie } })).text()).not.toContain(
      "bounced request",
    );
    expect((await request("/admin/areas/northshire/deliveries", { headers: { Cookie: rosa.cookie } })).status).toBe(403);
    expect((await postForm(`/admin/areas/southvale/deliveries/${queued.id}/retry`, rosa, {})).status).toBe(404);

    const retried = await postForm(`/admin/areas/northshire/deliveries/${queued.id}/retry`, ada, {});
    expect(retried.status).toBe(303);
    const reset = await db
      .selectFrom("outbox")
      .select(["failed_at", "attempts", "next_attempt_at"])
      .where("id", "=", queued.id)
      .executeTakeFirstOrThrow();
    expect(reset.failed_at).toBeNull();
    expect(reset.attempts).toBe(0);
    sender.failures.delete("bounced@example.com");
    await runScheduled(env, new Date(Date.now() + 60_000), sender);
    expect(sender.to("bounced@example.com").map((m) => m.subject)).toEqual(["Reply due tomorrow: bounced request"]);
    const audit = await db
      .selectFrom("audit_log")
      .select(["action", "actor_id"])
      .where("entity", "=", "outbox")
      .where("entity_id", "=", queued.id)
      .execute();
    expect(audit).toEqual([{ action: "retry", actor_id: s.personIds.admin }]);
  });
});

describe("watches API", () => {
  it("watches once, refuses what the person cannot see, and stops watching only their own", async () => {
    const ben = await tokenFor(s.personIds.link!);
    const alice = await tokenFor(s.personIds.clerk!);
    const target = await consultation("Watched: hospital parking", new Date(Date.now() + 20 * DAY).toISOString());
    const first = await api("/watches", ben, { body: { targetKind: "consultation", targetId: target } });
    expect(first.status).toBe(201);
    const again = await api("/watches", ben, { body: { targetKind: "consultation", targetId: target } });
    expect(again.status).toBe(200);
    const w = (await first.json()) as { id: number; targetKind: string; targetId: number };
    expect(((await again.json()) as { id: number }).id).toBe(w.id);
    expect(w).toMatchObject({ targetKind: "consultation", targetId: target });

    // The petition response the PCT owes the scrutiny committee: the LINk is not a party to it.
    const owed = await db.selectFrom("obligations").select("id").where("kind", "=", "petition_response").executeTakeFirstOrThrow();
    expect((await api("/watches", ben, { body: { targetKind: "obligation", targetId: owed.id } })).status).toBe(403);
    const clerkWatch = await api("/watches", alice, { body: { targetKind: "obligation", targetId: owed.id } });
    expect(clerkWatch.status).toBe(201);
    expect((await api("/watches", ben, { body: { targetKind: "petition", targetId: 999999 } })).status).toBe(404);
    expect((await api("/watches", null, { body: { targetKind: "consultation", targetId: target } })).status).toBe(401);

    const aliceWatchId = ((await clerkWatch.json()) as { id: number }).id;
    expect((await api(`/watches/${aliceWatchId}`, ben, { method: "DELETE" })).status).toBe(404);
    expect((await api(`/watches/${w.id}`, ben, { method: "DELETE" })).status).toBe(204);
    expect(await db.selectFrom("watches").select("id").where("id", "in", [w.id, aliceWatchId]).execute()).toEqual([{ id: aliceWatchId }]);
  });

  it("gives the extension upcoming deadlines, soonest first, with the lead times reached", async () => {
    const id = await person("extension@example.com");
    const token = await tokenFor(id);
    const now = Date.now();
    const soon = new Date(now + 1 * DAY).toISOString();
    const ids = {
      soon: await consultation("Alerts: closes tomorrow-ish", soon),
      later: await consultation("Alerts: closes in 20 days", new Date(now + 20 * DAY).toISOString()),
      justClosed: await consultation("Alerts: closed 12 hours ago", new Date(now - 0.5 * DAY).toISOString()),
      longClosed: await consultation("Alerts: closed 2 days ago", new Date(now - 2 * DAY).toISOString()),
    };
    for (const c of Object.values(ids)) await watch(id, c);
    const res = await api("/me/alerts", token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      leadTimes: number[];
      items: { targetId: number; deadlineKind: string; deadlineAt: string; webUrl: string; leadTimesReached: number[]; key: string }[];
    };
    expect(body.leadTimes).toEqual([14, 7, 2, 1, 0]);
    expect(body.items.map((i) => i.targetId)).toEqual([ids.justClosed, ids.soon, ids.later]);
    const first = body.items[1]!;
    expect(first).toMatchObject({
      deadlineKind: "closes",
      deadlineAt: soon,
      webUrl: `https://tracker.test/consultations/${ids.soon}`,
      key: `consultation:${ids.soon}:closes:${soon}`,
    });
    expect(first.leadTimesReached).toEqual(expect.arrayContaining([14, 7, 2]));
    expect(first.leadTimesReached).not.toContain(0);
    expect(body.items[2]!.leadTimesReached).toEqual([]);
    expect((await api("/me/alerts", null)).status).toBe(401);
  });
});
