// The area clock for each role, its CSV, and calendar feeds that a real iCalendar parser reads back
// with Europe/London times; feed addresses are secret, revocable, and stored only as hashes.
import ICAL from "ical.js";
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { londonDate } from "../../shared/time";
import { ensureWatches } from "../../worker/alerts/service";
import { sha256 } from "../../worker/platform/crypto";
import type { SeedResult } from "../../worker/dev/seed";
import { api, db, postForm, request, seed, sessionFor, tokenFor } from "./helpers";

type Clock = {
  organisation: { name: string };
  counts: { overdue: number; dueThisWeek: number; metLate: number; metOnTime: number };
  items: {
    key: string;
    type: string;
    title: string;
    deadlineAt: string;
    overdue: boolean;
    owedBy: string;
    owedTo: string | null;
    allDay: boolean;
  }[];
};

let s: SeedResult;
beforeAll(async () => {
  s = await seed();
});

describe("the area clock", () => {
  it("shows a LINk everything open it is owed, soonest first, with its counts", async () => {
    const ben = await tokenFor(s.personIds.link!);
    const res = await api(`/organisations/${s.organisationIds.link}/clock`, ben);
    expect(res.status).toBe(200);
    const clock = (await res.json()) as Clock;
    expect(clock.organisation.name).toBe("Northshire LINk");
    const titles = clock.items.map((i) => i.title);
    expect([...titles].sort()).toEqual([
      "Enter and view report: Ward 7 (older people's care)",
      "Maternity services survey 2026",
      "Shaping the future of urgent care in Northshire",
      "Waiting times for wheelchair assessments",
    ]);
    expect(clock.items.map((i) => i.deadlineAt)).toEqual([...clock.items.map((i) => i.deadlineAt)].sort());
    expect(clock.items[0]).toMatchObject({
      title: "Waiting times for wheelchair assessments",
      overdue: true,
      owedBy: "NHS Northshire (Primary Care Trust)",
      owedTo: "Northshire LINk",
      allDay: true,
    });
    // The area's consultations the LINk has not yet responded to: the survey closes tomorrow.
    expect(clock.items[1]).toMatchObject({
      title: "Maternity services survey 2026",
      type: "consultation_closes",
      owedBy: "Northshire LINk",
      owedTo: "Northshire Hospitals NHS Trust",
      allDay: false,
    });
    // The referral the committee answered on time (seeded as met) is counted by the database's tallies.
    expect(clock.counts).toEqual({ overdue: 1, dueThisWeek: 1, metLate: 0, metOnTime: 1 });
  });

  it("takes a consultation off the LINk's clock once the LINk has responded to it", async () => {
    const ben = await tokenFor(s.personIds.link!);
    const survey = await db
      .selectFrom("consultations")
      .select("id")
      .where("title", "=", "Shaping the future of urgent care in Northshire")
      .executeTakeFirstOrThrow();
    const titles = async () =>
      ((await (await api(`/organisations/${s.organisationIds.link}/clock`, ben)).json()) as Clock).items.map((i) => i.title);
    expect(await titles()).toContain("Shaping the future of urgent care in Northshire");
    expect((await api(`/consultations/${survey.id}/link-response`, ben, { body: { respondedOn: londonDate(new Date()) } })).status).toBe(
      200,
    );
    expect(await titles()).not.toContain("Shaping the future of urgent care in Northshire");
    // It is still on the clock of the PCT that runs it.
    const priya = await tokenFor(s.personIds.pct!);
    const pct = (await (await api(`/organisations/${s.organisationIds.pct}/clock`, priya)).json()) as Clock;
    expect(pct.items.map((i) => i.title)).toContain("Shaping the future of urgent care in Northshire");
  });

  it("shows a consulting body its closing consultations and the outcomes it owes", async () => {
    const priya = await tokenFor(s.personIds.pct!);
    const clock = (await (await api(`/organisations/${s.organisationIds.pct}/clock`, priya)).json()) as Clock;
    const byTitle = new Map(clock.items.map((i) => [i.title, i]));
    expect(byTitle.get("Shaping the future of urgent care in Northshire")).toMatchObject({ type: "consultation_closes", overdue: false });
    expect(byTitle.get("Review of community mental health services")).toMatchObject({ type: "outcome_due", overdue: true });
    expect(byTitle.has("Stroke rehabilitation: where should services be based?")).toBe(false);
    expect(clock.counts.overdue).toBeGreaterThanOrEqual(2);
  });

  it("is only for the organisation's people, and for the area's clerks and administrators", async () => {
    const tom = await tokenFor(s.personIds.trust!);
    const grace = await tokenFor(s.personIds.sv_link!);
    const alice = await tokenFor(s.personIds.clerk!);
    expect((await api(`/organisations/${s.organisationIds.link}/clock`, tom)).status).toBe(403);
    expect((await api(`/organisations/${s.organisationIds.link}/clock`, grace)).status).toBe(403);
    expect((await api(`/organisations/${s.organisationIds.link}/clock`, alice)).status).toBe(200);
    expect((await api(`/organisations/${s.organisationIds.link}/clock`, null)).status).toBe(401);

    const ben = await sessionFor(s.personIds.link!);
    const clerk = await sessionFor(s.personIds.clerk!);
    expect((await request("/clock/areas/northshire", { headers: { Cookie: ben.cookie } })).status).toBe(403);
    const area = await request("/clock/areas/northshire", { headers: { Cookie: clerk.cookie } });
    expect(area.status).toBe(200);
    const html = await area.text();
    expect(html).toContain("Waiting times for wheelchair assessments");
    expect(html).toContain("Response to petition: Keep the minor injuries unit");
  });

  it("takes each person to their organisation's clock page, which downloads as CSV without personal details", async () => {
    const ben = await sessionFor(s.personIds.link!);
    const go = await request("/clock", { headers: { Cookie: ben.cookie }, redirect: "manual" });
    expect(go.headers.get("Location")).toBe(`/clock/organisations/${s.organisationIds.link}`);
    const page = await (await request(go.headers.get("Location")!, { headers: { Cookie: ben.cookie } })).text();
    expect(page).toContain("Due this week");
    expect(page).toContain("Answered late");
    expect(page).toContain("Waiting times for wheelchair assessments");
    const csv = await request(`/clock/organisations/${s.organisationIds.link}/csv`, { headers: { Cookie: ben.cookie } });
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const lines = (await csv.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n");
    expect(lines[0]).toBe("Due date,Due time,Status,What,Title,Who must act,For,Link");
    const items = ((await (await api(`/organisations/${s.organisationIds.link}/clock`, await tokenFor(s.personIds.link!))).json()) as Clock)
      .items;
    expect(lines).toHaveLength(1 + items.length);
    expect(lines[1]).toContain("Overdue,Request for information,Waiting times for wheelchair assessments");
    expect(lines.join("\n")).not.toMatch(/@/);
  });
});

async function createFeed(cookieOf: Awaited<ReturnType<typeof sessionFor>>, organisationId: number, scope: "person" | "organisation") {
  const res = await postForm(`/clock/organisations/${organisationId}/feeds`, cookieOf, { scope });
  expect(res.status).toBe(200);
  const url = /id="new-feed-url">([^<]+)</.exec(await res.text())?.[1];
  expect(url).toMatch(/^https:\/\/tracker\.test\/feeds\/calendar\/[A-Za-z0-9_-]+\.ics$/);
  return new URL(url!).pathname;
}

function parseCalendar(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zone = calendar.getFirstSubcomponent("vtimezone");
  expect(zone?.getFirstPropertyValue("tzid")).toBe("Europe/London");
  ICAL.TimezoneService.register(zone!);
  return { calendar, events: calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v)) };
}

