// Lists and feeds: public search (JSON, CSV, web), the clerk's dashboard in order of urgency and as CSV,
// the calendar of response due dates, mailings to many signers in chunks, and the closing job.
import { env } from "cloudflare:workers";
import ICAL from "ical.js";
import { beforeAll, describe, expect, it } from "vitest";
import { londonDate } from "../../shared/time";
import { workingDayDeadline } from "../../shared/workingDays";
import type { SeedResult } from "../../worker/dev/seed";
import { runScheduled } from "../../worker/scheduled";
import { db, postForm, seed, sessionFor, tokenFor, type Session } from "./helpers";
import { auditFor, call, openPetition, page, petitionRow, startAndConfirm } from "./petitionHelpers";

let s: SeedResult;
let clerk: Session;
let clerkToken: string;
let pendingId: number;
let hiddenId: number;
beforeAll(async () => {
  s = await seed();
  clerk = await sessionFor(s.personIds.clerk!);
  clerkToken = await tokenFor(s.personIds.clerk!);
  pendingId = (await startAndConfirm(s.organisationIds.pct!, { title: "Pending petition about podiatry waiting lists" })).petitionId;
  hiddenId = (await startAndConfirm(s.organisationIds.pct!, { title: "Hidden petition naming a receptionist" })).petitionId;
  await call(`/petitions/${hiddenId}/moderation`, clerkToken, {
    body: { decision: "reject", reason: "personal_or_offensive", explanation: "It names a member of staff." },
  });
});

interface Page {
  items: { id: number; title: string; areaId: number; organisationId: number; status: string; signatureCount: number }[];
  hasMore: boolean;
}
const list = async (q: string) => (await (await call(`/petitions${q}`, null)).json()) as Page;
const titleOf = (title: string) => db.selectFrom("petitions").select("id").where("title", "=", title).executeTakeFirstOrThrow();

/** Confirmed signatures written directly (as an import would): the triggers count them, nothing stamps thresholds. */
async function importSignatures(petitionId: number, n: number, consent: boolean, tag: string) {
  const statements: D1PreparedStatement[] = [];
  for (let i = 0; i < n; i += 9) {
    const rows = Array.from({ length: Math.min(9, n - i) }, (_, j) => i + j);
    statements.push(
      env.DB.prepare(
        `INSERT INTO signatures (petition_id, name, email, email_canonical, postcode, postcode_district, contact_consent, state, created_at, confirmed_at) VALUES ${rows.map(() => "(?, ?, ?, ?, 'NR1 1AA', 'NR1', ?, 'confirmed', ?, ?)").join(", ")}`,
      ).bind(
        ...rows.flatMap((k) => [
          petitionId,
          `Signer ${k}`,
          `${tag}.${k}@example.net`,
          `${tag}.${k}@example.net`,
          consent ? 1 : 0,
          new Date().toISOString(),
          new Date().toISOString(),
        ]),
      ),
    );
  }
  await env.DB.batch(statements);
}

