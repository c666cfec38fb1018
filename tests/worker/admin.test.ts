// The administration pages through the real app: which areas an administrator sees, and each form
// on an area's page (defaults, organisations and their overrides, people and roles), with its problems.
import { beforeAll, describe, expect, it } from "vitest";
import type { SeedResult } from "../../worker/dev/seed";
import { cookiesFrom, db, postForm, request, seed, type Session, sessionFor } from "./helpers";

let s: SeedResult;
/** A demo record's id by its key (the seed names them). */
function idOf(ids: Record<string, number>, key: string): number {
  const id = ids[key];
  if (id === undefined) throw new Error(`No demo record ${key}`);
  return id;
}
let ada: Session;
beforeAll(async () => {
  s = await seed();
  ada = await sessionFor(idOf(s.personIds, "admin"));
});

const page = (path: string, session: Session) => request(path, { headers: { Cookie: session.cookie }, redirect: "manual" });

/** The page a redirect leads to, with the flash cookie it set. */
async function follow(res: Response, session: Session): Promise<string> {
  const to = res.headers.get("Location") ?? "";
  return (await request(to, { headers: { Cookie: `${session.cookie}; ${cookiesFrom(res)}` } })).text();
}

async function auditOf(entity: string, entityId: number) {
  return db
    .selectFrom("audit_log")
    .select(["action", "actor_id", "area_id", "details"])
    .where("entity", "=", entity)
    .where("entity_id", "=", entityId)
    .orderBy("id")
    .execute();
}

const orgSettings = (responseThreshold: string) => ({
  responseThreshold,
  scrutinyThreshold: "",
  responseWorkingDays: "",
  petitionDurationDays: "",
});

describe("the administration index", () => {
  it("goes straight to the one area an administrator has, lists several, and says when there are none", async () => {
    const one = await page("/admin", ada);
    expect(one.status).toBe(303);
    expect(one.headers.get("Location")).toBe("/admin/areas/northshire");

    const clerk = await page("/admin", await sessionFor(idOf(s.personIds, "clerk")));
    expect(clerk.status).toBe(200);
    expect(await clerk.text()).toContain("You are not an administrator for any area.");

    await db
      .insertInto("memberships")
      .values({
        person_id: idOf(s.personIds, "sv_admin"),
        organisation_id: idOf(s.organisationIds, "council"),
        role: "admin",
        created_at: "2026-01-01T00:00:00Z",
      })
      .execute();
    const both = await page("/admin", await sessionFor(idOf(s.personIds, "sv_admin")));
    expect(both.status).toBe(200);
    const html = await both.text();
    expect(html).toContain('<a href="/admin/areas/northshire">Northshire</a>');
    expect(html).toContain('<a href="/admin/areas/southvale">Southvale</a>');
  });
});

