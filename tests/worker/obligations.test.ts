// Statutory requests: due dates from the working-day rules (over bank holidays), who may raise and answer,
// replies that meet them on time or late, the thread and timeline both sides see, and the overdue stamp.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { workingDayDeadline } from "../../shared/workingDays";
import type { SeedResult } from "../../worker/dev/seed";
import type { EmailMessage, EmailSender } from "../../worker/email/sender";
import { runScheduled } from "../../worker/scheduled";
import { api, db, dbDigest, postForm, request, seed, sessionFor, tokenFor } from "./helpers";

type Detail = {
  obligation: {
    id: number;
    status: string;
    state: string;
    dueAt: string;
    dueDate: string;
    metLate: boolean | null;
    owedBy: { name: string };
  };
  messages: { kind: string; body: string; links: { title: string; url: string }[]; authorOrganisationName: string | null }[];
  timeline: { who: string; what: string }[];
};
type Saved = { obligation: Detail["obligation"]; created: boolean };

let s: SeedResult;
let ben: string;
let tom: string;
let priya: string;
beforeAll(async () => {
  s = await seed();
  [ben, tom, priya] = await Promise.all([tokenFor(s.personIds.link!), tokenFor(s.personIds.trust!), tokenFor(s.personIds.pct!)]);
});

const request_ = (over: Record<string, unknown> = {}) => ({
  kind: "information_request",
  owedByOrganisationId: s.organisationIds.hospitals,
  owedToOrganisationId: s.organisationIds.link,
  title: "Cancelled operations",
  body: "How many operations were cancelled on the day in each month of the last year?",
  ...over,
});
const raise = async (token: string, over: Record<string, unknown> = {}) => {
  const res = await api("/obligations", token, { body: request_(over) });
  return { status: res.status, body: (await res.json()) as Saved & { error?: { fields?: Record<string, string> } } };
};

describe("due dates", () => {
  it("count 20 working days after receipt, skipping Christmas and New Year bank holidays", async () => {
    // Received Monday 15 December 2025. Without holidays the 20th working day would be Monday 12 January;
    // 25 and 26 December and 1 January push it to Thursday 15 January 2026, due by the end of that day (GMT).
    const { status, body } = await raise(ben, {
      receivedOn: "2025-12-15",
      title: "Winter pressures",
      owedByOrganisationId: s.organisationIds.pct,
    });
    expect(status).toBe(201);
    expect(body.obligation).toMatchObject({ dueDate: "2026-01-15", dueAt: "2026-01-15T23:59:59.999Z", status: "overdue" });
  });

  it("use the area's period for each kind, and default to today's receipt", async () => {
    const admin = await tokenFor(s.personIds.admin!);
    const settings = (await (await api(`/areas/${s.areaIds.northshire}/settings`, admin)).json()) as Record<string, number>;
    await api(`/areas/${s.areaIds.northshire}/settings`, admin, { method: "PUT", body: { ...settings, referralWorkingDays: 5 } });
    // Tuesday 23 December 2025 + 5 working days: 24, 29, 30, 31 December, then (1 January a holiday) Friday 2 January.
    const referral = await raise(ben, {
      kind: "osc_referral",
      owedByOrganisationId: s.organisationIds.osc,
      receivedOn: "2025-12-23",
      title: "Referral: stroke beds",
    });
    expect(referral.status).toBe(201);
    expect(referral.body.obligation.dueDate).toBe("2026-01-02");
    await api(`/areas/${s.areaIds.northshire}/settings`, admin, { method: "PUT", body: settings });

    const today = await raise(ben, { title: "Asked today" });
    const expected = workingDayDeadline(new Date(), 20);
    expect(today.body.obligation.dueAt).toBe(expected.dueAt);
    expect(today.body.obligation.status).toBe("open");
  });

  it("for a scrutiny committee's consultation response, is the date the consulting body set", async () => {
    const alice = await tokenFor(s.personIds.clerk!);
    const body = {
      kind: "osc_consultation_response",
      owedByOrganisationId: s.organisationIds.osc,
      owedToOrganisationId: s.organisationIds.ccg,
      title: "Stroke services consultation",
      body: "The CCG consults the committee.",
    };
    const missing = await api("/obligations", alice, { body });
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty("dueDate");
    const ok = await api("/obligations", alice, { body: { ...body, dueDate: "2027-07-01" } });
    expect(ok.status).toBe(201);
    // 1 July 2027 is in British Summer Time: the end of the day is 22:59:59.999 UTC.
    expect(((await ok.json()) as Saved).obligation.dueAt).toBe("2027-07-01T22:59:59.999Z");
  });

  it("refuses a receipt date in the future", async () => {
    const { status, body } = await raise(ben, { receivedOn: "2099-01-05" });
    expect(status).toBe(422);
    expect(body.error!.fields).toEqual({ receivedOn: "The date it was received cannot be in the future" });
  });
});

