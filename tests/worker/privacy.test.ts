// Data rights: a signer or petitioner erases their own details by an emailed link (nobody else
// can), erasure keeps every count, the audit log never holds the erased values, and the
// retention job erases signers' details a set time after a petition closes, in bounded batches.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { SeedResult } from "../../worker/dev/seed";
import { enqueueEmail, REDACTED_ADDRESS, REDACTED_TEXT, REDACTED_UNSENT } from "../../worker/email/outbox";
import { deliverOutbox } from "../../worker/email/sender";
import { EMAIL_RETENTION_DAYS, eraseExpiredSignerData, redactExpiredEmails } from "../../worker/privacy/service";
import { runScheduled } from "../../worker/scheduled";
import { db, dbDigest, postForm, RecordingSender, request, seed, sessionFor, tokenFor } from "./helpers";
import { latestEmailTo, openPetition, petitionRow, sign, signAndConfirm, tokenIn, uniqueEmail, visitor } from "./petitionHelpers";

let s: SeedResult;
let clerkToken: string;
beforeAll(async () => {
  s = await seed();
  clerkToken = await tokenFor(s.personIds.clerk!);
});

const districts = (petitionId: number) =>
  db
    .selectFrom("petition_districts")
    .select(["district", "signature_count"])
    .where("petition_id", "=", petitionId)
    .orderBy("district")
    .execute();
const signatureOf = (petitionId: number, id: number) =>
  db.selectFrom("signatures").selectAll().where("petition_id", "=", petitionId).where("id", "=", id).executeTakeFirst();
const auditText = async () => JSON.stringify(await db.selectFrom("audit_log").selectAll().execute());
const outboxRows = (ids: number[]) =>
  db
    .selectFrom("outbox")
    .selectAll()
    .where("id", "in", ids.length ? ids : [-1])
    .orderBy("id")
    .execute();

/** Asks for the erasure link as a visitor would, and returns the token from the email (if one was sent). */
async function askForLink(email: string): Promise<Response> {
  const v = await visitor("/your-data");
  return postForm("/your-data", v, { email });
}

async function confirmErasure(token: string): Promise<Response> {
  const v = await visitor("/your-data");
  return postForm("/your-data/remove", v, { token });
}

