// Every saved page in tests/fixtures/pages runs through the extraction core (on linkedom's DOM,
// as `npm run clip` does, Readability finding the main text) and is compared with what a careful
// person recorded from the page in its .expected.json. Precision and recall per field are printed
// and held to a minimum: for all pages, and apart for the pages marked `heldOut` (written after
// the extractor was last tuned, and committed before it was run on them). So is the core without
// Readability (a smaller bundle), and the same pages are read with chrono-node's date parser in
// place of ours, to show the comparison that chose ours.
//
// Expected files: {url, now?, heldOut?, title, organisation, opensAt, closesAt, summary}. `title`
// and `organisation` may list the names a person could equally have written (["NHS Northshire
// ICB", "NHS Northshire Integrated Care Board"]). `summary` is the opening a person would expect
// the summary to start with (where it is cut is mechanical); null means no summary expected.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { clipHtml } from "../../scripts/clip";
import { type DomDocument, type Extracted, extractConsultation } from "../../shared/extraction";
import { collapse } from "../../shared/extraction/dom";
import { readabilityContent } from "../../shared/extraction/readability";
import { londonInstant } from "../../shared/time";
import { chronoDates } from "./extraction.chronoDates";

const DIR = join(import.meta.dirname, "../fixtures/pages");
const FIELDS = ["title", "organisation", "opensAt", "closesAt", "summary"] as const;
type Field = (typeof FIELDS)[number];
type Expected = { url: string; now?: string; heldOut?: boolean } & { [F in Field]: string | string[] | null };
type Score = { precision: number; recall: number };

/** Minimum precision (right answers among those given) and recall (right answers among those the pages state) per field. */
const MINIMUM: Record<Field, Score> = {
  title: { precision: 0.97, recall: 0.97 },
  organisation: { precision: 0.95, recall: 0.95 },
  opensAt: { precision: 0.9, recall: 0.9 },
  closesAt: { precision: 0.97, recall: 0.97 },
  summary: { precision: 0.9, recall: 0.9 },
};

const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith(".html"))
  .sort()
  .map((file) => {
    const name = file.replace(/\.html$/, "");
    const expected = JSON.parse(readFileSync(join(DIR, `${name}.expected.json`), "utf8")) as Expected;
    const html = readFileSync(join(DIR, file), "utf8");
    const now = expected.now ? londonInstant(expected.now, "12:00") : new Date("2024-01-01T12:00:00Z");
    const dom = () => parseHTML(html).document as unknown as DomDocument;
    return {
      name,
      expected,
      actual: clipHtml(html, expected.url, now),
      withoutReadability: extractConsultation(dom(), expected.url, { now }),
      withChrono: extractConsultation(dom(), expected.url, { now, mainContent: readabilityContent, findDates: chronoDates }),
    };
  });
type Fixture = (typeof fixtures)[number];
const heldOut = fixtures.filter((f) => f.expected.heldOut);

function matches(field: Field, expected: Expected[Field], actual: string | null): boolean {
  if (expected === null || actual === null) return expected === actual;
  if (field === "summary") return collapse(actual).startsWith(collapse(expected as string));
  return (Array.isArray(expected) ? expected : [expected]).includes(actual);
}

const pct = (n: number) => `${(n * 100).toFixed(1)}%`.padStart(6);

/** Precision and recall of one field over some pages, with the line that reports them and the misses. */
function scoreField(field: Field, pages: Fixture[], pick: (f: Fixture) => Extracted) {
  let given = 0;
  let rightGiven = 0;
  let stated = 0;
  const misses: string[] = [];
  for (const f of pages) {
    const value = pick(f)[field];
    const ok = matches(field, f.expected[field], value);
    if (value !== null) given++;
    if (value !== null && ok) rightGiven++;
    if (f.expected[field] !== null) stated++;
    if (!ok) misses.push(`${f.name} ${field}: expected ${JSON.stringify(f.expected[field])}, got ${JSON.stringify(value)}`);
  }
  const score: Score = { precision: given ? rightGiven / given : 1, recall: stated ? rightGiven / stated : 1 };
  const line = `${field.padEnd(13)}precision ${pct(score.precision)} (${rightGiven}/${given})   recall ${pct(score.recall)} (${rightGiven}/${stated})`;
  return { score, line, misses };
}

function report(label: string, pages: Fixture[], pick: (f: Fixture) => Extracted, fields: readonly Field[] = FIELDS) {
  const results = fields.map((field) => ({ field, ...scoreField(field, pages, pick) }));
  const misses = results.flatMap((r) => r.misses);
  console.log(
    `Extraction on ${pages.length} saved pages, ${label}\n${results.map((r) => r.line).join("\n")}` +
      (misses.length ? `\nMisses:\n  ${misses.join("\n  ")}` : "\nNo misses."),
  );
  return Object.fromEntries(results.map((r) => [r.field, r.score])) as Record<Field, Score>;
}

function holdToMinimum(scores: Record<Field, Score>) {
  for (const field of FIELDS) {
    expect(scores[field].precision, `${field} precision`).toBeGreaterThanOrEqual(MINIMUM[field].precision);
    expect(scores[field].recall, `${field} recall`).toBeGreaterThanOrEqual(MINIMUM[field].recall);
  }
}

describe("extraction on the saved pages", () => {
  it("has at least 80 pages, 15 of them held out, each with its expected output", () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(80);
    expect(heldOut.length).toBeGreaterThanOrEqual(15);
    for (const f of fixtures) expect(Object.keys(f.expected).sort()).toEqual(expect.arrayContaining([...FIELDS, "url"].sort()));
  });

  it.each(fixtures)("$name: gives the page's address, ISO instants and a summary of at most 500 characters", ({ expected, actual }) => {
    expect(actual.url).toBe(expected.url);
    for (const at of [actual.opensAt, actual.closesAt]) if (at !== null) expect(new Date(at).toISOString()).toBe(at);
    if (actual.opensAt && actual.closesAt) expect(actual.opensAt < actual.closesAt).toBe(true);
    expect((actual.summary ?? "").length).toBeLessThanOrEqual(500);
    expect(actual.summary ?? "").not.toMatch(/<[a-z][^>]*>|\s{2}/i);
  });

  const undated = fixtures.filter((f) => f.expected.closesAt === null);
  it.each(undated)("$name states no closing date, and none is invented", ({ actual, withoutReadability }) => {
    expect(actual.closesAt).toBeNull();
    expect(withoutReadability.closesAt).toBeNull();
  });

  it("meets the minimum precision and recall for every field (as npm run clip, with Readability)", () => {
    holdToMinimum(report("as npm run clip (with Readability)", fixtures, (f) => f.actual));
  });

  it("meets them on the held-out pages too", () => {
    holdToMinimum(report("held out (written after the last tuning)", heldOut, (f) => f.actual));
  });

  it("meets them without Readability", () => {
    holdToMinimum(report("without Readability", fixtures, (f) => f.withoutReadability));
  });

  it("reads dates at least as well as chrono-node's en-GB parser would in its place (why the core keeps its own)", () => {
    const dateFields = ["opensAt", "closesAt"] as const;
    const ours = report("dates with our recogniser", fixtures, (f) => f.actual, dateFields);
    const chrono = report(
      "dates with chrono-node's en-GB parser (same roles and choice of period)",
      fixtures,
      (f) => f.withChrono,
      dateFields,
    );
    for (const field of dateFields) {
      expect(ours[field].precision).toBeGreaterThanOrEqual(chrono[field].precision);
      expect(ours[field].recall).toBeGreaterThanOrEqual(chrono[field].recall);
    }
  });
});