describe("who may raise what", () => {
  it("lets a LINk member raise for their LINk, to the right kind of body in the same area, and no one else", async () => {
    const [alice, grace] = await Promise.all([tokenFor(s.personIds.clerk!), tokenFor(s.personIds.sv_link!)]);
    const before = await dbDigest();
    const wrongBody = await raise(ben, { owedByOrganisationId: s.organisationIds.osc });
    expect(wrongBody.status).toBe(422);
    expect(Object.keys(wrongBody.body.error!.fields!)).toEqual(["owedByOrganisationId"]);
    expect((await raise(ben, { kind: "osc_referral", owedByOrganisationId: s.organisationIds.pct })).status).toBe(422);
    expect((await raise(ben, { owedToOrganisationId: s.organisationIds.ccg })).status).toBe(422);
    expect((await raise(ben, { owedByOrganisationId: s.organisationIds.sv_pct })).status).toBe(422);
    expect((await raise(priya)).status).toBe(403);
    expect((await raise(alice)).status).toBe(403);
    expect((await raise(grace)).status).toBe(403);
    expect((await raise(ben, { links: [{ title: "Bad", url: "javascript:alert(1)" }] })).body.error!.fields).toHaveProperty([
      "links.0.url",
    ]);
    expect(await dbDigest()).toBe(before);
  });

  it("raises once per clientId, telling the owing organisation and making both sides watch it", async () => {
    const body = request_({ clientId: "req-4c1d2e3f-once", title: "Discharge delays" });
    const first = await api("/obligations", ben, { body });
    const second = await api("/obligations", ben, { body });
    expect([first.status, second.status]).toEqual([201, 200]);
    const id = ((await first.json()) as Saved).obligation.id;
    expect(((await second.json()) as Saved).obligation.id).toBe(id);
    const messages = await db.selectFrom("obligation_messages").select("kind").where("obligation_id", "=", id).execute();
    expect(messages).toEqual([{ kind: "request" }]);
    const watchers = await db
      .selectFrom("watches")
      .select("person_id")
      .where("target_kind", "=", "obligation")
      .where("target_id", "=", id)
      .orderBy("person_id")
      .execute();
    expect(watchers.map((w) => w.person_id).sort()).toEqual([s.personIds.link, s.personIds.trust].sort());
    const told = await db.selectFrom("outbox").select(["to_email", "subject"]).where("dedupe_key", "like", `raised:${id}:%`).execute();
    // Tom answers for the trust, and the trust's own address is his: one email.
    expect(told).toEqual([
      {
        to_email: "pals@northshire-hospitals.example",
        subject: "Request for information for Northshire Hospitals NHS Trust: Discharge delays",
      },
    ]);
  });
});

