// The account page through the real app: roles, connected extensions and alert settings, and signing out.
import { beforeAll, describe, expect, it } from "vitest";
import type { SeedResult } from "../../worker/dev/seed";
import { sha256 } from "../../worker/platform/crypto";
import { db, postForm, request, seed, sessionFor } from "./helpers";

let s: SeedResult;
/** A demo record's id by its key (the seed names them). */
function idOf(ids: Record<string, number>, key: string): number {
  const id = ids[key];
  if (id === undefined) throw new Error(`No demo record ${key}`);
  return id;
}
beforeAll(async () => {
  s = await seed();
});

async function connectExtension(personId: number, label: string): Promise<number> {
  const row = await db
    .insertInto("api_tokens")
    .values({ token_hash: await sha256(`${label}-${personId}`), person_id: personId, label, created_at: "2026-03-01T10:00:00.000Z" })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

describe("the account page", () => {
  it("shows the person, their roles, their connected extensions and their alert settings", async () => {
    const priya = await sessionFor(idOf(s.personIds, "pct"));
    await connectExtension(idOf(s.personIds, "pct"), "Firefox at home");
    const res = await request("/account", { headers: { Cookie: priya.cookie } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Signed in as <strong>Priya Shah</strong> (engagement@nhs-northshire.example).");
    expect(html).toContain("NHS Northshire (Primary Care Trust)");
    expect(html).toContain("Northshire Clinical Commissioning Group");
    expect(html).toContain("Firefox at home");
    expect(html).toContain("Not yet");
    expect(html).toMatch(/name="leadTimes" type="checkbox" value="14" checked/);
    expect(html).not.toMatch(/name="dailyDigest" type="checkbox" value="yes" checked/);
  });

  it("says when a person holds no role yet", async () => {
    const person = await db
      .insertInto("people")
      .values({ email: "new@northshire.example", name: "New Person", created_at: "2026-01-01T00:00:00Z" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const res = await request("/account", { headers: { Cookie: (await sessionFor(person.id)).cookie } });
    expect(await res.text()).toContain("You do not hold a role in any organisation yet.");
  });

  it("saves alert settings from the form, and sends back a bad one with the problem", async () => {
    const tom = await sessionFor(idOf(s.personIds, "trust"));
    const bad = await postForm("/account/preferences", tom, { leadTimes: ["3", "many"] });
    expect(bad.status).toBe(422);
    const html = await bad.text();
    expect(html).toContain("There is a problem");
    expect(html).toContain("Each reminder must be a number of days");

    const saved = await postForm("/account/preferences", tom, { leadTimes: ["2", "7"], dailyDigest: "yes" });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("Location")).toBe("/account#alerts");
    const person = await db
      .selectFrom("people")
      .select(["lead_times", "daily_digest"])
      .where("id", "=", idOf(s.personIds, "trust"))
      .executeTakeFirstOrThrow();
    expect(person).toEqual({ lead_times: "[7,2]", daily_digest: 1 });
    const audit = await db
      .selectFrom("audit_log")
      .select(["action", "actor_id"])
      .where("entity", "=", "person")
      .where("entity_id", "=", idOf(s.personIds, "trust"))
      .execute();
    expect(audit).toEqual([{ action: "preferences_changed", actor_id: idOf(s.personIds, "trust") }]);
  });

  it("disconnects the person's own extension, and no one else's", async () => {
    const ben = await sessionFor(idOf(s.personIds, "link"));
    const own = await connectExtension(idOf(s.personIds, "link"), "Chrome at the library");
    const others = await connectExtension(idOf(s.personIds, "clerk"), "Clerk's laptop");
    const refused = await postForm(`/account/tokens/${others}/revoke`, ben, {});
    expect(refused.status).toBe(404);
    const revoked = await postForm(`/account/tokens/${own}/revoke`, ben, {});
    expect(revoked.status).toBe(303);
    expect(revoked.headers.get("Location")).toBe("/account#extension");
    const rows = await db.selectFrom("api_tokens").select(["id", "revoked_at"]).where("id", "in", [own, others]).orderBy("id").execute();
    expect(rows.map((r) => r.revoked_at !== null)).toEqual([true, false]);
    expect((await postForm(`/account/tokens/${own}/revoke`, ben, {})).status).toBe(404);
  });
});

describe("signing out", () => {
  it("records who signed out, and forgets the session", async () => {
    const grace = await sessionFor(idOf(s.personIds, "sv_link"));
    const out = await postForm("/sign-out", grace, {});
    expect(out.status).toBe(303);
    expect(out.headers.get("Location")).toBe("/");
    const audit = await db.selectFrom("audit_log").select(["action", "actor_id"]).where("action", "=", "signed_out").execute();
    expect(audit).toEqual([{ action: "signed_out", actor_id: idOf(s.personIds, "sv_link") }]);
    expect((await request("/account", { headers: { Cookie: grace.cookie }, redirect: "manual" })).status).toBe(303);
  });
});
