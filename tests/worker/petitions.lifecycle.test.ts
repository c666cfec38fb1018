// A petition from start to the scrutiny committee's outcome, as the public, the clerk and the
// responder do it on the web (and the API where that is how it is used), plus both rejections.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { calendarDayDeadline, workingDayDeadline } from "../../shared/workingDays";
import { londonDate } from "../../shared/time";
import type { SeedResult } from "../../worker/dev/seed";
import { runScheduled } from "../../worker/scheduled";
import { count, db, dbDigest, postForm, seed, sessionFor, tokenFor, type Session } from "./helpers";
import {
  auditFor,
  call,
  latestEmailTo,
  page,
  petitionRow,
  signAndConfirm,
  startAndConfirm,
  tokenIn,
  uniqueEmail,
  visitor,
} from "./petitionHelpers";

let s: SeedResult;
let clerk: Session;
let responder: Session;
let adminToken: string;
let clerkToken: string;
beforeAll(async () => {
  s = await seed();
  clerk = await sessionFor(s.personIds.clerk!);
  responder = await sessionFor(s.personIds.pct!);
  adminToken = await tokenFor(s.personIds.admin!);
  clerkToken = await tokenFor(s.personIds.clerk!);
});

const orgSettings = (responseThreshold: number, scrutinyThreshold: number, responseWorkingDays: number, petitionDurationDays: number) => ({
  responseThreshold,
  scrutinyThreshold,
  responseWorkingDays,
  petitionDurationDays,
});

