// Each kind of person trying what they may not do with petitions: refused (401, 403, 404 or a
// 409 naming the reason), with nothing written.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import type { SeedResult } from "../../worker/dev/seed";
import { referralToken } from "../../worker/petitions/service";
import { dbDigest, postForm, seed, sessionFor, tokenFor, type Session } from "./helpers";
import { call, openPetition, page, startAndConfirm, visitor } from "./petitionHelpers";

let s: SeedResult;
let pendingId: number;
let openId: number;
let hospitalId: number;
let southvalePendingId: number;
const tokens: Record<string, string> = {};
const sessions: Record<string, Session> = {};

beforeAll(async () => {
  s = await seed();
  for (const key of ["clerk", "link", "pct", "trust", "admin", "sv_clerk", "sv_admin", "sv_pct"]) {
    tokens[key] = await tokenFor(s.personIds[key]!);
    sessions[key] = await sessionFor(s.personIds[key]!);
  }
  pendingId = (await startAndConfirm(s.organisationIds.pct!, { title: "Longer opening hours at Millbrook pharmacy" })).petitionId;
  openId = (await openPetition(s.organisationIds.pct!, tokens.clerk!, { title: "Reopen the Harbour Street walk-in centre" })).petitionId;
  hospitalId = (
    await openPetition(s.organisationIds.hospitals!, tokens.clerk!, { title: "More seats in the hospital outpatients waiting room" })
  ).petitionId;
  southvalePendingId = (await startAndConfirm(s.organisationIds.sv_pct!, { title: "A new GP surgery for the Southvale estate" }))
    .petitionId;
});

type Attempt = [method: string, path: string, body?: unknown];

const moderation = { decision: "approve" };
const response = { text: "We have decided to keep things as they are, for now." };
const scrutiny = { meetingDate: "2026-01-15", decision: "Noted.", outcome: "The committee noted the petition." };

function writes(id: number): Attempt[] {
  return [
    ["POST", `/petitions/${id}/moderation`, moderation],
    ["POST", `/petitions/${id}/removal`, { reason: "personal_or_offensive", explanation: "Testing who may remove." }],
    ["PUT", `/petitions/${id}/response`, response],
    ["POST", `/petitions/${id}/referral`],
    ["PUT", `/petitions/${id}/scrutiny`, scrutiny],
  ];
}

async function expectRefused(who: string | null, attempts: Attempt[], status: number) {
  const before = await dbDigest();
  for (const [method, path, body] of attempts) {
    const res = await call(path, who ? tokens[who]! : null, { method, body });
    expect(res.status, `${who ?? "anonymous"} ${method} ${path}`).toBe(status);
    const error = ((await res.json()) as { error: { code: string; message: string } }).error;
    expect(error.message.length).toBeGreaterThan(10);
  }
  expect(await dbDigest()).toBe(before);
}

