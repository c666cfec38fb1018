// Faults: D1 failing in the middle of a multi-statement write leaves nothing half-written. For
// each important write, every statement of its batch in turn is made to fail inside the real
// D1 (after the ones before it have run): the request fails and the database is exactly as
// before. Then, with no fault, the same request does everything (API writes and the erasure
// form). The scheduled handler crashing part-way is finished by the next run, with no alert twice.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureWatches } from "../../worker/alerts/service";
import type { SeedResult } from "../../worker/dev/seed";
import { runScheduled } from "../../worker/scheduled";
import { db, dbDigest, postForm, RecordingSender, seed, tokenFor } from "./helpers";
import { faultyD1, requestWith } from "./faultyD1";
import {
  auditFor,
  latestEmailTo,
  nextIp,
  openPetition,
  petitionRow,
  signAndConfirm,
  startAndConfirm,
  tokenIn,
  uniqueEmail,
  visitor,
} from "./petitionHelpers";

let s: SeedResult;
let clerk: string;
let ben: string;
let tom: string;
let priya: string;
beforeAll(async () => {
  s = await seed();
  [clerk, ben, tom, priya] = await Promise.all([
    tokenFor(s.personIds.clerk!),
    tokenFor(s.personIds.link!),
    tokenFor(s.personIds.trust!),
    tokenFor(s.personIds.pct!),
  ]);
});

