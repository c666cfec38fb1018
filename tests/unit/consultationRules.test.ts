// A consultation's rules are declared once (shared/consultations/rules.ts) and read two ways: as a
// predicate on the record and as SQL. Here both are run on random consultations at random instants —
// in real SQLite, the engine D1 runs — and must agree, at the boundary instants (exactly the opening,
// closing or overdue moment, a millisecond either side) and around the clock changes, for several
// outcome periods. The filters must say what the status says, and the watches' triggers in the
// migrations must read the same "active".
import type { DatabaseSync } from "node:sqlite";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateBoth } from "./ruleAgreement";
import { type Choice, type Condition, holds, toSqlText } from "../../shared/conditions";
import { consultationStates } from "../../shared/consultations/machine";
import {
  active,
  awaitingLinkResponse,
  type ConsultationColumn,
  type ConsultationRuleRow,
  closingOrderWalks,
  consultationParams,
  consultationStatus,
  filterConditions,
  isOutcomeOverdue,
  isStillOpen,
  onTheClock,
  outcomeDueAt,
  status,
  stillOpen,
} from "../../shared/consultations/rules";
import { type ConsultationStatus, consultationStatuses } from "../../shared/consultations/status";
import { migratedSchema } from "../../scripts/generate-db-types";

const COLUMNS: ConsultationColumn[] = ["state", "opens_at", "closes_at", "link_responded_at"];
/** Outcome periods in weeks: none at all, the shortest, the default, a year. */
const PERIODS = [0, 1, 12, 52];

const conditions: [string, Condition<ConsultationColumn>][] = [
  ...Object.entries(filterConditions),
  ...Object.entries(closingOrderWalks).flatMap(([name, walks]): [string, Condition<ConsultationColumn>][] => [
    [`${name}, dated walk`, walks.dated],
    [`${name}, undated walk`, walks.undated],
  ]),
  ["stillOpen", stillOpen],
  ["onTheClock", onTheClock],
  ["awaitingLinkResponse", awaitingLinkResponse],
];
const choices: [string, Choice<ConsultationColumn>][] = [["status", status]];

const consultation = { state: fc.constantFrom(...consultationStates) };

describe.each(PERIODS)("consultation rules with an outcome period of %i weeks: the predicate and the SQL agree", (weeks) => {
  const { agreeOnConditions, agreeOnChoices } = generateBoth(COLUMNS, consultation, (now) => consultationParams(now, weeks));

  it.each(conditions)("%s", (_name, condition) => agreeOnConditions(condition));
  it.each(choices)("%s", (_name, choice) => agreeOnChoices(choice));
});

