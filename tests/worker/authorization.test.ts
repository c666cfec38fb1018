// One organisation's or area's people cannot read or change another's records.
import { beforeAll, describe, expect, it } from "vitest";
import { api, count, dbDigest, postForm, request, seed, sessionFor, tokenFor, type Session } from "./helpers";
import type { SeedResult } from "../../worker/dev/seed";

let s: SeedResult;
beforeAll(async () => {
  s = await seed();
});

const validSettings = {
  responseThreshold: 50,
  scrutinyThreshold: 500,
  responseWorkingDays: 15,
  petitionDurationDays: 60,
  informationRequestWorkingDays: 20,
  reportWorkingDays: 20,
  referralWorkingDays: 20,
  outcomeOverdueWeeks: 12,
};

describe("administration is limited to the administrator's own area", () => {
  it("lets Northshire's administrator change Northshire", async () => {
    const token = await tokenFor(s.personIds.admin!);
    const res = await api(`/areas/${s.areaIds.northshire}/settings`, token, { method: "PUT", body: validSettings });
    expect(res.status).toBe(200);
    const read = await api(`/areas/${s.areaIds.northshire}/settings`, token);
    expect(((await read.json()) as typeof validSettings).responseThreshold).toBe(50);
  });

  it("refuses Southvale's administrator in Northshire (403) and writes nothing", async () => {
    const token = await tokenFor(s.personIds.sv_admin!);
    const before = await dbDigest();
    const north = s.areaIds.northshire!;
    const calls: [string, string, unknown?][] = [
      [`/areas/${north}/settings`, "GET"],
      [`/areas/${north}/settings`, "PUT", validSettings],
      [`/areas/${north}/members`, "GET"],
      [
        `/areas/${north}/members`,
        "POST",
        { name: "Intruder", email: "intruder@example.com", organisationId: s.organisationIds.council, role: "admin" },
      ],
      [
        `/organisations/${s.organisationIds.pct}/settings`,
        "PUT",
        { responseThreshold: 1, scrutinyThreshold: 1, responseWorkingDays: 1, petitionDurationDays: 1 },
      ],
      [`/areas/${north}/organisations`, "POST", { name: "Fake trust", kind: "trust" }],
    ];
    for (const [path, method, body] of calls) {
      const res = await api(path, token, { method, body });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    }
    expect(await dbDigest()).toBe(before);
    // Its own area is fine.
    expect((await api(`/areas/${s.areaIds.southvale}/settings`, token)).status).toBe(200);
  });

  it("refuses people without the admin role, even in the same area", async () => {
    for (const key of ["clerk", "link", "pct"] as const) {
      const token = await tokenFor(s.personIds[key]!);
      const res = await api(`/areas/${s.areaIds.northshire}/settings`, token);
      expect(res.status, key).toBe(403);
    }
  });

  it("answers 404 for records that do not exist and 401 without sign-in", async () => {
    const token = await tokenFor(s.personIds.admin!);
    expect((await api("/areas/99999/settings", token)).status).toBe(404);
    expect((await api(`/memberships/99999`, token, { method: "DELETE" })).status).toBe(404);
    const anonymous = await api(`/areas/${s.areaIds.northshire}/settings`, null);
    expect(anonymous.status).toBe(401);
  });

  it("on the web: Southvale's administrator gets a 403 page for Northshire's, and its forms write nothing", async () => {
    const session: Session = await sessionFor(s.personIds.sv_admin!);
    const page = await request("/admin/areas/northshire", { headers: { Cookie: session.cookie } });
    expect(page.status).toBe(403);
    expect(await page.text()).toContain("You do not have permission to do this");
    const members = await count("audit_log");
    const res = await postForm("/admin/areas/northshire/members", session, {
      name: "Intruder",
      email: "x@example.com",
      organisationId: String(s.organisationIds.council),
      role: "admin",
    });
    expect(res.status).toBe(403);
    expect(await count("audit_log")).toBe(members);
    const own = await request("/admin/areas/southvale", { headers: { Cookie: session.cookie } });
    expect(own.status).toBe(200);
  });

  it("sends anonymous visitors of a protected page to sign in", async () => {
    const res = await request("/admin/areas/northshire", { redirect: "manual" });
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/sign-in?next=%2Fadmin%2Fareas%2Fnorthshire");
  });

  it("audits changes made by an administrator", async () => {
    const session = await sessionFor(s.personIds.admin!);
    const before = await count("audit_log");
    const res = await postForm("/admin/areas/northshire/members", session, {
      name: "Nadia Brook",
      email: "Nadia.Brook@Northshire.example",
      organisationId: String(s.organisationIds.link),
      role: "link_member",
    });
    expect(res.status).toBe(303);
    expect(await count("audit_log")).toBe(before + 1);
    const again = await postForm("/admin/areas/northshire/members", session, {
      name: "Nadia Brook",
      email: "nadia.brook@northshire.example",
      organisationId: String(s.organisationIds.link),
      role: "link_member",
    });
    expect(again.status).toBe(409);
  });
});
