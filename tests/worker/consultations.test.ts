// Consultations: one record per canonical address per area, who may add them, status when read,
// the outcome ("you said, we did") and the flag when it is overdue, and the public pages.
import { beforeAll, describe, expect, it } from "vitest";
import { consultationStatus } from "../../shared/consultations/rules";
import type { SeedResult } from "../../worker/dev/seed";
import { api, count, db, dbDigest, postForm, request, seed, sessionFor, tokenFor } from "./helpers";

type Saved = {
  consultation: { id: number; status: string; canonicalUrl: string; webUrl: string; outcomeOverdue: boolean; outcome: unknown };
  created: boolean;
  watching: boolean;
};

let s: SeedResult;
let ben: string;
beforeAll(async () => {
  s = await seed();
  ben = await tokenFor(s.personIds.link!);
});

const DAY = 86_400_000;
const clip = (over: Record<string, unknown> = {}) => ({
  areaId: s.areaIds.northshire,
  organisationId: s.organisationIds.ccg,
  title: "Community pharmacy opening hours",
  closesAt: new Date(Date.now() + 30 * DAY).toISOString(),
  ...over,
});
const watchers = async (id: number) =>
  (
    await db
      .selectFrom("watches")
      .select("person_id")
      .where("target_kind", "=", "consultation")
      .where("target_id", "=", id)
      .orderBy("person_id")
      .execute()
  ).map((w) => w.person_id);

