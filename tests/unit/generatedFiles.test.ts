// Generated files are what their sources give (CI fails on a stale one), and the values the
// migrations allow in a column are the values the shared rules declare for it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { apiTypesSource, GENERATED_TYPES, isStale, openApiDocument } from "../../scripts/generate-api-client";
import { generate, migratedSchema, OUTPUT, UNIONS } from "../../scripts/generate-db-types";

describe("worker/platform/schema.ts", () => {
  it("is exactly what the migrations give", () => {
    expect(readFileSync(OUTPUT, "utf8")).toBe(generate());
  });

  it("types every table the migrations create", () => {
    const text = readFileSync(OUTPUT, "utf8");
    const tables = migratedSchema().prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
    }[];
    expect(tables.length).toBeGreaterThan(20);
    for (const { name } of tables) expect(text).toContain(`  ${name}: `);
  });
});

describe("columns with a fixed set of values", () => {
  const db = migratedSchema();
  const tableSql = (table: string) =>
    (db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) as { sql: string } | undefined)?.sql ?? "";
  /** The values of `CHECK (column IN ('a','b'))` in the table's definition, or null where it has none. */
  const checked = (table: string, column: string): string[] | null => {
    const m = new RegExp(`CHECK \\(${column} IN \\(([^)]*)\\)\\)`).exec(tableSql(table));
    return m?.[1] ? [...m[1].matchAll(/'([^']*)'/g)].map((v) => v[1] ?? "") : null;
  };
  const withChecks = Object.entries(UNIONS).filter(([key]) => {
    const [table = "", column = ""] = key.split(".");
    return checked(table, column) !== null;
  });

  it("most have a CHECK constraint in their migration", () => {
    expect(withChecks.length).toBeGreaterThanOrEqual(14);
  });

  it.each(withChecks)("%s allows exactly the values its shared union declares", (key, union) => {
    const [table = "", column = ""] = key.split(".");
    expect([...(checked(table, column) ?? [])].sort()).toEqual([...union.values].sort());
  });
});

describe("extension/utils/api.generated.ts", () => {
  const scratch = mkdtempSync(join(tmpdir(), "api-types-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("is exactly what the OpenAPI document the Worker serves gives", async () => {
    expect(readFileSync(GENERATED_TYPES, "utf8")).toBe(await apiTypesSource());
  });

  it("types every route of the document", async () => {
    const text = readFileSync(GENERATED_TYPES, "utf8");
    const paths = Object.keys((await openApiDocument()).paths ?? {});
    expect(paths).toContain("/consultations");
    for (const path of paths) expect(text).toContain(`    "${path}": {`);
  });

  it("is found stale when a route's types differ, or the file is missing (what `--check` reports)", async () => {
    const fresh = await apiTypesSource();
    const current = join(scratch, "current.ts");
    writeFileSync(current, fresh);
    expect(await isStale(current)).toBe(false);
    const stale = join(scratch, "stale.ts");
    writeFileSync(stale, fresh.replace("watching: boolean;", "watching: string;"));
    expect(await isStale(stale)).toBe(true);
    expect(await isStale(join(scratch, "missing.ts"))).toBe(true);
  });
});
