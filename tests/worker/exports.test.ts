// Exports never contain the email addresses of signers or petitioners: every GET route of the
// API (JSON and CSV), the CSV downloads and the iCalendar feeds, as the public, a clerk and an
// administrator, after people have signed and started petitions.
import { beforeAll, describe, expect, it } from "vitest";
import { buildApi, OPENAPI_INFO } from "../../worker/api";
import { randomToken, sha256 } from "../../worker/platform/crypto";
import type { SeedResult } from "../../worker/dev/seed";
import { db, request, seed, sessionFor, tokenFor, type Session } from "./helpers";
import { call, openPetition, signAndConfirm, uniqueEmail } from "./petitionHelpers";

let s: SeedResult;
let tokens: Record<string, string>;
let clerk: Session;
let petitionId: number;
let obligationId: number;
let consultationId: number;
const TITLE = "Open the eye clinic on Saturdays";
let protectedEmails: string[];

beforeAll(async () => {
  s = await seed();
  tokens = { clerk: await tokenFor(s.personIds.clerk!), admin: await tokenFor(s.personIds.admin!), pct: await tokenFor(s.personIds.pct!) };
  clerk = await sessionFor(s.personIds.clerk!);
  const opened = await openPetition(s.organisationIds.pct!, tokens.clerk!, { title: TITLE, petitionerEmail: uniqueEmail("starter") });
  petitionId = opened.petitionId;
  for (let i = 0; i < 3; i++)
    await signAndConfirm(petitionId, { name: `Signer ${i}`, email: uniqueEmail("signer"), postcode: "NR1 1AA", contactConsent: true });
  // Every signer's and petitioner's address in the database, the demo data's included.
  const signers = await db.selectFrom("signatures").select("email").where("email", "is not", null).execute();
  const starters = await db.selectFrom("petitions").select("petitioner_email").where("petitioner_email", "is not", null).execute();
  protectedEmails = [...signers.map((r) => r.email!), ...starters.map((r) => r.petitioner_email!)];
  expect(protectedEmails.length).toBeGreaterThan(5);
  obligationId = (await db.selectFrom("obligations").select("id").orderBy("id").executeTakeFirstOrThrow()).id;
  consultationId = (await db.selectFrom("consultations").select("id").orderBy("id").executeTakeFirstOrThrow()).id;
});

function leaked(body: string): string[] {
  const lower = body.toLowerCase();
  return protectedEmails.filter((e) => lower.includes(e.toLowerCase()));
}

function getPaths(): string[] {
  const doc = buildApi().getOpenAPI31Document({ openapi: "3.1.0", info: OPENAPI_INFO }) as unknown as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(doc.paths)
    .filter(([, item]) => item.get)
    .map(([path]) => path);
}

function withIds(path: string): string {
  const id = path.startsWith("/areas/")
    ? s.areaIds.northshire
    : path.startsWith("/petitions/")
      ? petitionId
      : path.startsWith("/organisations/")
        ? s.organisationIds.osc
        : path.startsWith("/obligations/")
          ? obligationId
          : path.startsWith("/consultations/")
            ? consultationId
            : 1;
  return path.replace("{id}", String(id));
}

describe("no export contains a signer's or petitioner's email address", () => {
  it("every GET route of the API, as the public, a clerk, a responder and an administrator (JSON and CSV)", async () => {
    const paths = getPaths();
    expect(paths.length).toBeGreaterThan(15);
    let checked = 0;
    for (const path of paths) {
      for (const who of [null, "clerk", "pct", "admin"] as const) {
        for (const suffix of ["", path.includes("?") ? "&format=csv" : "?format=csv"]) {
          const res = await call(
            `${withIds(path)}${suffix}${path === "/petitions/similar" ? (suffix ? "&" : "?") + "q=eye+clinic" : ""}`,
            who ? tokens[who]! : null,
          );
          const body = await res.text();
          expect(res.status, `${path} as ${who}`).toBeLessThan(500);
          expect(leaked(body), `${path}${suffix} as ${who ?? "the public"}`).toEqual([]);
          if (res.ok) checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
    // The exports had something in them: the petition people signed.
    expect(await (await call("/petitions.csv", null)).text()).toContain(TITLE);
    expect(await (await call("/petitions/dashboard.csv", tokens.clerk!)).text()).toContain(TITLE);
  });

  it("the web CSV downloads and the iCalendar feeds", async () => {
    const feed = await call(`/areas/${s.areaIds.northshire}/petition-feeds`, tokens.clerk!, { body: {} });
    expect(feed.status, await feed.clone().text()).toBe(201);
    const petitionFeed = new URL(((await feed.json()) as { url: string }).url).pathname;
    const personal = randomToken(24);
    const organisational = randomToken(24);
    const at = new Date().toISOString();
    await db
      .insertInto("feed_tokens")
      .values([
        { token_hash: await sha256(personal), person_id: s.personIds.clerk!, created_by: s.personIds.clerk!, created_at: at },
        {
          token_hash: await sha256(organisational),
          organisation_id: s.organisationIds.osc!,
          created_by: s.personIds.clerk!,
          created_at: at,
        },
      ])
      .execute();
    const urls = [
      "/petitions/dashboard.csv",
      `/clock/organisations/${s.organisationIds.osc}/csv`,
      `/clock/organisations/${s.organisationIds.pct}/csv`,
      "/clock/areas/northshire/csv",
      petitionFeed,
      `/feeds/calendar/${personal}.ics`,
      `/feeds/calendar/${organisational}.ics`,
      `/petitions/${petitionId}`,
      "/petitions",
      "/petitions/dashboard",
    ];
    for (const url of urls) {
      const res = await request(url, { headers: { Cookie: clerk.cookie } });
      const body = await res.text();
      expect(res.status, url).toBe(200);
      expect(body.length, url).toBeGreaterThan(100);
      expect(leaked(body), url).toEqual([]);
    }
  });
});