describe("answering", () => {
  it("lets the owing organisation reply, meeting the request on time, and both sides see the thread and timeline", async () => {
    const { body } = await raise(ben, { title: "Nurse staffing on ward 7" });
    const id = body.obligation.id;
    expect((await api(`/obligations/${id}`, priya)).status).toBe(403);
    expect((await api(`/obligations/${id}`, await tokenFor(s.personIds.sv_clerk!))).status).toBe(403);
    expect((await api(`/obligations/${id}`, await tokenFor(s.personIds.clerk!))).status).toBe(200);

    expect((await api(`/obligations/${id}/replies`, ben, { body: { body: "Answering my own request" } })).status).toBe(403);
    expect((await api(`/obligations/${id}/replies`, priya, { body: { body: "Not ours to answer" } })).status).toBe(403);
    const reply = await api(`/obligations/${id}/replies`, tom, {
      body: {
        body: "Staffing figures attached.",
        links: [{ title: "Ward 7 staffing, 2025", url: "https://northshire-hospitals.example/docs/ward7.pdf" }],
      },
    });
    expect(reply.status).toBe(200);
    const detail = (await reply.json()) as Detail;
    expect(detail.obligation).toMatchObject({ state: "met", status: "met", metLate: false });
    expect(detail.messages.map((m) => [m.kind, m.authorOrganisationName])).toEqual([
      ["request", "Northshire LINk"],
      ["reply", "Northshire Hospitals NHS Trust"],
    ]);
    expect(detail.messages[1]!.links).toEqual([
      { title: "Ward 7 staffing, 2025", url: "https://northshire-hospitals.example/docs/ward7.pdf" },
    ]);
    expect(detail.timeline.map((t) => [t.who, t.what])).toEqual([
      ["Ben Okafor", "Raised"],
      ["Tom Fletcher", "Answered, on time"],
    ]);
    // The LINk's view is the same thread, and the raiser was told.
    const seen = (await (await api(`/obligations/${id}`, ben)).json()) as Detail;
    expect(seen.messages.length).toBe(2);
    expect(
      await db.selectFrom("outbox").select("subject").where("dedupe_key", "=", `answered:${id}:${s.personIds.link}`).execute(),
    ).toEqual([{ subject: "Answered: Nurse staffing on ward 7" }]);
    const again = await api(`/obligations/${id}/replies`, tom, { body: { body: "Another" } });
    expect(again.status).toBe(409);
    // Watchers get no more reminders for an answered request.
    const next = await db
      .selectFrom("watches")
      .select("next_alert_at")
      .where("target_kind", "=", "obligation")
      .where("target_id", "=", id)
      .execute();
    expect(next.every((w) => w.next_alert_at === null)).toBe(true);
  });

  it("records a reply after the due date as late, and counts it on the clock", async () => {
    const { body } = await raise(ben, { receivedOn: "2025-12-15", title: "Late one", owedByOrganisationId: s.organisationIds.pct });
    const before = ((await (await api(`/organisations/${s.organisationIds.pct}/clock`, priya)).json()) as { counts: { metLate: number } })
      .counts.metLate;
    const reply = await api(`/obligations/${body.obligation.id}/replies`, priya, { body: { body: "Sorry for the delay." } });
    expect(((await reply.json()) as Detail).obligation).toMatchObject({ status: "met", metLate: true });
    const after = ((await (await api(`/organisations/${s.organisationIds.pct}/clock`, priya)).json()) as { counts: { metLate: number } })
      .counts.metLate;
    expect(after).toBe(before + 1);
  });

  it("lets the raising side add notes and withdraw, saying why; the owing side cannot", async () => {
    const { body } = await raise(ben, { title: "To be withdrawn" });
    const id = body.obligation.id;
    expect((await api(`/obligations/${id}/notes`, tom, { body: { body: "A note from the trust" } })).status).toBe(403);
    expect((await api(`/obligations/${id}/notes`, ben, { body: { body: "We sent a reminder by phone." } })).status).toBe(201);
    expect((await api(`/obligations/${id}/withdraw`, tom, { body: { reason: "Nope" } })).status).toBe(403);
    const withdrawn = await api(`/obligations/${id}/withdraw`, ben, { body: { reason: "The trust published the figures." } });
    expect(withdrawn.status).toBe(200);
    const detail = (await withdrawn.json()) as Detail;
    expect(detail.obligation.status).toBe("withdrawn");
    expect(detail.timeline.map((t) => t.what)).toEqual(["Raised", "Added a note", "Withdrawn: The trust published the figures."]);
    expect((await api(`/obligations/${id}/withdraw`, ben, { body: { reason: "Again" } })).status).toBe(409);
    expect((await api(`/obligations/${id}/replies`, tom, { body: { body: "Too late" } })).status).toBe(409);
  });
});

describe("the scheduled handler moves requests on", () => {
  it("stamps an open request overdue once, with a timeline entry, and tells the people who must answer", async () => {
    const { body } = await raise(ben, { receivedOn: "2025-12-15", title: "Overdue one", owedByOrganisationId: s.organisationIds.ccg });
    const id = body.obligation.id;
    const sender: EmailSender & { sent: EmailMessage[] } = {
      sent: [],
      async send(m) {
        this.sent.push(m);
      },
    };
    const first = await runScheduled(env, new Date(), sender);
    expect(first.jobs["obligations-overdue"]).toMatchObject({ overdue: expect.any(Number) });
    await runScheduled(env, new Date(), sender);
    const row = await db.selectFrom("obligations").select("overdue_at").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.overdue_at).not.toBeNull();
    const detail = (await (await api(`/obligations/${id}`, ben)).json()) as Detail;
    expect(detail.timeline).toEqual([
      { at: expect.any(String), who: "Ben Okafor", what: "Raised" },
      { at: expect.any(String), who: "The tracker", what: "Passed its due date without an answer" },
    ]);
    expect(sender.sent.filter((m) => m.subject === "Overdue: Overdue one").map((m) => m.to)).toEqual(["engagement@nhs-northshire.example"]);
  });
});

