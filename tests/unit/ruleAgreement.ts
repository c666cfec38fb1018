// The property behind every rules test: a condition (or choice) declared once gives the same answer
// as a predicate in TypeScript and as SQL in SQLite (node:sqlite, the engine D1 runs), on random
// records at random instants — boundary instants and both clock changes included.
import { DatabaseSync, type SQLInputValue } from "node:sqlite";
import fc from "fast-check";
import { expect } from "vitest";
import { type Choice, type Condition, choose, holds, type Params, toSql } from "../../shared/conditions";

/** Instants where mistakes hide: both clock changes of 2026 (01:00 UTC) with a millisecond either side, and midnights. */
const SPECIAL_INSTANTS = [
  "2026-03-29T00:59:59.999Z",
  "2026-03-29T01:00:00.000Z",
  "2026-03-29T01:00:00.001Z",
  "2026-10-25T00:59:59.999Z",
  "2026-10-25T01:00:00.000Z",
  "2026-10-25T01:00:00.001Z",
  "2026-12-24T23:59:59.999Z",
  "2026-12-25T00:00:00.000Z",
];

const instant = fc.oneof(
  fc.constantFrom(...SPECIAL_INSTANTS),
  fc
    .date({ min: new Date("2025-01-01T00:00:00Z"), max: new Date("2028-01-01T00:00:00Z"), noInvalidDate: true })
    .map((d) => d.toISOString()),
);

/**
 * For a table whose rule columns are `columns` (enumerated ones from `enums`, the rest ISO
 * instants or null), checks conditions and choices both ways on random rows and instants.
 * `paramsAt(now)` gives the parameters the rules module reads them with. Columns are TEXT but
 * for those named in `integerColumns` (flags such as 0 or 1).
 */
export function generateBoth<C extends string>(
  columns: readonly C[],
  enums: Partial<Record<C, fc.Arbitrary<string | number | null>>>,
  paramsAt: (now: Date) => Params,
  integerColumns: readonly C[] = [],
) {
  const db = new DatabaseSync(":memory:");
  db.exec(
    `CREATE TABLE t (id INTEGER PRIMARY KEY, ${columns.map((c) => `${c} ${integerColumns.includes(c) ? "INTEGER" : "TEXT"}`).join(", ")})`,
  );
  const insert = db.prepare(`INSERT INTO t (id, ${columns.join(", ")}) VALUES (?, ${columns.map(() => "?").join(", ")})`);

  type Row = Record<C, string | number | null>;
  const arbitraries = Object.fromEntries(columns.map((c) => [c, enums[c] ?? fc.option(instant, { nil: null, freq: 4 })]));
  const row = fc.record(arbitraries) as unknown as fc.Arbitrary<Row>;
  // The moment of reading: any instant, or one of the rows' own instants, exactly or a millisecond off.
  const scenario = fc.array(row, { minLength: 1, maxLength: 25 }).chain((rows) => {
    const own = rows.flatMap((r) => columns.map((c) => r[c]).filter((v): v is string => typeof v === "string" && /^\d{4}-/.test(v)));
    const nowFrom = own.length
      ? fc.oneof(
          instant,
          fc.tuple(fc.constantFrom(...own), fc.constantFrom(-1, 0, 1)).map(([at, ms]) => new Date(Date.parse(at) + ms).toISOString()),
        )
      : instant;
    return fc.tuple(fc.constant(rows), nowFrom);
  });

  const load = (rows: Row[]) => {
    db.exec("DELETE FROM t");
    rows.forEach((r, i) => {
      insert.run(i + 1, ...columns.map((c) => r[c]));
    });
  };
  const bound = (c: Condition<C> | Choice<C>, params: Params) => {
    const parts = toSql(c);
    const text = parts.map((p) => (typeof p === "string" ? p : "?")).join("");
    const values = parts.filter((p) => typeof p !== "string").map((p) => params[p.param] as SQLInputValue);
    return { text, values };
  };

  return {
    agreeOnConditions(condition: Condition<C>) {
      fc.assert(
        fc.property(scenario, ([rows, nowIso]) => {
          load(rows);
          const params = paramsAt(new Date(nowIso));
          const { text, values } = bound(condition, params);
          const fromSql = (db.prepare(`SELECT id FROM t WHERE ${text} ORDER BY id`).all(...values) as { id: number }[]).map((r) => r.id);
          const fromPredicate = rows.flatMap((r, i) => (holds(condition, r, params) ? [i + 1] : []));
          expect(fromSql).toEqual(fromPredicate);
        }),
        { numRuns: 300 },
      );
    },
    agreeOnChoices(choice: Choice<C>) {
      fc.assert(
        fc.property(scenario, ([rows, nowIso]) => {
          load(rows);
          const params = paramsAt(new Date(nowIso));
          const { text, values } = bound(choice, params);
          const fromSql = (db.prepare(`SELECT ${text} AS v FROM t ORDER BY id`).all(...values) as { v: unknown }[]).map((r) => r.v);
          expect(fromSql).toEqual(rows.map((r) => choose(choice, r, params)));
        }),
        { numRuns: 300 },
      );
    },
  };
}