describe("public browse and search", () => {
  it("lists open, closed and rejected petitions only: never drafts, pending or removed ones", async () => {
    const ids = (await list("?perPage=100")).items.map((p) => p.id);
    expect(ids).not.toContain(pendingId);
    expect(ids).not.toContain(hiddenId);
    const states = await db.selectFrom("petitions").select("state").where("id", "in", ids).execute();
    expect(new Set(states.map((r) => r.state))).toEqual(new Set(["open", "closed", "rejected"]));
    expect(ids).toContain((await titleOf("Sack the council leader")).id);
  });

  it("filters by words, area, organisation and status, and pages", async () => {
    const parking = await titleOf("Free parking for blue badge holders at Northshire General Hospital");
    expect((await list("?q=blue%20BADGE")).items.map((p) => p.id)).toEqual([parking.id]);
    expect((await list("?q=100%25_off")).items).toEqual([]);
    expect(
      (await list(`?organisationId=${s.organisationIds.hospitals}`)).items.every((p) => p.organisationId === s.organisationIds.hospitals),
    ).toBe(true);
    await openPetition(s.organisationIds.sv_pct!, await tokenFor(s.personIds.sv_clerk!), { title: "Southvale needs a second dentist" });
    const southvale = await list(`?areaId=${s.areaIds.southvale}`);
    expect(southvale.items.map((p) => p.title)).toEqual(["Southvale needs a second dentist"]);
    expect((await list("?status=responded")).items.map((p) => p.title)).toEqual(["Bring back the Saturday morning GP clinic in Millbrook"]);
    expect((await list("?status=response_overdue")).items.map((p) => p.status)).toEqual(["response_overdue"]);
    const bySignatures = await list("?sort=signatures&perPage=2");
    expect(bySignatures.items.map((p) => p.signatureCount)).toEqual([212, 140]);
    expect(bySignatures.hasMore).toBe(true);
    const second = await list("?sort=signatures&perPage=2&page=2");
    expect(second.items[0]!.signatureCount).toBeLessThanOrEqual(140);
    expect(second.items.map((p) => p.id)).not.toContain(bySignatures.items[0]!.id);
    const bad = await call("/petitions?status=everything", null);
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields.status).toBe("Choose a status from the list");
  });

  it("gives the same list as CSV, with no names or emails", async () => {
    const json = await list("?perPage=100");
    for (const path of ["/petitions.csv", "/petitions?format=csv"]) {
      const res = await call(path, null);
      expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
      const lines = (await res.text())
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\n");
      expect(lines[0]).toBe(
        "Id,Title,Addressed to,Area,Status,Signatures,Signatures for a response,Signatures for scrutiny,Opened,Closes,Response due,Web address",
      );
      expect(lines).toHaveLength(json.items.length + 1);
      expect(lines.join("\n")).not.toMatch(/@|Margaret|Supporter/);
    }
    const filtered = (await (await call("/petitions.csv?q=parking", null)).text()).trim().split("\n");
    expect(filtered).toHaveLength(2);
    expect(filtered[1]).toContain("Free parking for blue badge holders");
  });

  it("the web page searches without JavaScript, with links to the data", async () => {
    const res = await page("/petitions?q=parking");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Free parking for blue badge holders");
    expect(html).not.toContain("Keep the minor injuries unit");
    expect(html).toContain('href="/api/v1/petitions.csv?q=parking"');
    expect(html).toContain('<form method="get" action="/petitions"');
    const paged = await (await page("/petitions?perPage=1")).text();
    // Next follows the cursor (the page number is kept for the heading).
    expect(paged).toMatch(/href="\/petitions\?page=2&amp;after=[^"]+"/);
  });

  it("suggests similar open petitions in the same area before starting one", async () => {
    const res = await call(
      `/petitions/similar?organisationId=${s.organisationIds.pct}&title=${encodeURIComponent("Save Eastbrook minor injuries")}`,
      null,
    );
    const { items } = (await res.json()) as { items: { title: string }[] };
    expect(items.map((p) => p.title)).toEqual(["Keep the minor injuries unit at Eastbrook Community Hospital open at night"]);
    const other = await call(
      `/petitions/similar?organisationId=${s.organisationIds.sv_pct}&title=${encodeURIComponent("Save Eastbrook minor injuries")}`,
      null,
    );
    expect(((await other.json()) as { items: unknown[] }).items).toEqual([]);
  });
});

