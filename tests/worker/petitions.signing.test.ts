// Signing: one signature per person, counted only after the email link, exact under concurrency,
// rate-limited per IP and per email, with hashed (never raw) IP addresses stored.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { hmac } from "../../worker/platform/crypto";
import type { SeedResult } from "../../worker/dev/seed";
import { LIMITS } from "../../worker/petitions/service";
import { db, dbDigest, request, seed, tokenFor } from "./helpers";
import {
  auditFor,
  call,
  confirmByToken,
  latestEmailTo,
  openPetition,
  petitionRow,
  sign,
  signAndConfirm,
  tokenIn,
  uniqueEmail,
  visitor,
} from "./petitionHelpers";

let s: SeedResult;
let clerkToken: string;
beforeAll(async () => {
  s = await seed();
  clerkToken = await tokenFor(s.personIds.clerk!);
});

const signatureRows = (petitionId: number) => db.selectFrom("signatures").selectAll().where("petition_id", "=", petitionId).execute();

describe("one signature per person", () => {
  it("the same Gmail address written differently is one signer; signing again re-sends the link and never counts twice", async () => {
    const { petitionId } = await openPetition(s.organisationIds.pct!, clerkToken, { title: "A defibrillator in every village hall" });
    expect((await sign(petitionId, { name: "Jo Bloggs", email: "Jo.Bloggs+petition@gmail.com" })).status).toBe(202);
    const first = tokenIn((await latestEmailTo("jo.bloggs+petition@gmail.com", "signature_confirm")).body_text, "/signatures/confirm");
    expect((await sign(petitionId, { name: "Jo Bloggs", email: "jobloggs@googlemail.com", postcode: "NR2 3DB" })).status).toBe(202);
    const rows = await signatureRows(petitionId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      email_canonical: "jobloggs@gmail.com",
      email: "jobloggs@googlemail.com",
      postcode: "NR2 3DB",
      postcode_district: "NR2",
      state: "pending",
    });
    const second = tokenIn((await latestEmailTo("jobloggs@googlemail.com", "signature_confirm")).body_text, "/signatures/confirm");
    expect(second).not.toBe(first);

    // The replaced link no longer works; the newest does, once.
    const stale = await confirmByToken(first);
    expect(stale.status).toBe(422);
    expect((await petitionRow(petitionId)).signature_count).toBe(0);
    expect((await (await confirmByToken(second)).json()) as { alreadyConfirmed: boolean; signatureCount: number }).toEqual({
      petitionId,
      signatureCount: 1,
      alreadyConfirmed: false,
    });
    expect((await (await confirmByToken(second)).json()) as { alreadyConfirmed: boolean }).toMatchObject({
      alreadyConfirmed: true,
      signatureCount: 1,
    });

    // Signing once more: told it is already counted; no link, no second row, no second count.
    expect((await sign(petitionId, { name: "Jo Bloggs", email: "JOBLOGGS@gmail.com" })).status).toBe(202);
    const told = await latestEmailTo("jobloggs@gmail.com", "petition_already_signed");
    expect(told.body_text).not.toContain("/signatures/confirm");
    expect(await signatureRows(petitionId)).toHaveLength(1);
    expect((await petitionRow(petitionId)).signature_count).toBe(1);
    const audit = await auditFor("signature", rows[0]!.id);
    expect(audit.map((a) => a.action)).toEqual(["signed", "confirmation_resent", "confirm"]);
    for (const a of audit) expect(a.details).not.toMatch(/@|Bloggs|NR2/);
  });

  it("stores a keyed hash of the IP address, never the address", async () => {
    const { petitionId } = await openPetition(s.organisationIds.pct!, clerkToken, {
      title: "Longer visiting hours on the children's ward",
    });
    expect((await sign(petitionId, { email: uniqueEmail() }, "203.0.113.77")).status).toBe(202);
    const [row] = await signatureRows(petitionId);
    expect(row!.ip_hash).toBe((await hmac(env.APP_SECRET!, "ip:203.0.113.77")).slice(0, 22));
    const everything =
      JSON.stringify(await db.selectFrom("signatures").selectAll().execute()) +
      JSON.stringify(await db.selectFrom("rate_limits").selectAll().execute());
    expect(everything).not.toContain("203.0.113.77");
  });

  it("refuses bad details with the field named, writing nothing", async () => {
    const { petitionId } = await openPetition(s.organisationIds.pct!, clerkToken, { title: "Bring back the mobile breast screening unit" });
    const before = await dbDigest();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ name: "", email: "a@example.org", postcode: "NR1 1AA" }, "name", "Enter your name"],
      [
        { name: "Al Smith", email: "not-an-email", postcode: "NR1 1AA" },
        "email",
        "Enter an email address in the correct format, like name@example.com",
      ],
      [{ name: "Al Smith", email: "a@example.org", postcode: "12345" }, "postcode", "Enter a real UK postcode, like NR1 1AA"],
      [{ name: "Al Smith", email: "a@example.org" }, "postcode", "Enter your postcode"],
      [
        { name: "Al Smith", email: "a@example.org", postcode: "NR1 1AA", contactConsent: "maybe" },
        "contactConsent",
        "contactConsent must be true or false",
      ],
    ];
    for (const [body, field, message] of cases) {
      const res = await call(`/petitions/${petitionId}/signatures`, null, { body });
      expect(res.status, field).toBe(422);
      expect(((await res.json()) as { error: { fields: Record<string, string> } }).error.fields[field]).toBe(message);
    }
    expect(await dbDigest()).toBe(before);
  });
});