// Consultations as they can be saved: opening (where given) before closing.
const instant = fc
  .date({ min: new Date("2025-01-01T00:00:00Z"), max: new Date("2028-01-01T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString());
const saved = fc
  .record({
    state: fc.constantFrom(...consultationStates),
    opens_at: fc.option(instant, { nil: null }),
    closes_at: fc.option(instant, { nil: null }),
    link_responded_at: fc.option(instant, { nil: null }),
  })
  .filter((c) => !c.opens_at || !c.closes_at || c.opens_at < c.closes_at);
/** The moment of reading: any instant, or exactly (or a millisecond off) one of the consultation's own. */
const readAt = (c: ConsultationRuleRow) => {
  const own = [c.opens_at, c.closes_at].filter((v): v is string => typeof v === "string");
  const shifted = own.length
    ? [fc.tuple(fc.constantFrom(...own), fc.constantFrom(-1, 0, 1)).map(([at, ms]) => new Date(Date.parse(at) + ms))]
    : [];
  return fc.oneof(
    instant.map((i) => new Date(i)),
    ...shifted,
  );
};
const scenario = saved.chain((c) => fc.tuple(fc.constant(c), readAt(c), fc.constantFrom(...PERIODS)));

describe("consultation rules: the filters say what the status says", () => {
  const statusFilters = consultationStatuses.map((s) => [s, filterConditions[s]] as const);

  it("a consultation is in a status's list exactly when it has that status", () => {
    fc.assert(
      fc.property(scenario, ([c, now]) => {
        const params = consultationParams(now);
        const statusNow = consultationStatus(c, now);
        for (const [s, condition] of statusFilters) expect(holds(condition, c, params), s).toBe(statusNow === s);
      }),
      { numRuns: 1000 },
    );
  });

  it("current is upcoming, open or closing soon; listed is anything not withdrawn", () => {
    const current: ConsultationStatus[] = ["upcoming", "open", "closing_soon"];
    fc.assert(
      fc.property(scenario, ([c, now]) => {
        const params = consultationParams(now);
        const statusNow = consultationStatus(c, now);
        expect(holds(filterConditions.current, c, params)).toBe(current.includes(statusNow));
        expect(holds(filterConditions.listed, c, params)).toBe(statusNow !== "withdrawn");
      }),
      { numRuns: 1000 },
    );
  });

  it("an outcome is overdue exactly once its due instant has passed, and only when the consultation has closed", () => {
    fc.assert(
      fc.property(scenario, ([c, now, weeks]) => {
        const due = outcomeDueAt(c, weeks);
        const overdue = isOutcomeOverdue(c, now, weeks);
        expect(overdue).toBe(due !== null && due < now.toISOString());
        if (overdue) expect(consultationStatus(c, now)).toBe("closed");
        expect(holds(filterConditions.outcome_overdue, c, consultationParams(now, weeks))).toBe(overdue);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("consultation rules: what the predicates say", () => {
  // 11:59pm on Sunday 29 March 2026, the day the clocks go forward: 22:59 UTC (BST).
  const closes = "2026-03-29T22:59:00.000Z";
  const c = { state: "active", opens_at: "2026-02-01T00:00:00.000Z", closes_at: closes };
  const ms = (iso: string, by: number) => new Date(Date.parse(iso) + by);

  it("is still open until its closing instant, not at it", () => {
    expect(isStillOpen(c, ms(closes, -1))).toBe(true);
    expect(isStillOpen(c, new Date(closes))).toBe(false);
    expect(isStillOpen({ ...c, closes_at: null }, new Date(closes))).toBe(false);
    expect(isStillOpen({ ...c, state: "withdrawn" }, ms(closes, -1))).toBe(false);
  });

  it("is closing soon from exactly seven days before closing", () => {
    const week = 7 * 86_400_000;
    expect(consultationStatus(c, ms(closes, -week - 1))).toBe("open");
    expect(consultationStatus(c, ms(closes, -week))).toBe("closing_soon");
    expect(consultationStatus({ ...c, closes_at: null }, ms(closes, 0))).toBe("open");
  });

  it("owes an outcome from closing plus the area's weeks, and none once withdrawn or published", () => {
    expect(outcomeDueAt(c, 12)).toBe("2026-06-21T22:59:00.000Z");
    expect(outcomeDueAt({ ...c, state: "withdrawn" }, 12)).toBeNull();
    expect(outcomeDueAt({ ...c, state: "outcome_published" }, 12)).toBeNull();
    expect(outcomeDueAt({ ...c, closes_at: null }, 12)).toBeNull();
    expect(() => holds(filterConditions.outcome_overdue, c, consultationParams(new Date(closes)))).toThrow(/outcomeOverdueBefore/);
  });
});

describe("the migrations hold the same expressions", () => {
  const db: DatabaseSync = migratedSchema();
  const triggers = (
    db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%consultation%'").all() as {
      sql: string;
    }[]
  ).map((r) => r.sql);

  it("a watch on a consultation is live until its closing moment while the consultation is active", () => {
    // Each trigger that keeps watches.live_until reads the consultation (as c, or NEW) through the rule's "active".
    const cases = triggers.flatMap((text) => [...text.matchAll(/CASE WHEN ((\w+)\.state = '\w+') THEN \2\.closes_at END/g)]);
    expect(cases.length).toBe(2);
    for (const [, condition, alias] of cases) expect(condition).toBe(toSqlText(active, { alias }));
  });
});
