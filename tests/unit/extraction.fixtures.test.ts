// Every saved page in tests/fixtures/pages runs through the extraction core (on linkedom's DOM,
// as `npm run clip` does, Readability finding the main text) and is compared with what a careful
// person recorded from the page in its .expected.json. Precision per field is printed and held
// to a minimum; so is the core without Readability (a smaller bundle).
//
// Expected files: {url, now?, title, organisation, opensAt, closesAt, summary}. `title` and
// `organisation` may list the names a person could equally have written (["NHS Northshire ICB",
// "NHS Northshire Integrated Care Board"]). `summary` is the opening a person would expect the
// summary to start with (where it is cut is mechanical); null means no summary expected.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { clipHtml } from "../../scripts/clip";
import { extractConsultation, type DomDocument, type Extracted } from "../../shared/extraction";
import { collapse } from "../../shared/extraction/dom";
import { londonInstant } from "../../shared/time";

const DIR = join(import.meta.dirname, "../fixtures/pages");
const FIELDS = ["title", "organisation", "opensAt", "closesAt", "summary"] as const;
type Field = (typeof FIELDS)[number];
type Expected = { url: string; now?: string } & { [F in Field]: string | string[] | null };

/** Minimum precision (right answers among the answers given) and accuracy (right, counting nulls) per field. */
const MINIMUM: Record<Field, { precision: number; accuracy: number }> = {
  title: { precision: 1, accuracy: 1 },
  organisation: { precision: 0.9, accuracy: 0.9 },
  opensAt: { precision: 0.9, accuracy: 0.9 },
  closesAt: { precision: 0.95, accuracy: 0.95 },
  summary: { precision: 0.9, accuracy: 0.9 },
};

const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith(".html"))
  .sort()
  .map((file) => {
    const name = file.replace(/\.html$/, "");
    const expected = JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), "utf8")) as Expected;
    const html = readFileSync(join(DIR, file), "utf8");
    const now = expected.now ? londonInstant(expected.now, "12:00") : new Date("2024-01-01T12:00:00Z");
    const withoutReadability = extractConsultation(parseHTML(html).document as unknown as DomDocument, expected.url, { now });
    return { name, expected, actual: clipHtml(html, expected.url, now), withoutReadability };
  });

function matches(field: Field, expected: Expected[Field], actual: string | null): boolean {
  if (expected === null || actual === null) return expected === actual;
  if (field === "summary") return collapse(actual).startsWith(collapse(expected as string));
  return (Array.isArray(expected) ? expected : [expected]).includes(actual);
}

describe("extraction on the saved pages", () => {
  it("has at least 24 pages, each with its expected output", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(24);
    for (const f of fixtures) expect(Object.keys(f.expected).sort()).toEqual(expect.arrayContaining([...FIELDS, "url"].sort()));
  });

  it.each(fixtures)("$name: gives the page's address, ISO instants and a summary of at most 500 characters", ({ expected, actual }) => {
    expect(actual.url).toBe(expected.url);
    for (const at of [actual.opensAt, actual.closesAt]) if (at !== null) expect(new Date(at).toISOString()).toBe(at);
    if (actual.opensAt && actual.closesAt) expect(actual.opensAt < actual.closesAt).toBe(true);
    expect((actual.summary ?? "").length).toBeLessThanOrEqual(500);
    expect(actual.summary ?? "").not.toMatch(/<[a-z][^>]*>|\s{2}/i);
  });

  function score(label: string, pick: (f: (typeof fixtures)[number]) => Extracted) {
    const rows: string[] = [];
    const misses: string[] = [];
    const scores = {} as Record<Field, { precision: number; accuracy: number }>;
    for (const field of FIELDS) {
      let given = 0;
      let rightGiven = 0;
      let right = 0;
      let stated = 0;
      for (const f of fixtures) {
        const value = pick(f)[field];
        const ok = matches(field, f.expected[field], value);
        if (value !== null) given++;
        if (value !== null && ok) rightGiven++;
        if (f.expected[field] !== null) stated++;
        if (ok) right++;
        else misses.push(`${f.name} ${field}: expected ${JSON.stringify(f.expected[field])}, got ${JSON.stringify(value)}`);
      }
      scores[field] = { precision: given ? rightGiven / given : 1, accuracy: right / fixtures.length };
      const pct = (n: number) => `${(n * 100).toFixed(1)}%`.padStart(7);
      rows.push(
        `${field.padEnd(13)}${pct(scores[field].precision)} (${rightGiven}/${given})   recall ${pct(stated ? rightGiven / stated : 1)} (${rightGiven}/${stated})   exact ${pct(scores[field].accuracy)} (${right}/${fixtures.length})`,
      );
    }
    console.log(
      `Extraction precision on ${fixtures.length} saved pages, ${label}\n${rows.join("\n")}${misses.length ? `\nMisses:\n  ${misses.join("\n  ")}` : "\nNo misses."}`,
    );
    for (const field of FIELDS) {
      expect(scores[field].precision, `${field} precision`).toBeGreaterThanOrEqual(MINIMUM[field].precision);
      expect(scores[field].accuracy, `${field} exact matches`).toBeGreaterThanOrEqual(MINIMUM[field].accuracy);
    }
  }

  it("meets the minimum precision for every field (as npm run clip, with Readability)", () => {
    score("as npm run clip (with Readability)", (f) => f.actual);
  });

  it("meets the minimum precision for every field without Readability", () => {
    score("without Readability", (f) => f.withoutReadability);
  });
});