describe("the clerk's dashboard", () => {
  it("puts the most urgent first: overdue, owed, referred, waiting to be checked, open, then the rest", async () => {
    const referred = await openPetition(s.organisationIds.hospitals!, clerkToken, { title: "Referred petition about the car park lights" });
    await call(`/petitions/${referred.petitionId}/referral`, clerkToken, { method: "POST" });
    const { items } = (await (await call("/petitions/dashboard?perPage=100", clerkToken)).json()) as Page;
    const rank: Record<string, number> = { response_overdue: 0, response_owed: 1, referred: 2, pending: 3, open: 4 };
    const ranks = items.map((p) => rank[p.status] ?? 5);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(items[0]!.status).toBe("response_overdue");
    expect(items.find((p) => p.status === "referred")?.id).toBe(referred.petitionId);
    expect(items.every((p) => p.areaId === s.areaIds.northshire)).toBe(true);
    const pending = (await (await call("/petitions/dashboard?status=pending", clerkToken)).json()) as Page;
    expect(pending.items.map((p) => p.id)).toEqual([(await titleOf("Open a dementia cafe in every market town")).id, pendingId]);
  });

  it("exports the same order as CSV for committee papers", async () => {
    const { items } = (await (await call("/petitions/dashboard?perPage=100", clerkToken)).json()) as Page;
    const res = await page("/petitions/dashboard.csv", clerk);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Disposition")).toContain("petitions-dashboard.csv");
    const lines = (await res.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n");
    expect(lines[0]).toBe(
      "Id,Title,Addressed to,Area,Status,Signatures,Response threshold reached,Response due,Working days overdue,Responded,Referred to scrutiny,Closes,Web address",
    );
    expect(lines.slice(1).map((l) => Number(l.split(",")[0]))).toEqual(items.map((p) => p.id));
    expect(lines.join("\n")).not.toMatch(/@/);
    expect(lines[1]).toMatch(/,Response overdue,140,\d{4}-\d{2}-\d{2},\d{4}-\d{2}-\d{2},\d+,/);
  });

  it("the web dashboard filters without JavaScript", async () => {
    const html = await (await page(`/petitions/dashboard?status=pending`, clerk)).text();
    expect(html).toContain("Pending petition about podiatry waiting lists");
    expect(html).not.toContain("Free parking for blue badge holders");
  });
});

describe("the calendar of response due dates", () => {
  it("is a private address, stored only as a hash, that Outlook and Google can subscribe to, and can be turned off", async () => {
    const created = await postForm(`/petitions/areas/${s.areaIds.northshire}/feeds`, clerk, {});
    expect(created.status).toBe(200);
    const html = await created.text();
    const url = /class="app-feed-url">([^<]+)</.exec(html)?.[1];
    expect(url).toMatch(/^https:\/\/tracker\.test\/feeds\/petitions\/[A-Za-z0-9_-]{32}\.ics$/);
    const token = /\/feeds\/petitions\/([^.]+)\.ics/.exec(url!)![1]!;
    const stored = await db.selectFrom("feed_tokens").selectAll().orderBy("id", "desc").executeTakeFirstOrThrow();
    expect(stored.organisation_id).toBe(s.organisationIds.osc);
    expect(stored.token_hash).not.toContain(token);
    expect(JSON.stringify(await db.selectFrom("feed_tokens").selectAll().execute())).not.toContain(token);
    expect(await (await page("/petitions/dashboard", clerk)).text()).not.toContain(token);

    const feed = await page(new URL(url!).pathname);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const calendar = new ICAL.Component(ICAL.parse(await feed.text()));
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const night = await db
      .selectFrom("petitions")
      .selectAll()
      .where("title", "like", "Keep the minor injuries unit%")
      .executeTakeFirstOrThrow();
    const event = events.find((e) => e.uid === `petition-${night.id}-response@health-involvement-tracker`);
    expect(event?.startDate.isDate).toBe(true);
    expect(event?.startDate.toString()).toBe(londonDate(night.response_due_at!));
    expect(event?.summary).toContain("OVERDUE: Response due: Keep the minor injuries unit");

    const revoked = await postForm(`/petitions/feeds/${stored.id}/revoke`, clerk, {});
    expect(revoked.status).toBe(303);
    expect((await page(new URL(url!).pathname)).status).toBe(404);
    expect((await page("/feeds/petitions/not-a-real-token-at-all-xxxx.ics")).status).toBe(404);
  });
});

describe("mailings to signers", () => {
  it("writes one email per consenting signer in chunks of 100, finished by the scheduled job, never twice", async () => {
    const { petitionId } = await openPetition(s.organisationIds.pct!, clerkToken, { title: "Hearing aid batteries at every GP surgery" });
    await importSignatures(petitionId, 650, true, `keen${petitionId}`);
    await importSignatures(petitionId, 30, false, `quiet${petitionId}`);
    expect((await petitionRow(petitionId)).signature_count).toBe(680);
    const res = await call(`/petitions/${petitionId}/response`, await tokenFor(s.personIds.pct!), {
      method: "PUT",
      body: { text: "We will stock batteries at every surgery from next month." },
    });
    expect(res.status).toBe(200);
    const sent = () =>
      db.selectFrom("outbox").select(["to_email", "dedupe_key"]).where("dedupe_key", "like", `petition-response:${petitionId}:%`).execute();
    expect(await sent()).toHaveLength(500);
    const mailing = () => db.selectFrom("petition_mailings").selectAll().where("petition_id", "=", petitionId).executeTakeFirstOrThrow();
    expect((await mailing()).completed_at).toBeNull();

    await runScheduled(env, new Date(), null);
    const all = await sent();
    expect(all).toHaveLength(650);
    expect(new Set(all.map((m) => m.to_email)).size).toBe(650);
    expect(all.every((m) => m.to_email.startsWith(`keen${petitionId}.`))).toBe(true);
    expect((await mailing()).completed_at).not.toBeNull();
    await runScheduled(env, new Date(), null);
    expect(await sent()).toHaveLength(650);
  });
});

describe("closing petitions", () => {
  it("closes only petitions past their closing time, and starts the response clock at closing when the threshold was reached without it", async () => {
    const expired = await openPetition(s.organisationIds.pct!, clerkToken, { title: "A late-night pharmacy in the town centre" });
    const running = await openPetition(s.organisationIds.pct!, clerkToken, { title: "Sunday opening for the town's blood test clinic" });
    const closesAt = new Date(Date.now() - 3_600_000).toISOString();
    await db.updateTable("petitions").set({ closes_at: closesAt, response_threshold: 5 }).where("id", "=", expired.petitionId).execute();
    await importSignatures(expired.petitionId, 5, false, `imported${expired.petitionId}`);
    expect(await petitionRow(expired.petitionId)).toMatchObject({
      signature_count: 5,
      response_state: "not_due",
      response_threshold_reached_at: null,
    });

    const report = await runScheduled(env, new Date(), null);
    expect(report.jobs["petitions.close"]).toEqual({ closed: 1 });
    const row = await petitionRow(expired.petitionId);
    expect(row).toMatchObject({ state: "closed", closed_at: closesAt, response_state: "owed", response_threshold_reached_at: closesAt });
    expect(row.response_due_at).toBe(workingDayDeadline(closesAt, row.response_working_days!).dueAt);
    expect(await db.selectFrom("obligations").select(["due_at", "state"]).where("petition_id", "=", expired.petitionId).execute()).toEqual([
      { due_at: row.response_due_at, state: "open" },
    ]);
    expect((await auditFor("petition", expired.petitionId)).map((a) => [a.action, a.actor_label])).toEqual([
      ["started", "petitioner"],
      ["confirm", "petitioner"],
      ["approve", "Alice Morgan"],
      ["response_threshold_reached", "system"],
      ["close", "system"],
    ]);
    expect((await petitionRow(running.petitionId)).state).toBe("open");
    expect((await runScheduled(env, new Date(), null)).jobs["petitions.close"]).toEqual({ closed: 0 });
  });
});

describe("demo data", () => {
  it("has an obligation for every petition whose response threshold was reached", async () => {
    const reached = await db
      .selectFrom("petitions")
      .select(["id", "response_state", "response_due_at"])
      .where("response_threshold_reached_at", "is not", null)
      .where("title", "in", [
        "Keep the minor injuries unit at Eastbrook Community Hospital open at night",
        "Bring back the Saturday morning GP clinic in Millbrook",
      ])
      .execute();
    expect(reached).toHaveLength(2);
    for (const p of reached) {
      const o = await db.selectFrom("obligations").selectAll().where("petition_id", "=", p.id).executeTakeFirstOrThrow();
      expect(o.due_at).toBe(p.response_due_at);
      expect(o.state).toBe(p.response_state === "responded" ? "met" : "open");
    }
  });
});