describe("erasing your own details", () => {
  it("keeps the signature counted and the district figures, removes name, email and postcode, and audits without them", async () => {
    const me = uniqueEmail("leaver");
    const open = await openPetition(s.organisationIds.pct!, clerkToken, { title: "Keep the minor injuries unit open at night" });
    const other = await openPetition(s.organisationIds.pct!, clerkToken, {
      title: "A bus to the hospital from the villages",
      petitionerEmail: me,
      petitionerName: "Lee Leaver",
    });
    await signAndConfirm(open.petitionId, { name: "Lee Leaver", email: me, postcode: "NR4 7TJ" });
    await signAndConfirm(open.petitionId, { name: "Someone Else", email: uniqueEmail(), postcode: "NR4 6AA" });
    expect((await sign(other.petitionId, { name: "Lee Leaver", email: me, postcode: "NR4 7TJ" })).status).toBe(202); // never confirmed

    // The confirmation email says how to remove your details.
    expect((await latestEmailTo(me, "signature_confirm")).body_text).toContain("https://tracker.test/your-data");

    const before = { count: (await petitionRow(open.petitionId)).signature_count, districts: await districts(open.petitionId) };
    expect(before.districts).toContainEqual({ district: "NR4", signature_count: 2 });

    const asked = await askForLink(me);
    expect(asked.status).toBe(303);
    expect(asked.headers.get("Location")).toBe("/your-data/check-email");
    const token = tokenIn((await latestEmailTo(me, "erasure_confirm")).body_text, "/your-data/remove");

    const review = await request(`/your-data/remove?token=${encodeURIComponent(token)}`);
    const html = await review.text();
    expect(review.status).toBe(200);
    expect(html).toContain("Keep the minor injuries unit open at night");
    expect(html).toContain("A bus to the hospital from the villages");

    const done = await confirmErasure(token);
    expect(done.status).toBe(303);
    expect(done.headers.get("Location")).toBe("/your-data/removed");

    const mine = await db
      .selectFrom("signatures")
      .selectAll()
      .where("petition_id", "=", open.petitionId)
      .where("erased_at", "is not", null)
      .execute();
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      name: null,
      email: null,
      postcode: null,
      ip_hash: null,
      confirm_hash: null,
      state: "confirmed",
      postcode_district: "NR4",
    });
    expect(mine[0]!.email_canonical).toMatch(/^erased:/);
    // The signature that was never confirmed is gone; it was never counted.
    expect(await db.selectFrom("signatures").select("id").where("petition_id", "=", other.petitionId).execute()).toEqual([]);
    // Counts and district figures are exactly as they were.
    expect((await petitionRow(open.petitionId)).signature_count).toBe(before.count);
    expect(await districts(open.petitionId)).toEqual(before.districts);
    // The petition they started keeps going without their name and email.
    expect(await petitionRow(other.petitionId)).toMatchObject({ petitioner_name: null, petitioner_email: null, state: "open" });

    // Audited, without the erased values.
    const entries = await db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "in", ["erased", "deleted", "petitioner_erased"])
      .where("at", ">=", new Date(Date.now() - 60_000).toISOString())
      .execute();
    expect(entries.map((e) => `${e.entity}:${e.action}`).sort()).toEqual([
      "petition:petitioner_erased",
      "signature:deleted",
      "signature:erased",
    ]);
    const everything = await auditText();
    for (const value of [me, "Lee Leaver", "NR4 7TJ"]) expect(everything).not.toContain(value);

    // The link works once; a second use changes nothing.
    const digest = await dbDigest();
    expect((await confirmErasure(token)).status).toBe(400);
    expect(await dbDigest()).toBe(digest);

    // Signing the same petition again with the same address is recognised, not counted twice.
    expect((await sign(open.petitionId, { name: "Lee Leaver", email: me })).status).toBe(202);
    expect((await latestEmailTo(me)).category).toBe("petition_already_signed");
    expect((await petitionRow(open.petitionId)).signature_count).toBe(before.count);
  });

  it("removes the address and text of the emails we sent them, stops those not yet sent, and leaves everyone else's mail", async () => {
    // Signed with one spelling of a Gmail address, erased with another: the same person.
    const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const signedAs = `ola.outbox.${tag}+health@gmail.com`;
    const askedAs = `olaoutbox${tag}@googlemail.com`;
    const first = await openPetition(s.organisationIds.pct!, clerkToken, { title: "Keep the birth centre open" });
    const second = await openPetition(s.organisationIds.pct!, clerkToken, { title: "A defibrillator at the village hall" });
    await signAndConfirm(first.petitionId, { name: "Ola Outbox", email: signedAs, postcode: "NR5 9AA" });
    expect((await sign(second.petitionId, { name: "Ola Outbox", email: signedAs, postcode: "NR5 9AA" })).status).toBe(202);

    // The first confirmation email goes out through the delivery loop; the second waits.
    const sender = new RecordingSender();
    const [firstMail, pendingMail] = await db
      .selectFrom("outbox")
      .select("id")
      .where("to_email", "=", signedAs)
      .where("category", "=", "signature_confirm")
      .orderBy("id")
      .execute();
    if (!firstMail || !pendingMail) throw new Error("expected two confirmation emails");
    expect(await deliverOutbox(db, sender, "from@example.org", new Date(), { ids: [firstMail.id] })).toEqual({
      sent: 1,
      retrying: 0,
      failed: 0,
    });
    // Mail that is not theirs: someone else's, and an account holder's that happens to use the address.
    const othersMail = await enqueueEmail(
      db,
      { to: uniqueEmail("bystander"), subject: "Someone else's", text: "Dear Bystander", category: "test" },
      new Date(),
    )
      .returning("id")
      .executeTakeFirstOrThrow();
    const accountMail = await enqueueEmail(
      db,
      { to: signedAs, personId: s.personIds.clerk!, subject: "Your sign-in link", text: "Staff mail", category: "sign_in" },
      new Date(),
    )
      .returning("id")
      .executeTakeFirstOrThrow();

    const theirs = await db.selectFrom("outbox").select("id").where("to_email", "=", signedAs).where("person_id", "is", null).execute();
    expect(theirs.length).toBeGreaterThanOrEqual(2);

    expect((await askForLink(askedAs)).status).toBe(303);
    const request = await latestEmailTo(askedAs, "erasure_confirm");
    const token = tokenIn(request.body_text, "/your-data/remove");
    const before = await outboxRows([othersMail.id, accountMail.id]);
    expect((await confirmErasure(token)).status).toBe(303);

    const after = await outboxRows([...theirs.map((r) => r.id), request.id]);
    expect(after).toHaveLength(theirs.length + 1);
    for (const row of after) {
      expect(row).toMatchObject({ to_email: REDACTED_ADDRESS, body_text: REDACTED_TEXT, next_attempt_at: null });
      expect(row.redacted_at).not.toBeNull();
      // The delivery log keeps what kind of email it was and when.
      expect(row.subject).not.toBe("");
      expect(row.created_at).not.toBeNull();
    }
    const sent = after.find((r) => r.id === firstMail.id)!;
    expect(sent.sent_at).not.toBeNull();
    expect(sent.failed_at).toBeNull();
    const unsent = after.find((r) => r.id === pendingMail.id)!;
    expect(unsent).toMatchObject({ sent_at: null, last_error: REDACTED_UNSENT });
    expect(unsent.failed_at).not.toBeNull();

    // Nothing of theirs is left anywhere in the outbox, and nothing redacted is ever sent.
    const everything = JSON.stringify(await db.selectFrom("outbox").selectAll().where("person_id", "is", null).execute());
    for (const value of [signedAs, askedAs, "Ola Outbox", token]) expect(everything).not.toContain(value);
    await deliverOutbox(db, sender, "from@example.org", new Date(Date.now() + 86_400_000), { ids: after.map((r) => r.id) });
    expect(sender.sent.map((m) => m.to)).toEqual([signedAs]);

    // Other people's mail and account mail are exactly as they were.
    expect(await outboxRows([othersMail.id, accountMail.id])).toEqual(before);

    // Audited with how many, never the values.
    const audit = await db
      .selectFrom("audit_log")
      .select(["actor_label", "details"])
      .where("entity", "=", "outbox")
      .where("action", "=", "emails_redacted")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(audit.actor_label).toBe("public");
    expect(JSON.parse(audit.details)).toEqual({
      emails: after.length,
      erased: ["address", "text"],
      requestedBy: "the person, by email link",
    });
  });

  it("cannot erase someone else's details: the link goes only to their address, and a made-up link does nothing", async () => {
    const victim = uniqueEmail("victim");
    const { petitionId } = await openPetition(s.organisationIds.pct!, clerkToken, { title: "More parking at the community hospital" });
    await signAndConfirm(petitionId, { name: "Val Victim", email: victim, postcode: "NR3 1AB" });
    const outboxBefore = await db.selectFrom("outbox").select("id").orderBy("id", "desc").executeTakeFirstOrThrow();

    expect((await askForLink(victim)).status).toBe(303);
    const sent = await db.selectFrom("outbox").select(["to_email", "category"]).where("id", ">", outboxBefore.id).execute();
    expect(sent).toEqual([{ to_email: victim, category: "erasure_confirm" }]);

    const digest = await dbDigest();
    expect((await confirmErasure("a".repeat(43))).status).toBe(400);
    expect((await request("/your-data/remove?token=not-a-real-token")).status).toBe(400);
    expect(await dbDigest()).toBe(digest);
    expect(
      await db.selectFrom("signatures").select(["name", "email"]).where("petition_id", "=", petitionId).executeTakeFirstOrThrow(),
    ).toEqual({ name: "Val Victim", email: victim });
  });

  it("answers an address we hold nothing for the same way, and writes nothing but the rate-limit counter", async () => {
    const digest = await dbDigest();
    const res = await askForLink(uniqueEmail("stranger"));
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/your-data/check-email");
    expect(await dbDigest()).toBe(digest);
  });

  it("names the field when the address is not valid", async () => {
    const res = await askForLink("not an email");
    expect(res.status).toBe(422);
    expect(await res.text()).toContain("Enter an email address in the correct format");
  });
});