describe("calendar feeds", () => {
  it("give a person every deadline they watch, in Europe/London time, until revoked", async () => {
    const at = new Date().toISOString();
    // 11:59pm London in summer (BST, 22:59 UTC) and in winter (GMT, 23:59 UTC).
    const [summer, winter] = await Promise.all(
      [
        ["Feed: summer closing", "2027-06-30T22:59:00.000Z"],
        ["Feed: winter closing", "2027-01-12T23:59:00.000Z"],
      ].map(([title, closes]) =>
        db
          .insertInto("consultations")
          .values({
            area_id: s.areaIds.northshire!,
            organisation_id: s.organisationIds.pct!,
            title: title!,
            closes_at: closes!,
            created_at: at,
            updated_at: at,
          })
          .returning("id")
          .executeTakeFirstOrThrow(),
      ),
    );
    const request_ = await db
      .selectFrom("obligations")
      .select(["id", "due_at"])
      .where("title", "=", "Waiting times for wheelchair assessments")
      .executeTakeFirstOrThrow();
    await ensureWatches(
      db,
      env.DB,
      [
        { personId: s.personIds.link!, target: { kind: "consultation", id: summer!.id } },
        { personId: s.personIds.link!, target: { kind: "consultation", id: winter!.id } },
        { personId: s.personIds.link!, target: { kind: "obligation", id: request_.id } },
      ],
      new Date(),
    );
    const ben = await sessionFor(s.personIds.link!);
    const path = await createFeed(ben, s.organisationIds.link!, "person");
    const token = path.replace("/feeds/calendar/", "").replace(".ics", "");
    const stored = await db
      .selectFrom("feed_tokens")
      .select(["token_hash", "person_id", "organisation_id"])
      .where("token_hash", "=", await sha256(token))
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ token_hash: await sha256(token), person_id: s.personIds.link, organisation_id: null });
    expect(JSON.stringify(await db.selectFrom("feed_tokens").selectAll().execute())).not.toContain(token);

    const feed = await request(path);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("Content-Type")).toBe("text/calendar; charset=utf-8");
    const { calendar, events } = parseCalendar(await feed.text());
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Deadlines I watch (Ben Okafor)");
    const byUid = new Map(events.map((e) => [e.uid, e]));
    const summerEvent = byUid.get(`consultation-${summer!.id}-closes@tracker.test`)!;
    expect(summerEvent.summary).toBe("Consultation closes: Feed: summer closing");
    expect(summerEvent.startDate.zone?.tzid).toBe("Europe/London");
    expect(summerEvent.startDate.toString()).toBe("2027-06-30T23:59:00");
    expect(summerEvent.startDate.toJSDate().toISOString()).toBe("2027-06-30T22:59:00.000Z");
    const winterEvent = byUid.get(`consultation-${winter!.id}-closes@tracker.test`)!;
    expect(winterEvent.startDate.toString()).toBe("2027-01-12T23:59:00");
    expect(winterEvent.startDate.toJSDate().toISOString()).toBe("2027-01-12T23:59:00.000Z");
    const reply = byUid.get(`obligation-${request_.id}-reply_due@tracker.test`)!;
    expect(reply.summary).toBe("Reply due: Waiting times for wheelchair assessments");
    expect(reply.startDate.isDate).toBe(true);
    expect(reply.startDate.toString()).toBe(londonDate(request_.due_at));

    // Someone else cannot revoke it; its owner can, and then it stops working.
    const feedId = (
      await db
        .selectFrom("feed_tokens")
        .select("id")
        .where("token_hash", "=", await sha256(token))
        .executeTakeFirstOrThrow()
    ).id;
    const alice = await sessionFor(s.personIds.clerk!);
    expect(
      (await postForm(`/clock/organisations/${s.organisationIds.link}/feeds/${feedId}/revoke`, alice, { scope: "person" })).status,
    ).toBe(404);
    expect((await request(path)).status).toBe(200);
    const revoked = await postForm(`/clock/organisations/${s.organisationIds.link}/feeds/${feedId}/revoke`, ben, { scope: "person" });
    expect(revoked.status).toBe(303);
    expect((await request(path)).status).toBe(404);
    expect((await request("/feeds/calendar/not-a-real-token.ics")).status).toBe(404);
  });

  it("give an organisation its clock, made only by those who can see the clock", async () => {
    const tom = await sessionFor(s.personIds.trust!);
    expect((await postForm(`/clock/organisations/${s.organisationIds.link}/feeds`, tom, { scope: "organisation" })).status).toBe(403);
    const priya = await sessionFor(s.personIds.pct!);
    const path = await createFeed(priya, s.organisationIds.pct!, "organisation");
    const { calendar, events } = parseCalendar(await (await request(path)).text());
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Deadlines: NHS Northshire (Primary Care Trust)");
    const urgent = events.find((e) => e.summary === "Consultation closes: Shaping the future of urgent care in Northshire")!;
    expect(urgent.startDate.zone?.tzid).toBe("Europe/London");
    const seeded = await db
      .selectFrom("consultations")
      .select("closes_at")
      .where("title", "=", "Shaping the future of urgent care in Northshire")
      .executeTakeFirstOrThrow();
    expect(urgent.startDate.toJSDate().getTime()).toBe(Math.floor(Date.parse(seeded.closes_at!) / 1000) * 1000);
    expect(events.map((e) => e.summary)).toContain("Request for information: Waiting times for wheelchair assessments");
    expect(events.map((e) => e.summary)).toContain("Outcome due (you said, we did): Review of community mental health services");
    const page = await (await request(`/clock/organisations/${s.organisationIds.pct}`, { headers: { Cookie: priya.cookie } })).text();
    expect(page).toContain("Stop this address working");
  });
});