describe("a petition from start to the scrutiny committee's outcome", () => {
  const petitioner = uniqueEmail("petitioner");
  const fields = () => ({
    organisationId: String(s.organisationIds.pct),
    title: "Keep the Eastbrook minor injuries unit open at weekends",
    action: "We ask NHS Northshire to keep the minor injuries unit at Eastbrook open on Saturdays and Sundays.",
    background: "At weekends the nearest minor injuries unit is an hour away by bus.\n\nFamilies end up at the emergency department.",
    petitionerName: "Wendy Weekend",
    petitionerEmail: petitioner,
  });
  let id: number;

  it("the public start a petition: errors name the fields, similar open petitions are shown first", async () => {
    const v = await visitor();
    const before = await dbDigest();
    const bad = await postForm("/petitions/new", v, { ...fields(), organisationId: "", title: "", petitionerEmail: "not an email" });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain("There is a problem");
    expect(html).toContain('href="#organisationId"');
    expect(html).toContain("Choose who the petition is addressed to");
    expect(html).toContain("Enter a title");
    expect(html).toContain("Enter an email address in the correct format");
    expect(html).toContain("Wendy Weekend");
    expect(await dbDigest()).toBe(before);

    const petitions = await count("petitions");
    const similar = await postForm("/petitions/new", v, fields());
    expect(similar.status).toBe(200);
    const similarHtml = await similar.text();
    expect(similarHtml).toContain("Is there already a petition about this?");
    expect(similarHtml).toContain("Keep the minor injuries unit at Eastbrook Community Hospital open at night");
    expect(await count("petitions")).toBe(petitions);

    const started = await postForm("/petitions/new", v, { ...fields(), checked: "yes" });
    expect(started.status).toBe(303);
    expect(started.headers.get("Location")).toBe("/petitions/new/check-email");
    const row = await db.selectFrom("petitions").selectAll().where("petitioner_email", "=", petitioner).executeTakeFirstOrThrow();
    id = row.id;
    expect(row.state).toBe("draft");
    expect(row.petitioner_confirm_hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await auditFor("petition", id)).map((a) => a.action)).toEqual(["started"]);
  });

  it("a draft is visible only to the area's clerks until the petitioner confirms by the emailed link", async () => {
    expect((await page(`/petitions/${id}`)).status).toBe(404);
    expect((await page(`/petitions/${id}`, await sessionFor(s.personIds.link!))).status).toBe(404);
    expect((await page(`/petitions/${id}`, await sessionFor(s.personIds.sv_clerk!))).status).toBe(404);
    expect((await call(`/petitions/${id}`, null)).status).toBe(404);
    expect((await page(`/petitions/${id}`, clerk)).status).toBe(200);

    const token = tokenIn((await latestEmailTo(petitioner, "petition_confirm")).body_text, "/petitions/confirm");
    const v = await visitor();
    const landing = await page(`/petitions/confirm?token=${encodeURIComponent(token)}`);
    expect(landing.status).toBe(200);
    expect(await landing.text()).toContain(">Continue<");
    expect((await petitionRow(id)).state).toBe("draft");

    const confirmed = await postForm("/petitions/confirm", v, { token });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get("Location")).toBe("/petitions/new/confirmed");
    expect((await petitionRow(id)).state).toBe("pending");
    expect((await latestEmailTo("scrutiny@northshire.example", "petition_pending")).body_text).toContain(`/petitions/${id}/moderate`);
    expect((await page(`/petitions/${id}`)).status).toBe(404);
    const queue = await page("/petitions/moderation", clerk);
    expect(await queue.text()).toContain(`/petitions/${id}/moderate`);
  });

  it("the clerk approves it: it opens with the organisation's settings of the day, which later changes do not rewrite", async () => {
    expect(
      (await call(`/organisations/${s.organisationIds.pct}/settings`, adminToken, { method: "PUT", body: orgSettings(3, 5, 10, 30) }))
        .status,
    ).toBe(200);
    const form = await page(`/petitions/${id}/moderate`, clerk);
    expect(form.status).toBe(200);
    const approved = await postForm(`/petitions/${id}/moderate`, clerk, { decision: "approve", closesOn: "" });
    expect(approved.status).toBe(303);
    expect(approved.headers.get("Location")).toBe(`/petitions/${id}`);
    const row = await petitionRow(id);
    expect(row.state).toBe("open");
    expect([row.response_threshold, row.scrutiny_threshold, row.response_working_days]).toEqual([3, 5, 10]);
    expect(row.closes_at).toBe(calendarDayDeadline(new Date(row.opened_at!), 30).dueAt);
    expect(row.moderated_by).toBe(s.personIds.clerk);
    expect((await latestEmailTo(petitioner, "petition_approved")).body_text).toContain(`/petitions/${id}`);

    expect(
      (await call(`/organisations/${s.organisationIds.pct}/settings`, adminToken, { method: "PUT", body: orgSettings(50, 500, 20, 90) }))
        .status,
    ).toBe(200);
    const after = await petitionRow(id);
    expect([after.response_threshold, after.scrutiny_threshold, after.response_working_days]).toEqual([3, 5, 10]);
    expect((await auditFor("petition", id)).map((a) => a.action)).toEqual(["started", "confirm", "approve"]);
  });

  const webSigner = uniqueEmail("web-signer");

  it("the public sign on the web: bad postcodes are refused, and the signature counts only after the emailed link", async () => {
    const v = await visitor(`/petitions/${id}/sign`);
    const before = await dbDigest();
    const bad = await postForm(`/petitions/${id}/sign`, v, {
      name: "Wilma Websigner",
      email: webSigner,
      postcode: "ZZ99 9ZZZ",
      contactConsent: "yes",
    });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain("Enter a real UK postcode, like NR1 1AA");
    expect(badHtml).toContain('value="ZZ99 9ZZZ"');
    expect(await dbDigest()).toBe(before);

    const signed = await postForm(`/petitions/${id}/sign`, v, {
      name: "Wilma Websigner",
      email: webSigner,
      postcode: "nr14 6ab",
      contactConsent: "yes",
    });
    expect(signed.status).toBe(303);
    expect(signed.headers.get("Location")).toBe(`/petitions/${id}/sign/check-email`);
    expect((await page(`/petitions/${id}/sign/check-email`)).status).toBe(200);
    const signature = await db.selectFrom("signatures").selectAll().where("petition_id", "=", id).executeTakeFirstOrThrow();
    expect(signature).toMatchObject({
      state: "pending",
      postcode: "NR14 6AB",
      postcode_district: "NR14",
      contact_consent: 1,
      email_canonical: webSigner,
    });
    expect((await petitionRow(id)).signature_count).toBe(0);

    const token = tokenIn((await latestEmailTo(webSigner, "signature_confirm")).body_text, "/signatures/confirm");
    expect((await page(`/signatures/confirm?token=${encodeURIComponent(token)}`)).status).toBe(200);
    expect((await petitionRow(id)).signature_count).toBe(0);
    const confirmed = await postForm("/signatures/confirm", v, { token });
    expect(confirmed.status).toBe(303);
    expect(confirmed.headers.get("Location")).toBe(`/petitions/${id}`);
    expect((await petitionRow(id)).signature_count).toBe(1);
    const html = await (await page(`/petitions/${id}`)).text();
    expect(html).toContain("1 of 3 signatures needed for a response");
    expect(html).toMatch(/<progress[^>]*max="3"[^>]*value="1"|<progress[^>]*value="1"[^>]*max="3"/);
    expect(html).toContain("NR14");
    expect(html).not.toContain("Wilma");
    expect(html).not.toContain(webSigner);
  });

  const apiSigner = uniqueEmail("api-signer");
  const quietSigner = uniqueEmail("quiet-signer");

  it("reaching the response threshold makes the response owed, with an obligation and a due date, once", async () => {
    await signAndConfirm(id, { email: apiSigner, contactConsent: true, postcode: "NR1 1AA" });
    expect((await petitionRow(id)).response_state).toBe("not_due");
    await signAndConfirm(id, { email: quietSigner, contactConsent: false, postcode: "NR1 2BB" });
    const row = await petitionRow(id);
    expect(row.signature_count).toBe(3);
    expect(row.response_state).toBe("owed");
    expect(row.response_threshold_reached_at).not.toBeNull();
    expect(row.response_due_at).toBe(workingDayDeadline(row.response_threshold_reached_at!, 10).dueAt);
    const obligations = await db.selectFrom("obligations").selectAll().where("petition_id", "=", id).execute();
    expect(obligations).toHaveLength(1);
    expect(obligations[0]).toMatchObject({
      kind: "petition_response",
      state: "open",
      owed_by_organisation_id: s.organisationIds.pct,
      owed_to_organisation_id: s.organisationIds.osc,
      due_at: row.response_due_at,
    });
    expect((await auditFor("petition", id)).filter((a) => a.action === "response_threshold_reached")).toHaveLength(1);
    expect((await latestEmailTo("engagement@nhs-northshire.example", "petition_response_owed")).body_text).toContain(
      `/petitions/${id}/respond`,
    );
    expect(row.scrutiny_state).toBe("none");
  });

  it("an overdue response tops the clerk's dashboard and is flagged in the responder's inbox and the calendar", async () => {
    // Time passes: it opened ten weeks ago and reached the threshold nine weeks ago, so the response is long overdue.
    const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    const reached = ago(63);
    const due = workingDayDeadline(reached, 10).dueAt;
    await db
      .updateTable("petitions")
      .set({ opened_at: ago(70), moderated_at: ago(70), response_threshold_reached_at: reached, response_due_at: due })
      .where("id", "=", id)
      .execute();
    await db.updateTable("obligations").set({ received_at: reached, due_at: due }).where("petition_id", "=", id).execute();

    const res = await call("/petitions/dashboard", clerkToken);
    const body = (await res.json()) as { items: { id: number; status: string; workingDaysOverdue: number | null }[] };
    expect(body.items[0]).toMatchObject({ id, status: "response_overdue" });
    expect(body.items[0]!.workingDaysOverdue).toBeGreaterThan(10);
    const html = await (await page("/petitions/dashboard", clerk)).text();
    const firstRow = /<tbody[\s\S]*?href="\/petitions\/(\d+)"/.exec(html);
    expect(Number(firstRow?.[1])).toBe(id);
    expect(html).toContain("Response overdue");

    const inbox = await (await page("/petitions/inbox", responder)).text();
    expect(inbox).toContain(`/petitions/${id}/respond`);
    expect(inbox).toMatch(/Overdue by \d+ working days/);

    const feed = await call(`/areas/${s.areaIds.northshire}/petition-feeds`, clerkToken, { method: "POST" });
    expect(feed.status).toBe(201);
    const { url } = (await feed.json()) as { url: string };
    const ics = await (await page(new URL(url).pathname)).text();
    expect(ics).toContain(`petition-${id}-response@`);
    expect(ics).toContain(`DTSTART;VALUE=DATE:${londonDate(due).replace(/-/g, "")}`);
  });

  it("the responder previews, then publishes: the obligation is met (late), the petitioner and consenting signers are emailed", async () => {
    expect((await page(`/petitions/${id}/respond`, responder)).status).toBe(200);
    const text =
      "Thank you to everyone who signed.\n\nFrom March the unit will open on Saturdays, 9am to 5pm.\nWe will review Sundays in the summer.";
    const preview = await postForm(`/petitions/${id}/respond`, responder, { text, intent: "preview" });
    expect(preview.status).toBe(200);
    const previewHtml = await preview.text();
    expect(previewHtml).toContain("Check your response before publishing");
    expect(previewHtml).toContain("<p>Thank you to everyone who signed.</p>");
    expect(previewHtml).toContain("From March the unit will open on Saturdays, 9am to 5pm.<br/>We will review Sundays in the summer.");
    const drafted = await petitionRow(id);
    expect(drafted.response_state).toBe("owed");
    expect(drafted.response_draft).toBe(text);
    expect(await db.selectFrom("outbox").select("id").where("category", "=", "petition_response").execute()).toHaveLength(0);

    const published = await postForm(`/petitions/${id}/respond`, responder, { text, intent: "publish" });
    expect(published.status).toBe(303);
    const row = await petitionRow(id);
    expect(row).toMatchObject({ response_state: "responded", response_text: text, response_draft: null, responded_by: s.personIds.pct });
    const obligation = await db.selectFrom("obligations").selectAll().where("petition_id", "=", id).executeTakeFirstOrThrow();
    expect(obligation).toMatchObject({ state: "met", met_late: 1, met_at: row.responded_at });
    expect((await auditFor("obligation", obligation.id)).map((a) => a.action)).toEqual(["meet"]);

    const toSigners = await db
      .selectFrom("outbox")
      .select(["to_email", "dedupe_key", "body_text"])
      .where("category", "=", "petition_response")
      .orderBy("to_email")
      .execute();
    expect(toSigners.map((m) => m.to_email).sort()).toEqual([apiSigner, webSigner].sort());
    expect(toSigners.every((m) => m.body_text.includes("From March the unit will open on Saturdays"))).toBe(true);
    expect(toSigners.map((m) => m.dedupe_key)).toEqual(
      expect.arrayContaining([expect.stringMatching(new RegExp(`^petition-response:${id}:\\d+$`))]),
    );
    const toPetitioner = await latestEmailTo(petitioner, "petition_response_petitioner");
    expect(toPetitioner.body_text).toContain(`/petitions/${id}/refer?token=`);
    const html = await (await page(`/petitions/${id}`)).text();
    expect(html).toContain("Response from NHS Northshire (Primary Care Trust)");
    expect(html).toContain("<p>Thank you to everyone who signed.</p>");

    // A correction replaces the text; nobody is emailed again and the first publication date stays.
    const emails = await count("outbox");
    const amended = await call(`/petitions/${id}/response`, await tokenFor(s.personIds.pct!), {
      method: "PUT",
      body: { text: `${text}\n\nCorrection: the unit opens at 9am.` },
    });
    expect(amended.status).toBe(200);
    expect(((await amended.json()) as { response: { text: string; respondedAt: string } }).response).toEqual({
      text: `${text}\n\nCorrection: the unit opens at 9am.`,
      respondedAt: row.responded_at,
    });
    expect(await count("outbox")).toBe(emails);
    expect((await auditFor("petition", id)).map((a) => a.action).slice(-2)).toEqual(["respond", "amend_response"]);
  });

  it("the petitioner, not satisfied, refers it to the scrutiny committee by the link in the email", async () => {
    const link = (await latestEmailTo(petitioner, "petition_response_petitioner")).body_text;
    const token = tokenIn(link, `/petitions/${id}/refer`);
    const v = await visitor(`/petitions/${id}/refer?token=${encodeURIComponent(token)}`);
    const before = await dbDigest();
    const forged = await postForm(`/petitions/${id}/refer`, v, { token: "x".repeat(32) });
    expect(forged.status).toBe(400);
    expect(await dbDigest()).toBe(before);
    const referred = await postForm(`/petitions/${id}/refer`, v, { token });
    expect(referred.status).toBe(303);
    const row = await petitionRow(id);
    expect(row).toMatchObject({ scrutiny_state: "referred", referral_reason: "dissatisfied" });
    expect((await latestEmailTo("scrutiny@northshire.example", "petition_referred")).body_text).toContain("not satisfied");
  });

  it("the clerk records the committee's consideration; the outcome is published and consenting signers told", async () => {
    expect((await page(`/petitions/${id}/scrutiny`, clerk)).status).toBe(200);
    const today = londonDate(new Date());
    const recorded = await postForm(`/petitions/${id}/scrutiny`, clerk, {
      meetingDate: today,
      decision: "The committee asked NHS Northshire to open on Sundays too.",
      outcome: "NHS Northshire agreed to a six-month trial of Sunday opening.\n\nIt will report to the committee in the autumn.",
    });
    expect(recorded.status).toBe(303);
    expect(await petitionRow(id)).toMatchObject({ scrutiny_state: "considered", osc_meeting_date: today });
    const outcomes = await db.selectFrom("outbox").select("to_email").where("category", "=", "petition_outcome").execute();
    expect(outcomes.map((m) => m.to_email).sort()).toEqual([apiSigner, petitioner, webSigner].sort());
    const html = await (await page(`/petitions/${id}`)).text();
    expect(html).toContain("<p>NHS Northshire agreed to a six-month trial of Sunday opening.</p>");
    expect(html).toContain("Considered by the scrutiny committee");
  });

  it("the scheduled job closes it when the closing date passes, once", async () => {
    const closesAt = (await petitionRow(id)).closes_at!;
    const later = new Date(Date.parse(closesAt) + 60_000);
    const report = await runScheduled(env, later, null);
    expect((report.jobs["petitions.close"] as { closed: number }).closed).toBeGreaterThanOrEqual(1);
    const row = await petitionRow(id);
    expect(row).toMatchObject({ state: "closed", closed_at: closesAt });
    await runScheduled(env, later, null);
    expect((await auditFor("petition", id)).filter((a) => a.action === "close")).toHaveLength(1);
    expect(
      await db.selectFrom("outbox").select("id").where("category", "=", "petition_closed").where("to_email", "=", petitioner).execute(),
    ).toHaveLength(1);
  });

  it("the page tells the whole story, in order, and never names a signer", async () => {
    const res = await call(`/petitions/${id}`, null);
    const p = (await res.json()) as { status: string; timeline: { kind: string }[]; districts: { district: string; signatures: number }[] };
    expect(p.status).toBe("considered");
    expect(p.timeline.map((e) => e.kind)).toEqual([
      "opened",
      "response_threshold_reached",
      "response_due",
      "responded",
      "referred",
      "considered",
      "closed",
    ]);
    expect(p.districts).toEqual([
      { district: "NR1", signatures: 2 },
      { district: "NR14", signatures: 1 },
    ]);
    const text = JSON.stringify(p) + (await (await page(`/petitions/${id}`)).text());
    for (const secret of [webSigner, apiSigner, quietSigner, petitioner, "Wilma", "Sam Signer", "Wendy Weekend"])
      expect(text).not.toContain(secret);
    expect((await auditFor("petition", id)).map((a) => a.action)).toEqual([
      "started",
      "confirm",
      "approve",
      "response_threshold_reached",
      "respond",
      "amend_response",
      "refer",
      "consider",
      "close",
    ]);
  });
});