describe("an area's page", () => {
  it("shows the defaults, each organisation's own settings and the people with roles", async () => {
    const res = await page("/admin/areas/northshire", ada);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("<h1>Northshire: administration</h1>");
    expect(html).toContain("Northshire Clinical Commissioning Group (Clinical commissioning group (CCG))");
    expect(html).toContain(`action="/admin/organisations/${idOf(s.organisationIds, "ccg")}/settings"`);
    expect(html).toContain("Signatures needed for a response (area: 100)");
    expect(html).toContain('<span class="nhsuk-body-s app-muted">volunteer@northshire.example</span>');
    expect(html).not.toContain("Southvale LINk");
    expect(html).not.toContain('<details class="nhsuk-details" open');
  });

  it("sends a form back with what was wrong and what was typed, and saves a good one", async () => {
    const bad = await postForm("/admin/areas/northshire/settings", ada, { responseThreshold: "lots", scrutinyThreshold: "5" });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain("There is a problem");
    expect(html).toContain('value="lots"');

    const saved = await postForm("/admin/areas/northshire/settings", ada, {
      responseThreshold: "50",
      scrutinyThreshold: "500",
      responseWorkingDays: "20",
      petitionDurationDays: "90",
      informationRequestWorkingDays: "20",
      reportWorkingDays: "20",
      referralWorkingDays: "20",
      outcomeOverdueWeeks: "12",
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("Location")).toBe("/admin/areas/northshire#settings");
    expect(await follow(saved, ada)).toContain("Area defaults saved.");
    const area = await db.selectFrom("areas").selectAll().where("id", "=", idOf(s.areaIds, "northshire")).executeTakeFirstOrThrow();
    expect([area.response_threshold, area.scrutiny_threshold, area.signer_data_retention_days]).toEqual([50, 500, 365]);
    const audit = await auditOf("area", idOf(s.areaIds, "northshire"));
    expect(audit.map((a) => [a.action, a.actor_id])).toEqual([["settings_changed", idOf(s.personIds, "admin")]]);
  });

  it("re-renders an organisation's settings on its own area's page, with its details open", async () => {
    const ccg = idOf(s.organisationIds, "ccg");
    const bad = await postForm(`/admin/organisations/${ccg}/settings`, ada, orgSettings("0"));
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain("<h1>Northshire: administration</h1>");
    expect(html).toContain("The response threshold must be at least 1");
    expect(html).toMatch(
      /<details class="nhsuk-details" open><summary class="nhsuk-details__summary"><span class="nhsuk-details__summary-text">Northshire Clinical/,
    );
    expect(html.match(/<details class="nhsuk-details" open>/g)).toHaveLength(1);

    const saved = await postForm(`/admin/organisations/${ccg}/settings`, ada, orgSettings("7"));
    expect(saved.status).toBe(303);
    expect(saved.headers.get("Location")).toBe("/admin/areas/northshire#organisations");
    expect(await follow(saved, ada)).toContain("Settings for Northshire Clinical Commissioning Group saved.");
    const org = await db.selectFrom("organisations").selectAll().where("id", "=", ccg).executeTakeFirstOrThrow();
    expect([org.response_threshold, org.scrutiny_threshold]).toEqual([7, null]);
    expect((await auditOf("organisation", ccg)).map((a) => a.action)).toEqual(["settings_changed"]);
  });

  it("adds an organisation that replaced another, and refuses a name the area has or a predecessor from elsewhere", async () => {
    const clash = await postForm("/admin/areas/northshire/organisations", ada, {
      name: "Northshire LINk",
      kind: "healthwatch",
      email: "hw@x.example",
    });
    expect(clash.status).toBe(422);
    const clashed = await clash.text();
    expect(clashed).toContain("There is already an organisation with this name in the area");
    expect(clashed).toContain('value="hw@x.example"');

    const elsewhere = await postForm("/admin/areas/northshire/organisations", ada, {
      name: "Healthwatch Northshire",
      kind: "healthwatch",
      predecessorId: String(idOf(s.organisationIds, "sv_link")),
    });
    expect(elsewhere.status).toBe(422);
    expect(await elsewhere.text()).toContain("Choose an organisation in this area");

    const added = await postForm("/admin/areas/northshire/organisations", ada, {
      name: "Healthwatch Northshire",
      kind: "healthwatch",
      email: "",
      predecessorId: String(idOf(s.organisationIds, "link")),
    });
    expect(added.status).toBe(303);
    expect(added.headers.get("Location")).toBe("/admin/areas/northshire#organisations");
    expect(await follow(added, ada)).toContain("Healthwatch Northshire added.");
    const row = await db.selectFrom("organisations").selectAll().where("name", "=", "Healthwatch Northshire").executeTakeFirstOrThrow();
    expect([row.area_id, row.kind, row.slug, row.predecessor_id, row.email]).toEqual([
      idOf(s.areaIds, "northshire"),
      "healthwatch",
      "healthwatch-northshire",
      idOf(s.organisationIds, "link"),
      null,
    ]);
    expect((await auditOf("organisation", row.id)).map((a) => [a.action, a.area_id])).toEqual([["created", idOf(s.areaIds, "northshire")]]);
  });

  it("gives a new person a role, refuses it twice or in another area's organisation, and removes it", async () => {
    const fields = {
      name: "Zara Quinn",
      email: "zara@northshire.example",
      organisationId: String(idOf(s.organisationIds, "hospitals")),
      role: "responder",
    };
    const elsewhere = await postForm("/admin/areas/northshire/members", ada, {
      ...fields,
      organisationId: String(idOf(s.organisationIds, "sv_pct")),
    });
    expect(elsewhere.status).toBe(422);
    const refused = await elsewhere.text();
    expect(refused).toContain("Choose an organisation in this area");
    expect(refused).toContain('value="zara@northshire.example"');

    const given = await postForm("/admin/areas/northshire/members", ada, fields);
    expect(given.status).toBe(303);
    expect(given.headers.get("Location")).toBe("/admin/areas/northshire#people");
    expect(await follow(given, ada)).toContain("Zara Quinn is now responds for the organisation.");
    const membership = await db
      .selectFrom("memberships as m")
      .innerJoin("people as p", "p.id", "m.person_id")
      .select(["m.id", "p.id as personId"])
      .where("p.email", "=", fields.email)
      .executeTakeFirstOrThrow();
    const [created] = await auditOf("membership", membership.id);
    expect(created?.action).toBe("created");
    expect(JSON.parse(created?.details ?? "{}")).toEqual({
      personId: membership.personId,
      organisationId: idOf(s.organisationIds, "hospitals"),
      role: "responder",
    });

    const twice = await postForm("/admin/areas/northshire/members", ada, fields);
    expect(twice.status).toBe(409);
    expect(await twice.text()).toContain("zara@northshire.example already has that role at Northshire Hospitals NHS Trust.");

    const removed = await postForm(`/admin/memberships/${membership.id}/remove`, ada, {});
    expect(removed.status).toBe(303);
    expect(removed.headers.get("Location")).toBe("/admin/areas/northshire#people");
    expect(await follow(removed, ada)).toContain("Role removed.");
    expect(await db.selectFrom("memberships").select("id").where("id", "=", membership.id).executeTakeFirst()).toBeUndefined();
    expect((await auditOf("membership", membership.id)).map((a) => a.action)).toEqual(["created", "removed"]);
  });

  it("will not let administrators remove their own administrator role", async () => {
    const own = await db
      .selectFrom("memberships")
      .select("id")
      .where("person_id", "=", idOf(s.personIds, "admin"))
      .where("role", "=", "admin")
      .executeTakeFirstOrThrow();
    const res = await postForm(`/admin/memberships/${own.id}/remove`, ada, {});
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("You cannot remove your own administrator role.");
    expect(await db.selectFrom("memberships").select("id").where("id", "=", own.id).executeTakeFirst()).toBeDefined();
  });
});