describe("web pages, without JavaScript", () => {
  it("raise a request in two steps, list it, and show its thread with a reply form to the owing side", async () => {
    const session = await sessionFor(s.personIds.link!);
    const choose = await request("/obligations/new", { headers: { Cookie: session.cookie } });
    expect(await choose.text()).toContain("What do you want to raise?");
    const form = await request("/obligations/new?kind=report", { headers: { Cookie: session.cookie } });
    const html = await form.text();
    expect(html).toContain("Report or recommendation");
    expect(html).toContain('name="owedToOrganisationId" value="' + s.organisationIds.link + '"');
    expect(html).not.toContain("Northshire Health Overview and Scrutiny Committee (Overview"); // a report goes to commissioners and providers

    const fields = {
      kind: "report",
      owedToOrganisationId: String(s.organisationIds.link),
      owedByOrganisationId: String(s.organisationIds.hospitals),
      title: "Enter and view: A&E",
      body: "Our findings.",
    };
    const bad = await postForm("/obligations", session, { ...fields, title: "", "links.1.title": "Findings", "links.1.url": "not a link" });
    expect(bad.status).toBe(422);
    const badHtml = await bad.text();
    expect(badHtml).toContain('href="#title"');
    expect(badHtml).toContain('href="#links-1-url"');
    const ok = await postForm("/obligations", session, {
      ...fields,
      "links.0.title": "Findings",
      "links.0.url": "https://link.example/ae.pdf",
    });
    expect(ok.status).toBe(303);
    const location = ok.headers.get("Location")!;
    expect(location).toMatch(/^\/obligations\/\d+$/);

    const list = await (await request("/obligations", { headers: { Cookie: session.cookie } })).text();
    expect(list).toContain("Enter and view: A&amp;E");
    const linkView = await (await request(location, { headers: { Cookie: session.cookie } })).text();
    expect(linkView).toContain("Our findings.");
    expect(linkView).toContain('href="https://link.example/ae.pdf"');
    expect(linkView).not.toContain("Send reply");
    expect(linkView).toContain("Withdraw this request");

    const trust = await sessionFor(s.personIds.trust!);
    const trustView = await (await request(location, { headers: { Cookie: trust.cookie } })).text();
    expect(trustView).toContain("Send reply");
    expect(trustView).not.toContain("Withdraw this request");
    const replied = await postForm(`${location}/reply`, trust, { body: "Thank you. We accept recommendations 1 to 4." });
    expect(replied.status).toBe(303);
    expect(await (await request(location, { headers: { Cookie: trust.cookie } })).text()).toContain("We accept recommendations 1 to 4.");
  });
});

describe("the scheduled handler, with many requests overdue at once", () => {
  it("stamps each once, with one audit entry each, over several batches and runs", async () => {
    const sender: EmailSender & { sent: EmailMessage[] } = {
      sent: [],
      async send(m) {
        this.sent.push(m);
      },
    };
    await runScheduled(env, new Date(), sender); // anything overdue from earlier tests
    const ids: number[] = [];
    for (let i = 0; i < 30; i++) {
      const { body } = await raise(ben, {
        receivedOn: "2025-11-03",
        title: `Overdue in a crowd ${i}`,
        owedByOrganisationId: i % 2 ? s.organisationIds.ccg : s.organisationIds.pct,
      });
      ids.push(body.obligation.id);
    }
    const first = await runScheduled(env, new Date(), sender);
    expect(first.jobs["obligations-overdue"]).toEqual({ overdue: 30 });
    const second = await runScheduled(env, new Date(), sender);
    expect(second.jobs["obligations-overdue"]).toEqual({ overdue: 0 });
    const stamped = await db.selectFrom("obligations").select("id").where("id", "in", ids).where("overdue_at", "is not", null).execute();
    expect(stamped).toHaveLength(30);
    const audits = await db
      .selectFrom("audit_log")
      .select("entity_id")
      .where("entity", "=", "obligation")
      .where("action", "=", "became_overdue")
      .where("entity_id", "in", ids)
      .execute();
    expect(audits.map((a) => Number(a.entity_id)).sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
  });
});
