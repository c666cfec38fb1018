// The text rule at work: hidden characters refused with the field named (API, web forms, query strings),
// nothing written; text stored in NFC; and the demo data, written before the rule, passing it.
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { type Lines, normaliseText, textProblem } from "../../shared/schemas/plainText";
import type { SeedResult } from "../../worker/dev/seed";
import { db, dbDigest, postForm, request, seed, tokenFor } from "./helpers";
import { call, latestEmailTo, openPetition, petitionRow, sign, startAndConfirm, uniqueEmail, visitor } from "./petitionHelpers";

/** A demo record's id, by its key in the seed. */
function demoId(ids: Record<string, number>, key: string): number {
  const id = ids[key];
  if (id === undefined) throw new Error(`The demo data has no ${key}`);
  return id;
}

let pct: number;
let clerkToken: string;
beforeAll(async () => {
  const s: SeedResult = await seed();
  pct = demoId(s.organisationIds, "pct");
  clerkToken = await tokenFor(demoId(s.personIds, "clerk"));
});

interface ErrorBody {
  error: { code: string; fields?: Record<string, string> };
}

/** Columns fed by single-line fields (names, titles, emails, postcodes, labels); the rest may hold paragraphs. */
const SINGLE_LINE_COLUMN = /(^|_)(name|title|email|postcode|label|slug)$/;

describe("the demo data passes the text rule (existing rows are never rewritten)", () => {
  it("holds no text the rule would refuse or store differently", async () => {
    const tables = await env.DB.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations'",
    ).all<{ name: string }>();
    const problems: string[] = [];
    let checked = 0;
    for (const { name: table } of tables.results) {
      const columns = await env.DB.prepare(`SELECT name FROM pragma_table_info('${table}') WHERE type = 'TEXT'`).all<{ name: string }>();
      for (const { name: column } of columns.results) {
        const values = await env.DB.prepare(`SELECT DISTINCT "${column}" AS v FROM "${table}" WHERE "${column}" IS NOT NULL`).all<{
          v: string;
        }>();
        const lines: Lines = SINGLE_LINE_COLUMN.test(column) ? "single-line" : "multi-line";
        for (const { v } of values.results) {
          checked++;
          const problem = textProblem(v, lines, `${table}.${column}`);
          if (problem) problems.push(`${problem}: ${JSON.stringify(v).slice(0, 80)}`);
          const stored = lines === "single-line" ? normaliseText(v) : v.normalize("NFC");
          if (stored !== v) problems.push(`${table}.${column} is not as the rule stores it: ${JSON.stringify(v).slice(0, 80)}`);
        }
      }
    }
    expect(problems).toEqual([]);
    // People, organisations, petitions, consultations, requests and their messages were all read.
    expect(checked).toBeGreaterThan(100);
  });
});

describe("hidden characters are refused, naming the field, and nothing is written", () => {
  it('refuses a signature by "Ann\\u0000Lee" with 422 naming name', async () => {
    const { petitionId } = await openPetition(pct, clerkToken, { title: "Keep the minor injuries unit open at night" });
    const before = await dbDigest();
    const res = await sign(petitionId, { name: "Ann\u0000Lee", email: uniqueEmail("ann") });
    expect(res.status).toBe(422);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe("validation_failed");
    expect(body.error.fields).toEqual({ name: "Your name contains a character we cannot accept" });
    expect(await dbDigest()).toBe(before);
  });

  it("refuses it on the web form too, showing what was wrong beside the field", async () => {
    const { petitionId } = await openPetition(pct, clerkToken, {
      title: "Free parking for blood donors at the hospital",
    });
    const session = await visitor(`/petitions/${petitionId}/sign`);
    const before = await dbDigest();
    const res = await postForm(`/petitions/${petitionId}/sign`, session, {
      name: "Ann\u202eeeL",
      email: uniqueEmail("ann"),
      postcode: "NR1 1AA",
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("Your name must not contain hidden characters that change the direction of text");
    expect(html).toContain('href="#name"');
    expect(await dbDigest()).toBe(before);
  });

  it("refuses a line break in a title but keeps the paragraphs of the background", async () => {
    const before = await dbDigest();
    const res = await call("/petitions", null, {
      body: {
        organisationId: pct,
        title: "Reopen the clinic\non Sundays",
        action: "Reopen the clinic on Sundays.",
        background: "It closed in May.\n\nPeople now travel 20 miles.",
        petitionerName: "Petra Petitioner",
        petitionerEmail: uniqueEmail("petra"),
      },
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as ErrorBody).error.fields).toEqual({ title: "The title must not contain line breaks or tabs" });
    expect(await dbDigest()).toBe(before);
  });

  it("refuses search words with control characters or direction overrides in query strings", async () => {
    const petitions = await request("/api/v1/petitions?q=walk%00in");
    expect(petitions.status).toBe(422);
    expect(((await petitions.json()) as ErrorBody).error.fields).toEqual({ q: "Your search contains a character we cannot accept" });
    const consultations = await request("/api/v1/consultations?q=%E2%80%AEclinic");
    expect(consultations.status).toBe(422);
    expect(((await consultations.json()) as ErrorBody).error.fields).toEqual({
      q: "Your search must not contain hidden characters that change the direction of text",
    });
    // The web page searches for nothing rather than showing the words back.
    const page = await request("/consultations?q=clinic%00%E2%80%AE");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).not.toContain("\u0000");
    expect(html).not.toContain("\u202e");
  });
});

describe("text is stored in NFC", () => {
  it("stores a name typed with a combining accent composed, and sends it so in the email", async () => {
    const { petitionId } = await openPetition(pct, clerkToken, {
      title: "A hearing loop at the Harbour Street surgery",
    });
    const email = uniqueEmail("renee");
    const res = await sign(petitionId, { name: "  Rene\u0301e Lefe\u0300vre ", email });
    expect(res.status, await res.clone().text()).toBe(202);
    const row = await db.selectFrom("signatures").select("name").where("petition_id", "=", petitionId).executeTakeFirstOrThrow();
    expect(row.name).toBe("Ren\u00e9e Lef\u00e8vre");
    expect(row.name).toHaveLength(13);
    expect((await latestEmailTo(email, "signature_confirm")).body_text).not.toContain("e\u0301");
  });

  it("stores a petition's title and petitioner's name composed", async () => {
    const { petitionId } = await startAndConfirm(pct, {
      title: "Keep the Cafe\u0301 Nero\u0301 clinic open",
      petitionerName: "Zoe\u0308 A\u030angstro\u0308m",
    });
    const petition = await petitionRow(petitionId);
    expect(petition.title).toBe("Keep the Caf\u00e9 Ner\u00f3 clinic open");
    expect(petition.petitioner_name).toBe("Zo\u00eb \u00c5ngstr\u00f6m");
  });
});