describe("signer data retention", () => {
  async function closedPetitionWithSigners(title: string, signers: number, closedDaysAgo: number) {
    const { petitionId } = await openPetition(s.organisationIds.pct!, clerkToken, { title });
    const created = new Date().toISOString();
    // Many signers at once (the signing path is tested elsewhere); the triggers count them.
    for (let i = 0; i < signers; i += 10) {
      await db
        .insertInto("signatures")
        .values(
          Array.from({ length: Math.min(10, signers - i) }, (_, k) => ({
            petition_id: petitionId,
            name: `Signer ${i + k}`,
            email: `signer${i + k}.${petitionId}@example.org`,
            email_canonical: `signer${i + k}.${petitionId}@example.org`,
            postcode: (i + k) % 2 ? "NR1 1AA" : "NR2 2BB",
            postcode_district: (i + k) % 2 ? "NR1" : "NR2",
            state: "confirmed",
            created_at: created,
            confirmed_at: created,
          })),
        )
        .execute();
    }
    const closedAt = new Date(Date.now() - closedDaysAgo * 86_400_000).toISOString();
    await db.updateTable("petitions").set({ state: "closed", closed_at: closedAt }).where("id", "=", petitionId).execute();
    return petitionId;
  }

  it("is an area default the administrator edits, and erases only petitions closed longer ago than it, in bounded batches", async () => {
    // The administrator sets 30 days on the area defaults page.
    const admin = await sessionFor(s.personIds.admin!);
    const settings = await db.selectFrom("areas").selectAll().where("id", "=", s.areaIds.northshire!).executeTakeFirstOrThrow();
    expect(settings.signer_data_retention_days).toBe(365);
    const page = await request("/admin/areas/northshire", { headers: { Cookie: admin.cookie } });
    expect(await page.text()).toContain("names, email addresses and postcodes are erased");
    const saved = await postForm("/admin/areas/northshire/settings", admin, {
      responseThreshold: String(settings.response_threshold),
      scrutinyThreshold: String(settings.scrutiny_threshold),
      responseWorkingDays: String(settings.response_working_days),
      petitionDurationDays: String(settings.petition_duration_days),
      informationRequestWorkingDays: String(settings.information_request_working_days),
      reportWorkingDays: String(settings.report_working_days),
      referralWorkingDays: String(settings.referral_working_days),
      outcomeOverdueWeeks: String(settings.outcome_overdue_weeks),
      signerDataRetentionDays: "30",
    });
    expect(saved.status).toBe(303);
    expect(
      (await db.selectFrom("areas").select("signer_data_retention_days").where("id", "=", s.areaIds.northshire!).executeTakeFirstOrThrow())
        .signer_data_retention_days,
    ).toBe(30);
    const bad = await postForm("/admin/areas/northshire/settings", admin, {
      ...Object.fromEntries(
        Object.entries({
          responseThreshold: settings.response_threshold,
          scrutinyThreshold: settings.scrutiny_threshold,
          responseWorkingDays: settings.response_working_days,
          petitionDurationDays: settings.petition_duration_days,
          informationRequestWorkingDays: settings.information_request_working_days,
          reportWorkingDays: settings.report_working_days,
          referralWorkingDays: settings.referral_working_days,
          outcomeOverdueWeeks: settings.outcome_overdue_weeks,
        }).map(([k, v]) => [k, String(v)]),
      ),
      signerDataRetentionDays: "0",
    });
    expect(bad.status).toBe(422);

    const old = await closedPetitionWithSigners("Longer opening hours at the pharmacy", 250, 40);
    const recent = await closedPetitionWithSigners("Better signs at the health centre", 5, 10);
    const before = { old: await petitionRow(old), oldDistricts: await districts(old), recent: await dbRows(recent) };
    expect(before.old.signature_count).toBe(250);

    // At most 100 a run, 40 a statement (the demo data's old closed petitions are erased too).
    const now = new Date();
    const runs: number[] = [];
    do runs.push((await eraseExpiredSignerData(db, env.DB, now, { perRun: 100, batchSize: 40 })).signatures);
    while (runs.at(-1) === 100 && runs.length < 20);
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(runs.every((n) => n <= 100)).toBe(true);
    expect(runs.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(250);

    const left = await db
      .selectFrom("signatures")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("petition_id", "=", old)
      .where((eb) =>
        eb.or([
          eb("name", "is not", null),
          eb("email", "is not", null),
          eb("email_canonical", "is not", null),
          eb("postcode", "is not", null),
        ]),
      )
      .executeTakeFirstOrThrow();
    expect(Number(left.n)).toBe(0);
    const after = await petitionRow(old);
    expect(after.signature_count).toBe(250);
    expect(after.signers_erased_at).toBe(now.toISOString());
    expect(await districts(old)).toEqual(before.oldDistricts);
    expect(await districts(old)).toEqual([
      { district: "NR1", signature_count: 125 },
      { district: "NR2", signature_count: 125 },
    ]);
    // The recently closed petition is untouched.
    expect(await dbRows(recent)).toEqual(before.recent);

    // Audited per batch with how many, never with the values.
    const audit = await db
      .selectFrom("audit_log")
      .select(["action", "details", "actor_label"])
      .where("entity", "=", "petition")
      .where("entity_id", "=", old)
      .where("action", "=", "signer_data_erased")
      .execute();
    const perBatch = audit.map((a) => JSON.parse(a.details).signatures as number);
    expect(perBatch.every((n) => n > 0 && n <= 40)).toBe(true);
    expect(perBatch.reduce((a, b) => a + b, 0)).toBe(250);
    expect(audit.every((a) => a.actor_label === "system")).toBe(true);
    expect(await auditText()).not.toContain(`signer1.${old}@example.org`);

    // Done: the scheduled handler finds nothing more to do there.
    const tick = await runScheduled(env, now, null);
    expect(tick.jobs["privacy.signer-retention"]).toEqual({ signatures: 0, petitions: 0, requests: 0 });
  });
});

describe("delivery log retention", () => {
  it("removes the address and text of emails to the public once they are older than the retention period, in bounded batches, never account mail", async () => {
    const now = new Date();
    const old = new Date(now.getTime() - (EMAIL_RETENTION_DAYS + 1) * 86_400_000);
    const recent = new Date(now.getTime() - (EMAIL_RETENTION_DAYS - 1) * 86_400_000);
    const queue = async (at: Date, to: string, personId: number | null = null) =>
      (
        await enqueueEmail(db, { to, personId, subject: `Update for ${to}`, text: `Dear ${to}`, category: "test" }, at)
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    const oldPublic = [];
    for (let i = 0; i < 5; i++) oldPublic.push(await queue(old, uniqueEmail("old")));
    const oldAccount = await queue(old, uniqueEmail("staff"), s.personIds.clerk!);
    const recentPublic = await queue(recent, uniqueEmail("recent"));
    const untouched = await outboxRows([oldAccount, recentPublic]);

    // At most 3 a run, 2 a statement.
    const runs: number[] = [];
    do runs.push((await redactExpiredEmails(db, env.DB, now, { perRun: 3, batchSize: 2 })).emails);
    while (runs.at(-1) === 3 && runs.length < 10);
    expect(runs.every((n) => n <= 3)).toBe(true);
    expect(runs.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(5);

    for (const row of await outboxRows(oldPublic))
      expect(row).toMatchObject({ to_email: REDACTED_ADDRESS, body_text: REDACTED_TEXT, redacted_at: now.toISOString() });
    expect(await outboxRows([oldAccount, recentPublic])).toEqual(untouched);

    const audit = await db
      .selectFrom("audit_log")
      .select(["actor_label", "details"])
      .where("entity", "=", "outbox")
      .where("action", "=", "emails_redacted")
      .where("at", "=", now.toISOString())
      .execute();
    const perStatement = audit.map((a) => JSON.parse(a.details) as { emails: number; retentionDays: number });
    expect(perStatement.every((d) => d.emails > 0 && d.emails <= 2 && d.retentionDays === EMAIL_RETENTION_DAYS)).toBe(true);
    expect(perStatement.reduce((a, d) => a + d.emails, 0)).toBe(runs.reduce((a, b) => a + b, 0));
    expect(audit.every((a) => a.actor_label === "system")).toBe(true);

    // Done: the scheduled handler finds nothing more to redact.
    const tick = await runScheduled(env, now, null);
    expect(tick.jobs["privacy.email-retention"]).toEqual({ emails: 0 });

    // The privacy page says so.
    expect(await (await request("/privacy")).text()).toContain(`a record of the emails we send you for ${EMAIL_RETENTION_DAYS} days`);
  });
});

function dbRows(petitionId: number) {
  return db.selectFrom("signatures").selectAll().where("petition_id", "=", petitionId).orderBy("id").execute();
}