describe("abuse limits", () => {
  it("limits signing per email address, with a clear 429 and Retry-After; bad input does not use up the limit", async () => {
    const { petitionId } = await openPetition(s.organisationIds.pct!, clerkToken, { title: "Free flu jabs for carers at the pharmacy" });
    const email = uniqueEmail("eager");
    for (let i = 0; i < LIMITS.signEmail.max + 2; i++) {
      expect(
        (await call(`/petitions/${petitionId}/signatures`, null, { body: { name: "Eager Signer", email, postcode: "nope" } })).status,
      ).toBe(422);
    }
    for (let i = 0; i < LIMITS.signEmail.max; i++) expect((await sign(petitionId, { email })).status).toBe(202);
    const before = await dbDigest();
    const limited = await sign(petitionId, { email });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(Number(limited.headers.get("Retry-After"))).toBeLessThanOrEqual(LIMITS.signEmail.windowSeconds);
    expect(((await limited.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: "rate_limited",
      message: expect.stringMatching(/^Too many signatures with this email address from here\. Please try again in \d+ minutes\.$/),
    });
    expect(await dbDigest()).toBe(before);
  });

  it("limits signing per IP address, on the web with a 429 page", async () => {
    const { petitionId } = await openPetition(s.organisationIds.pct!, clerkToken, { title: "A bench at every bus stop near the hospital" });
    const ip = "192.0.2.200";
    for (let i = 0; i < LIMITS.signIp.max; i++) expect((await sign(petitionId, { email: uniqueEmail("crowd") }, ip)).status).toBe(202);
    const v = await visitor(`/petitions/${petitionId}/sign`);
    const body = new URLSearchParams({ _csrf: v.csrf, name: "One Too Many", email: uniqueEmail("late"), postcode: "NR1 1AA" });
    const res = await request(`/petitions/${petitionId}/sign`, {
      method: "POST",
      headers: { Cookie: v.cookie, "Content-Type": "application/x-www-form-urlencoded", "CF-Connecting-IP": ip },
      body,
      redirect: "manual",
    });
    expect(res.status).toBe(429);
    expect(res.headers.get("Retry-After")).toMatch(/^\d+$/);
    const html = await res.text();
    expect(html).toContain("Please wait a moment");
    expect(html).toContain("Too many signatures from here.");
  });

  it("does not let requests refused for their address use up someone's email allowance", async () => {
    const { petitionId } = await openPetition(s.organisationIds.pct!, clerkToken, { title: "Longer opening hours at the walk-in centre" });
    const busy = "192.0.2.201";
    for (let i = 0; i < LIMITS.signIp.max; i++) expect((await sign(petitionId, { email: uniqueEmail("busy") }, busy)).status).toBe(202);
    // Someone at the busy address keeps sending another person's email address: each is refused.
    const victim = uniqueEmail("victim");
    for (let i = 0; i < LIMITS.signEmail.max + 2; i++) expect((await sign(petitionId, { email: victim }, busy)).status).toBe(429);
    // From their own address, that person can still sign.
    expect((await sign(petitionId, { email: victim }, "198.51.100.7")).status).toBe(202);
  });

  it("limits starting petitions per email address", async () => {
    const email = uniqueEmail("prolific");
    const start = (i: number) =>
      call("/petitions", null, {
        body: {
          organisationId: s.organisationIds.pct,
          title: `Petition number ${i} about the clinic`,
          action: "Please do something about it now.",
          background: "Because it matters a great deal to us all.",
          petitionerName: "Pat Prolific",
          petitionerEmail: email,
        },
      });
    for (let i = 0; i < LIMITS.startEmail.max; i++) expect((await start(i)).status).toBe(202);
    const limited = await start(99);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("Retry-After")).toMatch(/^\d+$/);
  });
});