describe("who may not do what with petitions", () => {
  it("anonymous callers must sign in for every clerk and responder action", async () => {
    await expectRefused(
      null,
      [
        ...writes(pendingId),
        ["GET", "/petitions/moderation"],
        ["GET", "/petitions/dashboard"],
        ["GET", "/petitions/inbox"],
        ["POST", `/areas/${s.areaIds.northshire}/petition-feeds`],
      ],
      401,
    );
    for (const path of [
      "/petitions/moderation",
      "/petitions/dashboard",
      "/petitions/inbox",
      `/petitions/${pendingId}/moderate`,
      `/petitions/${openId}/respond`,
    ]) {
      const res = await page(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get("Location")).toBe(`/sign-in?next=${encodeURIComponent(path)}`);
    }
    const v = await visitor();
    const posted = await postForm(`/petitions/${pendingId}/moderate`, v, { decision: "approve" });
    expect(posted.status).toBe(303);
    expect(posted.headers.get("Location")).toMatch(/^\/sign-in/);
  });

  it("a LINk volunteer can read and sign, but not check, answer, refer or watch the clerk's lists", async () => {
    await expectRefused(
      "link",
      [
        ...writes(pendingId),
        ...writes(openId),
        ["GET", "/petitions/moderation"],
        ["GET", "/petitions/dashboard"],
        ["GET", "/petitions/inbox"],
        ["POST", `/areas/${s.areaIds.northshire}/petition-feeds`],
      ],
      403,
    );
    const res = await page("/petitions/dashboard", sessions.link);
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("Only a scrutiny clerk or administrator can see this.");
    expect((await page(`/petitions/${openId}`, sessions.link)).status).toBe(200);
    expect((await page(`/petitions/${pendingId}`, sessions.link)).status).toBe(404);
  });

  it("a responder answers only for their own organisation, and cannot check petitions or record scrutiny", async () => {
    await expectRefused(
      "pct",
      [
        ["POST", `/petitions/${pendingId}/moderation`, moderation],
        ["POST", `/petitions/${openId}/referral`],
        ["PUT", `/petitions/${openId}/scrutiny`, scrutiny],
        ["GET", "/petitions/dashboard"],
        ["PUT", `/petitions/${hospitalId}/response`, response],
      ],
      403,
    );
    await expectRefused(
      "trust",
      [
        ["PUT", `/petitions/${openId}/response`, response],
        ["POST", `/petitions/${openId}/response/preview`, response],
      ],
      403,
    );
    const inbox = (await (await call("/petitions/inbox", tokens.pct!)).json()) as { open: { id: number }[] };
    expect(inbox.open.map((p) => p.id)).toContain(openId);
    expect(inbox.open.map((p) => p.id)).not.toContain(hospitalId);
    const form = await page(`/petitions/${hospitalId}/respond`, sessions.pct);
    expect(form.status).toBe(403);
    const posted = await postForm(`/petitions/${hospitalId}/respond`, sessions.pct!, { text: response.text, intent: "publish" });
    expect(posted.status).toBe(403);
  });

  it("a clerk checks and records scrutiny but does not answer for the NHS", async () => {
    await expectRefused("clerk", [["PUT", `/petitions/${openId}/response`, response]], 403);
    expect((await page(`/petitions/${openId}/respond`, sessions.clerk)).status).toBe(403);
  });

  it("another area's clerk and administrator cannot see or act on this area's petitions", async () => {
    for (const who of ["sv_clerk", "sv_admin"]) {
      await expectRefused(who, [...writes(pendingId), ["POST", `/areas/${s.areaIds.northshire}/petition-feeds`]], 403);
      expect((await page(`/petitions/${pendingId}`, sessions[who])).status).toBe(404);
      expect((await page(`/petitions/${pendingId}/moderate`, sessions[who])).status).toBe(403);
      const dashboard = (await (await call("/petitions/dashboard?perPage=100", tokens[who]!)).json()) as { items: { areaId: number }[] };
      expect(dashboard.items.length).toBeGreaterThan(0);
      expect(dashboard.items.every((p) => p.areaId === s.areaIds.southvale)).toBe(true);
      const queue = (await (await call("/petitions/moderation", tokens[who]!)).json()) as { items: { id: number }[] };
      expect(queue.items.map((p) => p.id)).toEqual([southvalePendingId]);
    }
    const feed = await call(`/areas/${s.areaIds.northshire}/petition-feeds`, tokens.clerk!, { method: "POST" });
    const { id } = (await feed.json()) as { id: number };
    await expectRefused("sv_clerk", [["DELETE", `/petition-feeds/${id}`]], 403);
    expect((await call(`/petition-feeds/${id}`, tokens.clerk!, { method: "DELETE" })).status).toBe(204);
    await expectRefused("clerk", [["DELETE", `/petition-feeds/${id}`]], 409);
  });
});

describe("transitions the state forbids are a clear 409", () => {
  it("says why, for each machine, and writes nothing", async () => {
    const before = await dbDigest();
    const cases: [string, Attempt, RegExp][] = [
      [
        "clerk",
        ["POST", `/petitions/${openId}/moderation`, moderation],
        /Cannot approve a petition that is open for signatures\. This is only possible when it is waiting to be checked\./,
      ],
      [
        "clerk",
        ["POST", `/petitions/${openId}/moderation`, { decision: "reject", reason: "duplicate", explanation: "Already a petition." }],
        /Cannot reject a petition that is open for signatures/,
      ],
      [
        "clerk",
        ["POST", `/petitions/${pendingId}/removal`, { reason: "personal_or_offensive", explanation: "Names a member of staff." }],
        /Cannot remove a petition that is waiting to be checked/,
      ],
      [
        "clerk",
        ["PUT", `/petitions/${openId}/scrutiny`, scrutiny],
        /Cannot record the outcome of a referral to scrutiny that is not referred/,
      ],
      ["clerk", ["POST", `/petitions/${pendingId}/referral`], /cannot refer a petition that is waiting to be checked/],
      ["pct", ["PUT", `/petitions/${pendingId}/response`, response], /cannot respond to a petition that is waiting to be checked/],
    ];
    for (const [who, [method, path, body], message] of cases) {
      const res = await call(path, tokens[who]!, { method, body });
      expect(res.status, `${method} ${path}`).toBe(409);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
    }
    const referral = await call(`/petitions/${openId}/petitioner-referral`, null, {
      body: { token: await referralToken(env.APP_SECRET!, openId) },
    });
    expect(referral.status).toBe(409);
    expect(((await referral.json()) as { error: { message: string } }).error.message).toContain("once the response has been published");
    expect(await dbDigest()).toBe(before);
  });

  it("shows the reason on the web too", async () => {
    const res = await postForm(`/petitions/${openId}/moderate`, sessions.clerk!, { decision: "approve" });
    expect(res.status).toBe(409);
    expect(await res.text()).toContain("Cannot approve a petition that is open for signatures.");
  });

  it("a petition waiting to be checked cannot be signed: it does not exist for the public", async () => {
    const before = await dbDigest();
    const res = await call(`/petitions/${pendingId}/signatures`, null, {
      body: { name: "Early Bird", email: "early@example.org", postcode: "NR1 1AA", contactConsent: false },
    });
    expect(res.status).toBe(404);
    expect(await dbDigest()).toBe(before);
  });
});