/** An API request through a given D1 binding. */
function apiWith(d1: D1Database, path: string, token: string | null, body: unknown, method = "POST") {
  return requestWith(d1, `/api/v1${path}`, {
    method,
    headers: { "CF-Connecting-IP": nextIp(), "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

/**
 * Makes statement 0, 1, 2, ... of the write's batch fail in turn, checking each time that the
 * request failed and nothing changed; stops at the first run the batch was too short to fault,
 * which is the write done for real. Returns that response and how many statements were faulted.
 */
async function failEachStatementThenSucceed(
  send: (d1: D1Database) => Promise<Response>,
  web = false,
): Promise<{ response: Response; faulted: number }> {
  for (let index = 0; index < 100; index++) {
    const before = await dbDigest();
    const fault = faultyD1(env.DB, { index });
    const response = await send(fault.d1);
    if (!fault.injected()) return { response, faulted: index };
    const body = await response.text();
    expect(response.status, `statement ${index} of ${fault.batches[0]} failed: ${body}`).toBe(500);
    // The API answers with a JSON error; a web form with the error page.
    if (web) expect(body).toContain("Sorry, there is a problem with the service");
    else expect(JSON.parse(body)).toMatchObject({ error: { code: "internal_error" } });
    expect(await dbDigest(), `statement ${index} of ${fault.batches[0]} failed, yet something was written`).toBe(before);
  }
  throw new Error("the batch never ran without a fault");
}

describe("a multi-statement write fails as a whole", () => {
  it("signing: the signature, its audit entry and the confirmation email", async () => {
    const { petitionId } = await openPetition(s.organisationIds.pct!, clerk, { title: "Faults: a pharmacy open late" });
    const email = uniqueEmail("faulty-signer");
    const { response, faulted } = await failEachStatementThenSucceed((d1) =>
      apiWith(d1, `/petitions/${petitionId}/signatures`, null, { name: "Fay Ult", email, postcode: "NR1 1AA", contactConsent: false }),
    );
    expect(response.status).toBe(202);
    expect(faulted).toBe(3);
    const [row] = await db.selectFrom("signatures").selectAll().where("petition_id", "=", petitionId).execute();
    expect(row).toMatchObject({ email, state: "pending" });
    expect((await auditFor("signature", row!.id)).map((a) => a.action)).toEqual(["signed"]);
    expect((await latestEmailTo(email)).category).toBe("signature_confirm");
  });

  it("confirming a signature that crosses both thresholds: the count, the stamps, the obligation, their audit entries and emails", async () => {
    const { petitionId } = await openPetition(s.organisationIds.pct!, clerk, { title: "Faults: keep the birth centre" });
    await db.updateTable("petitions").set({ response_threshold: 1, scrutiny_threshold: 1 }).where("id", "=", petitionId).execute();
    const email = uniqueEmail("threshold-signer");
    const signed = await apiWith(env.DB, `/petitions/${petitionId}/signatures`, null, {
      name: "Tess Hold",
      email,
      postcode: "NR2 2BB",
      contactConsent: true,
    });
    expect(signed.status).toBe(202);
    const token = tokenIn((await latestEmailTo(email, "signature_confirm")).body_text, "/signatures/confirm");

    const { response, faulted } = await failEachStatementThenSucceed((d1) => apiWith(d1, "/signatures/confirmation", null, { token }));
    expect(response.status).toBe(200);
    expect(faulted).toBeGreaterThanOrEqual(8);
    const p = await petitionRow(petitionId);
    expect(p).toMatchObject({ signature_count: 1, response_state: "owed", scrutiny_state: "referred", referral_reason: "threshold" });
    const districts = await db
      .selectFrom("petition_districts")
      .select(["district", "signature_count"])
      .where("petition_id", "=", petitionId)
      .execute();
    expect(districts).toEqual([{ district: "NR2", signature_count: 1 }]);
    const obligations = await db
      .selectFrom("obligations")
      .select(["kind", "state", "due_at"])
      .where("petition_id", "=", petitionId)
      .execute();
    expect(obligations).toEqual([{ kind: "petition_response", state: "open", due_at: p.response_due_at }]);
    expect((await auditFor("petition", petitionId)).map((a) => a.action)).toEqual(
      expect.arrayContaining(["response_threshold_reached", "scrutiny_threshold_reached"]),
    );
    const owedMail = await db
      .selectFrom("outbox")
      .select("category")
      .where("dedupe_key", "=", `petition-response-owed:${petitionId}`)
      .execute();
    expect(owedMail).toHaveLength(1);
  });

  it("moderation: the petition's new state, its audit entry and the petitioner's email", async () => {
    const { petitionId, input } = await startAndConfirm(s.organisationIds.pct!, { title: "Faults: a new GP surgery in Eastfield" });
    const { response, faulted } = await failEachStatementThenSucceed((d1) =>
      apiWith(d1, `/petitions/${petitionId}/moderation`, clerk, { decision: "approve" }),
    );
    expect(response.status).toBe(200);
    expect(faulted).toBeGreaterThanOrEqual(3);
    expect((await petitionRow(petitionId)).state).toBe("open");
    expect((await auditFor("petition", petitionId)).filter((a) => a.to_state === "open")).toHaveLength(1);
    expect((await latestEmailTo(input.petitionerEmail as string)).subject).toBe("Your petition is open for signatures");
  });

  it("publishing a response: the response, the obligation met, their audit entries, the petitioner's email and the mailing to signers", async () => {
    const { petitionId, input } = await openPetition(s.organisationIds.pct!, clerk, { title: "Faults: phlebotomy in the village" });
    await db.updateTable("petitions").set({ response_threshold: 1 }).where("id", "=", petitionId).execute();
    const email = uniqueEmail("consenting");
    const signed = await apiWith(env.DB, `/petitions/${petitionId}/signatures`, null, {
      name: "Con Senting",
      email,
      postcode: "NR3 3AB",
      contactConsent: true,
    });
    expect(signed.status, await signed.clone().text()).toBe(202);
    await apiWith(env.DB, "/signatures/confirmation", null, {
      token: tokenIn((await latestEmailTo(email, "signature_confirm")).body_text, "/signatures/confirm"),
    });
    expect((await petitionRow(petitionId)).response_state).toBe("owed");

    const text = "We will run a blood-test clinic in the village hall every Tuesday from next month.";
    const { response, faulted } = await failEachStatementThenSucceed((d1) =>
      apiWith(d1, `/petitions/${petitionId}/response`, priya, { text }, "PUT"),
    );
    expect(response.status, await response.clone().text()).toBe(200);
    expect(faulted).toBeGreaterThanOrEqual(6);
    expect(await petitionRow(petitionId)).toMatchObject({ response_state: "responded", response_text: text });
    const obligation = await db
      .selectFrom("obligations")
      .select(["id", "state"])
      .where("petition_id", "=", petitionId)
      .executeTakeFirstOrThrow();
    expect(obligation.state).toBe("met");
    expect((await auditFor("obligation", obligation.id)).map((a) => a.action)).toContain("meet");
    expect((await latestEmailTo(input.petitionerEmail as string)).category).toBe("petition_response_petitioner");
    expect((await latestEmailTo(email)).category).toBe("petition_response");
  });

  it("clipping a consultation: the record, the clipper's watch and the audit entry (and a retry with the same id makes one)", async () => {
    const clientId = `fault-clip-${Date.now()}`;
    const body = {
      areaId: s.areaIds.northshire,
      organisationId: s.organisationIds.ccg,
      title: "Faults: review of community nursing",
      url: "https://northshire-ccg.example/have-your-say/community-nursing",
      closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      clientId,
    };
    const { response, faulted } = await failEachStatementThenSucceed((d1) => apiWith(d1, "/consultations", ben, body));
    expect(response.status).toBe(201);
    expect(faulted).toBeGreaterThanOrEqual(2);
    const saved = await db.selectFrom("consultations").select("id").where("client_id", "=", clientId).execute();
    expect(saved).toHaveLength(1);
    const watches = await db
      .selectFrom("watches")
      .select("person_id")
      .where("target_kind", "=", "consultation")
      .where("target_id", "=", saved[0]!.id)
      .execute();
    expect(watches).toEqual([{ person_id: s.personIds.link }]);
    expect((await auditFor("consultation", saved[0]!.id)).length).toBeGreaterThanOrEqual(1);
    // Sent again (the extension's retry): the same record.
    const again = await apiWith(env.DB, "/consultations", ben, body);
    expect(again.status).toBe(200);
    expect(await db.selectFrom("consultations").select("id").where("client_id", "=", clientId).execute()).toHaveLength(1);
  });

  it("raising and answering an obligation: the request, its thread, watches, audit entries and emails", async () => {
    const raise = {
      kind: "information_request",
      owedByOrganisationId: s.organisationIds.hospitals,
      owedToOrganisationId: s.organisationIds.link,
      title: "Faults: delayed discharges",
      body: "How many patients each month waited more than a day to leave hospital once they were ready?",
    };
    const raised = await failEachStatementThenSucceed((d1) => apiWith(d1, "/obligations", ben, raise));
    expect(raised.response.status, await raised.response.clone().text()).toBe(201);
    expect(raised.faulted).toBeGreaterThanOrEqual(2);
    const made = await db.selectFrom("obligations").select(["id", "state"]).where("title", "=", raise.title).execute();
    expect(made).toHaveLength(1);
    const id = made[0]!.id;

    const answered = await failEachStatementThenSucceed((d1) =>
      apiWith(d1, `/obligations/${id}/replies`, tom, { body: "The figures are in the attached board paper." }),
    );
    expect(answered.response.status, await answered.response.clone().text()).toBe(200);
    expect(answered.faulted).toBeGreaterThanOrEqual(3);
    expect((await db.selectFrom("obligations").select("state").where("id", "=", id).executeTakeFirstOrThrow()).state).toBe("met");
    const thread = await db.selectFrom("obligation_messages").select("kind").where("obligation_id", "=", id).orderBy("id").execute();
    expect(thread.map((m) => m.kind)).toEqual(["request", "reply"]);
    expect((await auditFor("obligation", id)).map((a) => a.action)).toEqual(expect.arrayContaining(["meet"]));
    const tally = await db
      .selectFrom("obligation_tallies")
      .selectAll()
      .where("organisation_id", "=", s.organisationIds.hospitals!)
      .where("side", "=", "owed_by")
      .executeTakeFirstOrThrow();
    expect(tally.met_on_time + tally.met_late).toBeGreaterThanOrEqual(1);
  });
});

describe("erasing your details fails as a whole", () => {
  it("the emails redacted, the signatures and petition erased, their audit entries and the used link", async () => {
    const email = uniqueEmail("faulty-leaver");
    const { petitionId } = await openPetition(s.organisationIds.pct!, clerk, {
      title: "Faults: a school nurse in every village",
      petitionerEmail: email,
      petitionerName: "Fern Fault",
    });
    await signAndConfirm(petitionId, { name: "Fern Fault", email, postcode: "NR1 1AA" });
    const asking = await visitor("/your-data");
    expect((await postForm("/your-data", asking, { email })).status).toBe(303);
    const token = tokenIn((await latestEmailTo(email, "erasure_confirm")).body_text, "/your-data/remove");

    const v = await visitor("/your-data");
    const { response, faulted } = await failEachStatementThenSucceed(
      (d1) =>
        requestWith(d1, "/your-data/remove", {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: v.cookie, "CF-Connecting-IP": nextIp() },
          body: new URLSearchParams({ _csrf: v.csrf, token }),
          redirect: "manual",
        }),
      true,
    );
    expect(response.status).toBe(303);
    expect(faulted).toBe(8);
    expect(await petitionRow(petitionId)).toMatchObject({ petitioner_name: null, petitioner_email: null });
    expect(await db.selectFrom("signatures").select(["name", "email"]).where("petition_id", "=", petitionId).execute()).toEqual([
      { name: null, email: null },
    ]);
    expect(await db.selectFrom("outbox").select("id").where("to_email", "=", email).execute()).toEqual([]);
    expect(await db.selectFrom("erasure_requests").select("token_hash").where("email", "=", email).execute()).toEqual([]);
  });
});

describe("the scheduled handler crashing part-way", () => {
  it("is finished by the next run, and nobody gets an alert twice", async () => {
    // 60 people watch a consultation closing in 4 days, alerted 2 days before: alerts are written 25 watches a batch.
    const closes = new Date(Date.now() + 4 * 86_400_000).toISOString();
    const at = new Date().toISOString();
    const c = await db
      .insertInto("consultations")
      .values({
        area_id: s.areaIds.northshire!,
        organisation_id: s.organisationIds.pct!,
        title: "Faults: crash in the middle of the alerts",
        closes_at: closes,
        created_at: at,
        updated_at: at,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const people: number[] = [];
    for (let i = 0; i < 60; i++) {
      const row = await db
        .insertInto("people")
        .values({ email: `crash-${i}@example.org`, name: `Crash ${i}`, lead_times: "[2]", created_at: at })
        .returning("id")
        .executeTakeFirstOrThrow();
      people.push(row.id);
    }
    await ensureWatches(
      db,
      env.DB,
      people.map((personId) => ({ personId, target: { kind: "consultation" as const, id: c.id } })),
      new Date(),
    );
    const watchIds = (
      await db.selectFrom("watches").select("id").where("target_kind", "=", "consultation").where("target_id", "=", c.id).execute()
    ).map((w) => w.id);
    expect(watchIds).toHaveLength(60);
    const tick = new Date(Date.now() + 3 * 86_400_000); // the alert for "2 days before" is due by then
    const sender = new RecordingSender();

    // The second batch of alerts fails in its middle (statement 10 of 50): the run goes on to the
    // other jobs and delivers what was written, and the job reports the failure.
    const fault = faultyD1(env.DB, { batchPattern: /update "watches"/i, batchNumber: 2, index: 10 });
    const crashed = await runScheduled({ ...env, DB: fault.d1 }, tick, sender);
    expect(fault.injected()).toBe(true);
    expect(crashed.jobs.alerts).toMatchObject({ error: expect.stringContaining("malformed JSON") });
    const mine = () => sender.sent.filter((m) => m.to.startsWith("crash-"));
    const firstRun = mine().length;
    expect(firstRun).toBeLessThan(60);

    // The next run (and one more) completes the work: each person exactly one alert.
    await runScheduled(env, new Date(tick.getTime() + 15 * 60_000), sender);
    await runScheduled(env, new Date(tick.getTime() + 30 * 60_000), sender);
    const counts = new Map<string, number>();
    for (const m of mine()) counts.set(m.to, (counts.get(m.to) ?? 0) + 1);
    expect(counts.size).toBe(60);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const rows = await db.selectFrom("outbox").select(["dedupe_key", "sent_at"]).where("to_email", "like", "crash-%").execute();
    expect(rows).toHaveLength(60);
    expect(rows.every((r) => r.sent_at !== null)).toBe(true);
  });
});