describe("counts are exact", () => {
  it("many people signing and confirming at once (with duplicate clicks) are each counted exactly once", async () => {
    const { petitionId } = await openPetition(s.organisationIds.pct!, clerkToken, { title: "Keep Northshire's community hospitals open" });
    await db.updateTable("petitions").set({ response_threshold: 150, scrutiny_threshold: 180 }).where("id", "=", petitionId).execute();
    const districts = ["NR1 1AA", "NR2 2BB", "NR3 3HH", "IP22 4DD", "NR14 5EE"];
    const signers = Array.from({ length: 200 }, (_, i) => ({
      name: `Crowd ${i}`,
      email: `crowd.${i}.${petitionId}@example.net`,
      postcode: districts[i % districts.length]!,
      contactConsent: i % 2 === 0,
    }));
    const signed = await Promise.all(signers.map((x, i) => sign(petitionId, x, `100.64.${Math.floor(i / 200)}.${i % 200}`)));
    expect(signed.map((r) => r.status)).toEqual(signers.map(() => 202));
    // Someone double-clicks "Sign": still one row.
    const doubled = await Promise.all(Array.from({ length: 3 }, () => sign(petitionId, signers[0]!)));
    expect(doubled.every((r) => r.status === 202)).toBe(true);
    expect(await signatureRows(petitionId)).toHaveLength(200);

    const tokens = await Promise.all(
      signers.map(async (x) => tokenIn((await latestEmailTo(x.email, "signature_confirm")).body_text, "/signatures/confirm")),
    );
    const confirmations = await Promise.all([...tokens, ...tokens].map((t) => confirmByToken(t)));
    expect(confirmations.map((r) => r.status)).toEqual(confirmations.map(() => 200));
    const bodies = (await Promise.all(confirmations.map((r) => r.json()))) as { alreadyConfirmed: boolean }[];
    expect(bodies.filter((b) => !b.alreadyConfirmed)).toHaveLength(200);

    const row = await petitionRow(petitionId);
    const confirmed = await db
      .selectFrom("signatures")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("petition_id", "=", petitionId)
      .where("state", "=", "confirmed")
      .executeTakeFirstOrThrow();
    const byDistrict = await db
      .selectFrom("petition_districts")
      .select(["district", "signature_count"])
      .where("petition_id", "=", petitionId)
      .orderBy("district")
      .execute();
    expect(row.signature_count).toBe(200);
    expect(Number(confirmed.n)).toBe(200);
    expect(byDistrict).toEqual([
      { district: "IP22", signature_count: 40 },
      { district: "NR1", signature_count: 40 },
      { district: "NR14", signature_count: 40 },
      { district: "NR2", signature_count: 40 },
      { district: "NR3", signature_count: 40 },
    ]);
    // Both thresholds were crossed in the crowd: each stamped, obliged and audited exactly once.
    expect(row).toMatchObject({ response_state: "owed", scrutiny_state: "referred", referral_reason: "threshold" });
    expect(await db.selectFrom("obligations").select("id").where("petition_id", "=", petitionId).execute()).toHaveLength(1);
    const audit = await auditFor("petition", petitionId);
    expect(audit.filter((a) => a.action === "response_threshold_reached")).toHaveLength(1);
    expect(audit.filter((a) => a.action === "scrutiny_threshold_reached")).toHaveLength(1);
    const confirmAudits = await db
      .selectFrom("audit_log")
      .select("id")
      .where("entity", "=", "signature")
      .where("action", "=", "confirm")
      .where("details", "like", `%"petitionId":${petitionId}%`)
      .execute();
    expect(confirmAudits).toHaveLength(200);
    expect(
      await db.selectFrom("outbox").select("id").where("dedupe_key", "=", `petition-response-owed:${petitionId}`).execute(),
    ).toHaveLength(1);
  });

  it("a signature confirmed after the petition closed is not counted", async () => {
    const { petitionId } = await openPetition(s.organisationIds.pct!, clerkToken, { title: "Extend the evening GP hub to Fridays" });
    const email = uniqueEmail("late");
    expect((await sign(petitionId, { email })).status).toBe(202);
    await signAndConfirm(petitionId, { email: uniqueEmail("early") });
    await db
      .updateTable("petitions")
      .set({ closes_at: new Date(Date.now() - 60_000).toISOString() })
      .where("id", "=", petitionId)
      .execute();
    const token = tokenIn((await latestEmailTo(email, "signature_confirm")).body_text, "/signatures/confirm");
    const before = await dbDigest();
    const res = await confirmByToken(token);
    expect(res.status).toBe(409);
    const v = await visitor();
    const body = new URLSearchParams({ _csrf: v.csrf, token });
    const web = await request("/signatures/confirm", {
      method: "POST",
      headers: { Cookie: v.cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body,
      redirect: "manual",
    });
    expect(web.status).toBe(409);
    expect(await web.text()).toContain("This petition has closed");
    expect(await dbDigest()).toBe(before);
    expect((await petitionRow(petitionId)).signature_count).toBe(1);
  });
});