describe("rejection", () => {
  it("a rejected petition stays visible with its reason and explanation, the petitioner is emailed, and it cannot be signed", async () => {
    const { petitionId, input } = await startAndConfirm(s.organisationIds.hospitals!, {
      title: "Make the hospital car park free for everyone",
    });
    const rejected = await postForm(`/petitions/${petitionId}/moderate`, clerk, {
      decision: "reject",
      reason: "duplicate",
      explanation: "Please sign the petition about free parking for blue badge holders instead.",
    });
    expect(rejected.status).toBe(303);
    expect(await petitionRow(petitionId)).toMatchObject({ state: "rejected", rejection_code: "duplicate", hidden_at: null });
    const html = await (await page(`/petitions/${petitionId}`)).text();
    expect(html).toContain("Make the hospital car park free for everyone");
    expect(html).toContain("There is already a petition about this");
    expect(html).toContain("Please sign the petition about free parking");
    const mail = await latestEmailTo(input.petitionerEmail as string, "petition_rejected");
    expect(mail.body_text).toContain("There is already a petition about this");
    expect(mail.body_text).toContain("Please sign the petition about free parking");

    const before = await dbDigest();
    const signing = await call(`/petitions/${petitionId}/signatures`, null, {
      body: { name: "Too Late", email: uniqueEmail(), postcode: "NR1 1AA", contactConsent: false },
    });
    expect(signing.status).toBe(409);
    expect(((await signing.json()) as { error: { message: string } }).error.message).toContain("not open for signatures");
    expect(await dbDigest()).toBe(before);
    expect(await (await page(`/petitions/${petitionId}/sign`)).text()).toContain("This petition is not open for signatures");
  });

  it("a rejection for legal reasons removes it: the public see only that it was removed and why", async () => {
    const { petitionId, input } = await startAndConfirm(s.organisationIds.pct!, {
      title: "Sack the named doctor at the surgery",
      background: "Details about a named member of staff that must not be published.",
    });
    const errors = await postForm(`/petitions/${petitionId}/moderate`, clerk, { decision: "reject", reason: "", explanation: "" });
    expect(errors.status).toBe(422);
    expect(await errors.text()).toContain("Choose a reason");
    const res = await postForm(`/petitions/${petitionId}/moderate`, clerk, {
      decision: "reject",
      reason: "personal_or_offensive",
      explanation: "It names a member of staff.",
    });
    expect(res.status).toBe(303);
    expect(await petitionRow(petitionId)).toMatchObject({
      state: "hidden",
      rejection_code: "personal_or_offensive",
      hidden_code: "personal_or_offensive",
    });
    const removed = await page(`/petitions/${petitionId}`);
    expect(removed.status).toBe(410);
    const html = await removed.text();
    expect(html).toContain("This petition has been removed");
    expect(html).toContain("It contains personal information, or defamatory or offensive content");
    expect(html).not.toContain("Sack the named doctor");
    expect(html).not.toContain("named member of staff");
    const api = await call(`/petitions/${petitionId}`, null);
    expect(api.status).toBe(410);
    expect(JSON.stringify(await api.json())).not.toContain("Sack the named doctor");
    expect(await (await page(`/petitions/${petitionId}`, clerk)).text()).toContain("Sack the named doctor");
    expect((await latestEmailTo(input.petitionerEmail as string, "petition_rejected")).body_text).toContain("not shown on the website");
    expect((await auditFor("petition", petitionId)).map((a) => a.action)).toEqual(["started", "confirm", "reject_and_hide"]);
  });

  it("removing an open petition that is owed a response withdraws the obligation", async () => {
    const { petitionId } = await startAndConfirm(s.organisationIds.pct!, { title: "Fund more district nurses in the south of the county" });
    expect((await call(`/petitions/${petitionId}/moderation`, clerkToken, { body: { decision: "approve" } })).status).toBe(200);
    await db.updateTable("petitions").set({ response_threshold: 1 }).where("id", "=", petitionId).execute();
    await signAndConfirm(petitionId, { email: uniqueEmail() });
    expect((await petitionRow(petitionId)).response_state).toBe("owed");
    const removed = await postForm(`/petitions/${petitionId}/remove`, clerk, {
      reason: "personal_or_offensive",
      explanation: "A signer's comment quoted in it names a patient.",
    });
    expect(removed.status).toBe(303);
    expect((await petitionRow(petitionId)).state).toBe("hidden");
    const obligation = await db.selectFrom("obligations").selectAll().where("petition_id", "=", petitionId).executeTakeFirstOrThrow();
    expect(obligation.state).toBe("withdrawn");
    expect((await auditFor("obligation", obligation.id)).map((a) => a.action)).toEqual(["withdraw"]);
    expect((await call("/petitions/inbox", await tokenFor(s.personIds.pct!))).ok).toBe(true);
    const inbox = (await (await call("/petitions/inbox", await tokenFor(s.personIds.pct!))).json()) as { owed: { id: number }[] };
    expect(inbox.owed.map((p) => p.id)).not.toContain(petitionId);
  });
});