describe("one record per page per area", () => {
  it("returns the existing record for every variant of the address, and makes each clipper watch it", async () => {
    const first = await api("/consultations", ben, {
      body: clip({ url: "https://www.Northshire-CCG.example/Have-Your-Say/Pharmacy/?utm_source=newsletter&utm_medium=email#top" }),
    });
    expect(first.status).toBe(201);
    const saved = (await first.json()) as Saved;
    expect(saved).toMatchObject({ created: true, watching: true });
    expect(saved.consultation.canonicalUrl).toBe("https://northshire-ccg.example/Have-Your-Say/Pharmacy");
    const before = await count("consultations");

    const variants = [
      "http://northshire-ccg.example/Have-Your-Say/Pharmacy",
      "HTTPS://NORTHSHIRE-CCG.EXAMPLE/Have-Your-Say/Pharmacy/",
      "https://northshire-ccg.example:443/Have-Your-Say/Pharmacy?utm_campaign=spring&fbclid=abc",
    ];
    for (const url of variants) {
      const res = await api("/consultations", ben, { body: clip({ url, title: "Another title" }) });
      expect(res.status, url).toBe(200);
      const again = (await res.json()) as Saved;
      expect(again).toMatchObject({ created: false, watching: true });
      expect(again.consultation.id).toBe(saved.consultation.id);
    }
    // Someone else clipping it (for their own organisation) is now watching it too.
    const priya = await tokenFor(s.personIds.pct!);
    const theirs = await api("/consultations", priya, { body: clip({ url: variants[1] }) });
    expect(theirs.status).toBe(200);
    expect(await count("consultations")).toBe(before);
    expect(await watchers(saved.consultation.id)).toEqual([s.personIds.link, s.personIds.pct].sort((a, b) => a! - b!));

    const lookup = await api(
      `/consultations/lookup?url=${encodeURIComponent("http://www.northshire-ccg.example/Have-Your-Say/Pharmacy/?utm_term=x")}`,
      ben,
    );
    expect(lookup.status).toBe(200);
    expect(await lookup.json()).toMatchObject({ watching: true, consultation: { id: saved.consultation.id } });
    const anonymous = await api(`/consultations/lookup?url=${encodeURIComponent(variants[0]!)}`, null);
    expect(await anonymous.json()).toMatchObject({ watching: false, consultation: { id: saved.consultation.id } });
    expect((await api(`/consultations/lookup?url=${encodeURIComponent("https://northshire-ccg.example/other")}`, ben)).status).toBe(404);
    expect((await api("/consultations/lookup?url=javascript:alert(1)", ben)).status).toBe(422);
  });

  it("keeps a record per area: the same page in another area is another record", async () => {
    const url = "https://regional-trust.example/consultations/stroke";
    expect((await api("/consultations", ben, { body: clip({ url }) })).status).toBe(201);
    const grace = await tokenFor(s.personIds.sv_link!);
    const south = await api("/consultations", grace, {
      body: clip({ url, areaId: s.areaIds.southvale, organisationId: s.organisationIds.sv_pct }),
    });
    expect(south.status).toBe(201);
  });

  it("saves once when the same clip is sent several times at once, or retried with its clientId", async () => {
    const before = await count("consultations");
    const url = "https://northshire-hospitals.example/consult/outpatients";
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        api("/consultations", ben, {
          body: clip({ url: i % 2 ? `${url}/` : `${url}?utm_source=x${i}`, organisationId: s.organisationIds.hospitals }),
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(await count("consultations")).toBe(before + 1);

    const body = clip({ clientId: "clip-7f3a9c21-retry", title: "Saved offline", url: undefined });
    const once = await api("/consultations", ben, { body });
    const twice = await api("/consultations", ben, { body: { ...body, title: "Saved offline, edited" } });
    expect([once.status, twice.status]).toEqual([201, 200]);
    expect(((await twice.json()) as Saved).consultation.id).toBe(((await once.json()) as Saved).consultation.id);
    expect(await count("consultations")).toBe(before + 2);
    const audits = await db
      .selectFrom("audit_log")
      .select("id")
      .where("entity", "=", "consultation")
      .where("action", "=", "created")
      .where("details", "like", "%Saved offline%")
      .execute();
    expect(audits.length).toBe(1);
  });
});

describe("who may add a consultation", () => {
  it("lets responders add their own organisation's, and LINk members any in their area", async () => {
    const priya = await tokenFor(s.personIds.pct!);
    const tom = await tokenFor(s.personIds.trust!);
    const grace = await tokenFor(s.personIds.sv_link!);
    const before = await dbDigest();
    expect(
      (await api("/consultations", priya, { body: clip({ organisationId: s.organisationIds.hospitals, title: "Not mine" }) })).status,
    ).toBe(403);
    expect((await api("/consultations", grace, { body: clip({ title: "Wrong area" }) })).status).toBe(403);
    expect((await api("/consultations", null, { body: clip() })).status).toBe(401);
    const mismatch = await api("/consultations", ben, { body: clip({ organisationId: s.organisationIds.sv_pct }) });
    expect(mismatch.status).toBe(422);
    expect(((await mismatch.json()) as { error: { fields: Record<string, string> } }).error.fields).toEqual({
      organisationId: "Choose an organisation in this area",
    });
    expect(await dbDigest()).toBe(before);
    expect(
      (await api("/consultations", tom, { body: clip({ organisationId: s.organisationIds.hospitals, title: "Outpatient letters" }) }))
        .status,
    ).toBe(201);
  });
});

describe("status is computed when read", () => {
  it("is closing soon a minute before closing and closed a minute after", async () => {
    const now = Date.now();
    const make = async (title: string, closesAt: number, opensAt = now - 10 * DAY) =>
      (
        (await (
          await api("/consultations", ben, {
            body: clip({ title, closesAt: new Date(closesAt).toISOString(), opensAt: new Date(opensAt).toISOString() }),
          })
        ).json()) as Saved
      ).consultation.id;
    const ids = {
      beforeClose: await make("Boundary: a minute to go", now + 60_000),
      afterClose: await make("Boundary: closed a minute ago", now - 60_000),
      open: await make("Boundary: weeks to go", now + 20 * DAY),
      upcoming: await make("Boundary: opens tomorrow", now + 20 * DAY, now + DAY),
    };
    const statuses = await Promise.all(
      Object.values(ids).map(async (id) => ((await (await api(`/consultations/${id}`, null)).json()) as { status: string }).status),
    );
    expect(statuses).toEqual(["closing_soon", "closed", "open", "upcoming"]);
    const soon = await api(`/consultations?areaId=${s.areaIds.northshire}&status=closing_soon&perPage=100`, null);
    const soonIds = ((await soon.json()) as { items: { id: number }[] }).items.map((i) => i.id);
    expect(soonIds).toContain(ids.beforeClose);
    expect(soonIds).not.toContain(ids.afterClose);
  });

  it("stores a closing time typed on the web in London time, either side of the clock change", async () => {
    const session = await sessionFor(s.personIds.link!);
    const save = async (title: string, closesDate: string) => {
      const res = await postForm("/consultations", session, {
        organisationId: String(s.organisationIds.pct),
        title,
        closesDate,
        closesTime: "23:59",
      });
      expect(res.status, title).toBe(303);
      return db.selectFrom("consultations").selectAll().where("title", "=", title).executeTakeFirstOrThrow();
    };
    const gmt = await save("Clock change: Saturday", "2026-03-28");
    const bst = await save("Clock change: Sunday", "2026-03-29");
    expect(gmt.closes_at).toBe("2026-03-28T23:59:00.000Z");
    expect(bst.closes_at).toBe("2026-03-29T22:59:00.000Z");
    const minute = 60_000;
    expect(consultationStatus(bst, new Date(Date.parse(bst.closes_at!) - minute))).toBe("closing_soon");
    expect(consultationStatus(bst, new Date(Date.parse(bst.closes_at!) + minute))).toBe("closed");
    // 23:30 UTC on the Sunday is already past its 11:59pm BST closing.
    expect(consultationStatus(bst, new Date("2026-03-29T23:30:00.000Z"))).toBe("closed");
  });
});

describe("outcomes: you said, we did", () => {
  const outcome = {
    said: "Most of 300 people wanted evening opening.",
    decided: "Two pharmacies will open until 9pm.",
    changed: "Evening opening in Eastbrook and Millbrook from May.",
  };

  it("is published by the organisation running it once it has closed, and watchers are told once", async () => {
    const priya = await tokenFor(s.personIds.pct!);
    const open = (
      (await (
        await api("/consultations", priya, { body: clip({ organisationId: s.organisationIds.pct, title: "Outcome: still open" }) })
      ).json()) as Saved
    ).consultation.id;
    const stillOpen = await api(`/consultations/${open}/outcome`, priya, { body: outcome });
    expect(stillOpen.status).toBe(409);
    expect(((await stillOpen.json()) as { error: { message: string } }).error.message).toMatch(/still open/);

    const closedAt = new Date(Date.now() - 3 * DAY).toISOString();
    const closed = (
      (await (
        await api("/consultations", priya, {
          body: clip({
            organisationId: s.organisationIds.pct,
            title: "Outcome: closed",
            opensAt: new Date(Date.now() - 30 * DAY).toISOString(),
            closesAt: closedAt,
          }),
        })
      ).json()) as Saved
    ).consultation.id;
    await api("/watches", ben, { body: { targetKind: "consultation", targetId: closed } });
    expect((await api(`/consultations/${closed}/outcome`, ben, { body: outcome })).status).toBe(403);
    const published = await api(`/consultations/${closed}/outcome`, priya, { body: outcome });
    expect(published.status).toBe(200);
    expect(await published.json()).toMatchObject({
      status: "outcome_published",
      outcomeOverdue: false,
      outcome: { ...outcome, publishedAt: expect.any(String) },
    });
    const amended = await api(`/consultations/${closed}/outcome`, priya, {
      body: { ...outcome, changed: "Evening opening in three towns." },
    });
    expect(amended.status).toBe(200);
    const emails = await db
      .selectFrom("outbox")
      .select(["to_email", "subject"])
      .where("category", "=", "outcome")
      .where("dedupe_key", "like", `outcome:${closed}:%`)
      .orderBy("to_email")
      .execute();
    expect(emails).toEqual([
      { to_email: "engagement@nhs-northshire.example", subject: "You said, we did: Outcome: closed" },
      { to_email: "volunteer@northshire.example", subject: "You said, we did: Outcome: closed" },
    ]);
    const page = await (await request(`/consultations/${closed}`)).text();
    expect(page).toContain("What people said");
    expect(page).toContain("Evening opening in three towns.");
  });

  it("is flagged overdue after the area's configurable number of weeks, on the API and the public list", async () => {
    // Seeded: the mental health review closed 110 days ago with no outcome (15 weeks; the default is 12).
    const list = await api(`/consultations?areaId=${s.areaIds.northshire}&status=outcome_overdue`, null);
    const items = ((await list.json()) as { items: { title: string; outcomeOverdue: boolean }[] }).items;
    expect(items.map((i) => i.title)).toContain("Review of community mental health services");
    expect(items.every((i) => i.outcomeOverdue)).toBe(true);
    const html = await (await request("/consultations?area=northshire")).text();
    expect(html).toContain("Outcome overdue: closed 15 weeks ago, no outcome published");

    const admin = await tokenFor(s.personIds.admin!);
    const settings = (await (await api(`/areas/${s.areaIds.northshire}/settings`, admin)).json()) as Record<string, number>;
    expect(
      (await api(`/areas/${s.areaIds.northshire}/settings`, admin, { method: "PUT", body: { ...settings, outcomeOverdueWeeks: 20 } }))
        .status,
    ).toBe(200);
    const after = await api(`/consultations?areaId=${s.areaIds.northshire}&status=outcome_overdue`, null);
    expect(((await after.json()) as { items: { title: string }[] }).items.map((i) => i.title)).not.toContain(
      "Review of community mental health services",
    );
    await api(`/areas/${s.areaIds.northshire}/settings`, admin, { method: "PUT", body: settings });
  });
});

describe("editing", () => {
  it("changes the details it is given, and refuses an empty change or dates the wrong way round", async () => {
    const id = ((await (await api("/consultations", ben, { body: clip({ title: "Editable" }) })).json()) as Saved).consultation.id;
    const empty = await api(`/consultations/${id}`, ben, { method: "PATCH", body: {} });
    expect(empty.status).toBe(422);
    const backwards = await api(`/consultations/${id}`, ben, {
      method: "PATCH",
      body: { opensAt: new Date(Date.now() + 60 * DAY).toISOString() },
    });
    expect(backwards.status).toBe(422);
    expect(((await backwards.json()) as { error: { fields: Record<string, string> } }).error.fields).toEqual({
      closesAt: "The closing date must be after the opening date",
    });
    const ok = await api(`/consultations/${id}`, ben, {
      method: "PATCH",
      body: { title: "Edited", stage: "procurement", method: "survey" },
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ title: "Edited", stage: "procurement", method: "survey" });
    const tom = await tokenFor(s.personIds.trust!);
    expect((await api(`/consultations/${id}`, tom, { method: "PATCH", body: { title: "Not theirs" } })).status).toBe(403);
    const audit = await db
      .selectFrom("audit_log")
      .select(["action", "details"])
      .where("entity", "=", "consultation")
      .where("entity_id", "=", id)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["created", "edited"]);
  });
});

describe("public pages", () => {
  it("lists consultations and shows one to anonymous visitors, with search", async () => {
    const list = await request("/consultations?area=northshire");
    expect(list.status).toBe(200);
    const html = await list.text();
    expect(html).toContain("Shaping the future of urgent care in Northshire");
    expect(html).toContain("Stroke rehabilitation: where should services be based?");
    expect(html).not.toContain("Add a consultation");
    const search = await (await request("/consultations?area=northshire&q=stroke")).text();
    expect(search).toContain("Stroke rehabilitation");
    expect(search).not.toContain("Maternity services survey");
    const stroke = await db.selectFrom("consultations").select("id").where("title", "like", "Stroke%").executeTakeFirstOrThrow();
    const page = await (await request(`/consultations/${stroke.id}`)).text();
    expect(page).toContain("A free shuttle bus will run between the two sites");
    expect(page).not.toContain("Sign in</a> to be");
    const idOf = async (title: string) =>
      (await db.selectFrom("consultations").select("id").where("title", "=", title).executeTakeFirstOrThrow()).id;
    const open = await (await request(`/consultations/${await idOf("Shaping the future of urgent care in Northshire")}`)).text();
    expect(open).toContain("Sign in</a> to be reminded before it closes.");
    const closed = await (await request(`/consultations/${await idOf("Review of community mental health services")}`)).text();
    expect(closed).toContain("Sign in</a> to be told when the outcome is published.");
    expect(closed).toContain("Outcome overdue: closed 15 weeks ago, no outcome published");
  });

  it("adds one from the web form, and shows the existing one when it is already tracked", async () => {
    const session = await sessionFor(s.personIds.link!);
    const fields = {
      organisationId: String(s.organisationIds.hospitals),
      title: "Ward visiting times",
      url: "https://northshire-hospitals.example/visiting?utm_source=poster",
      closesDate: "2030-01-31",
    };
    const res = await postForm("/consultations", session, fields);
    expect(res.status).toBe(303);
    const again = await postForm("/consultations", session, { ...fields, url: "https://northshire-hospitals.example/visiting/" });
    expect(again.headers.get("Location")).toBe(res.headers.get("Location"));
    const bad = await postForm("/consultations", session, { ...fields, title: "", closesDate: "2030-02-30" });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain("There is a problem");
    expect(html).toContain('href="#title"');
    expect(html).toContain('href="#closesDate"');
  });
});

describe("withdrawing, reinstating, and the LINk's response", () => {
  it("withdraws a consultation with a reason, stopping reminders, and reinstates it", async () => {
    const saved = (await (
      await api("/consultations", ben, {
        body: clip({ title: "Not really a consultation", url: "https://northshire-ccg.example/news/annual-report" }),
      })
    ).json()) as Saved;
    const id = saved.consultation.id;
    const next = async () =>
      (
        await db
          .selectFrom("watches")
          .select("next_alert_at")
          .where("target_kind", "=", "consultation")
          .where("target_id", "=", id)
          .executeTakeFirstOrThrow()
      ).next_alert_at;
    expect(await next()).not.toBeNull();
    const tom = await tokenFor(s.personIds.trust!);
    expect((await api(`/consultations/${id}/withdraw`, tom, { body: { reason: "Not ours" } })).status).toBe(403);
    expect((await api(`/consultations/${id}/withdraw`, ben, { body: {} })).status).toBe(422);
    const withdrawn = await api(`/consultations/${id}/withdraw`, ben, { body: { reason: "It is the annual report, not a consultation." } });
    expect(withdrawn.status).toBe(200);
    expect(((await withdrawn.json()) as { status: string }).status).toBe("withdrawn");
    expect(await next()).toBeNull();
    expect((await api(`/consultations/${id}/withdraw`, ben, { body: { reason: "Again" } })).status).toBe(409);
    const current = (
      (await (await api(`/consultations?areaId=${s.areaIds.northshire}&status=current&perPage=100`, null)).json()) as {
        items: { id: number }[];
      }
    ).items;
    expect(current.map((c) => c.id)).not.toContain(id);

    const reinstated = await api(`/consultations/${id}/reinstate`, ben, { method: "POST" });
    expect(reinstated.status).toBe(200);
    expect(await next()).not.toBeNull();
    const audit = await db
      .selectFrom("audit_log")
      .select(["action", "details"])
      .where("entity", "=", "consultation")
      .where("entity_id", "=", id)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["created", "withdraw", "reinstate"]);
    expect(JSON.parse(audit[1]!.details)).toEqual({ reason: "It is the annual report, not a consultation." });
  });

  it("records the date the LINk responded, for LINk members only", async () => {
    const urgent = await db
      .selectFrom("consultations")
      .select("id")
      .where("title", "=", "Shaping the future of urgent care in Northshire")
      .executeTakeFirstOrThrow();
    const priya = await tokenFor(s.personIds.pct!);
    expect((await api(`/consultations/${urgent.id}/link-response`, priya, { body: { respondedOn: "2026-06-01" } })).status).toBe(403);
    const future = await api(`/consultations/${urgent.id}/link-response`, ben, { body: { respondedOn: "2099-06-01" } });
    expect(future.status).toBe(422);
    const ok = await api(`/consultations/${urgent.id}/link-response`, ben, { body: { respondedOn: "2026-06-01" } });
    expect(ok.status).toBe(200);
    // Noon London on 1 June 2026 (BST).
    expect(((await ok.json()) as { linkRespondedAt: string }).linkRespondedAt).toBe("2026-06-01T11:00:00.000Z");

    const session = await sessionFor(s.personIds.link!);
    const page = await (await request(`/consultations/${urgent.id}`, { headers: { Cookie: session.cookie } })).text();
    expect(page).toContain("LINk responded");
    const bad = await postForm(`/consultations/${urgent.id}/withdraw`, session, { reason: "" });
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('href="#reason"');
  });
});
