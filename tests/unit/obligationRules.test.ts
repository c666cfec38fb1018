// An obligation's rules are declared once (shared/obligations/rules.ts) and read two ways: as a
// predicate on the record and as SQL (the request lists, the scheduled handler's overdue stamp).
// Here both are run on random obligations at random instants in real SQLite — exactly the due
// moment and a millisecond either side, and around the clock changes — and must agree. The
// migrations' partial index and the watches' triggers must say the same conditions, word for word.
import type { DatabaseSync } from "node:sqlite";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateBoth } from "./ruleAgreement";
import { at, type Choice, type Condition, holds, toSqlText } from "../../shared/conditions";
import { obligationStates } from "../../shared/obligations/machine";
import {
  answeredLate,
  awaitingOverdueStamp,
  becomingOverdue,
  filterConditions,
  isAnsweredLate,
  isOverdue,
  type ObligationColumn,
  obligationStatus,
  obligationStatuses,
  openOnTime,
  overdue,
  status,
  unanswered,
} from "../../shared/obligations/rules";
import { ObligationStatus } from "../../shared/schemas/obligations";
import { migratedSchema } from "../../scripts/generate-db-types";

const COLUMNS: ObligationColumn[] = ["state", "due_at", "met_late", "overdue_at"];

const conditions: [string, Condition<ObligationColumn>][] = [
  ...Object.entries(filterConditions),
  ["answeredLate", answeredLate],
  ["awaitingOverdueStamp", awaitingOverdueStamp],
  ["becomingOverdue", becomingOverdue],
];
const choices: [string, Choice<ObligationColumn>][] = [["status", status]];

const obligation = {
  state: fc.constantFrom(...obligationStates),
  met_late: fc.constantFrom(0, 1, null),
};

describe("obligation rules: the predicate and the SQL agree", () => {
  const { agreeOnConditions, agreeOnChoices } = generateBoth(COLUMNS, obligation, at, ["met_late"]);

  it.each(conditions)("%s", (_name, condition) => agreeOnConditions(condition));
  it.each(choices)("%s", (_name, choice) => agreeOnChoices(choice));
});

describe("obligation rules: what the predicates say", () => {
  const now = new Date("2026-10-25T00:59:59.999Z"); // the last millisecond of BST
  const later = (ms: number) => new Date(now.getTime() + ms);

  it("an open request is overdue only after its due moment, not at it", () => {
    const o = { state: "open", due_at: now.toISOString(), met_late: null, overdue_at: null };
    expect(obligationStatus(o, now)).toBe("open");
    expect(isOverdue(o, now)).toBe(false);
    expect(obligationStatus(o, later(1))).toBe("overdue");
    expect(isOverdue(o, later(1))).toBe(true);
    expect(obligationStatus(o, later(-1))).toBe("open");
    // The scheduled handler stamps it at the same moment its status turns, and only once.
    expect(holds(becomingOverdue, o, at(now))).toBe(false);
    expect(holds(becomingOverdue, o, at(later(1)))).toBe(true);
    expect(holds(becomingOverdue, { ...o, overdue_at: later(1).toISOString() }, at(later(2)))).toBe(false);
  });

  it("an answered or withdrawn request is never overdue, and is late only as recorded", () => {
    const o = { due_at: now.toISOString(), overdue_at: null };
    expect(obligationStatus({ ...o, state: "met", met_late: 1 }, later(1))).toBe("met");
    expect(obligationStatus({ ...o, state: "withdrawn", met_late: null }, later(1))).toBe("withdrawn");
    expect(isOverdue({ ...o, state: "met", met_late: 0 }, later(1))).toBe(false);
    expect(isAnsweredLate({ ...o, state: "met", met_late: 1 })).toBe(true);
    expect(isAnsweredLate({ ...o, state: "met", met_late: 0 })).toBe(false);
    expect(isAnsweredLate({ ...o, state: "open", met_late: 1 })).toBe(false);
  });

  it("every open request is either on time or overdue, never both, at every instant", () => {
    const instant = fc.date({ min: new Date("2025-01-01T00:00:00Z"), max: new Date("2028-01-01T00:00:00Z"), noInvalidDate: true });
    fc.assert(
      fc.property(instant, fc.integer({ min: -2, max: 2 }), (due, offset) => {
        const o = { state: "open", due_at: due.toISOString() };
        const params = at(new Date(due.getTime() + offset));
        expect(holds(openOnTime, o, params)).toBe(!holds(overdue, o, params));
        expect(holds(unanswered, o)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("the status gives exactly the statuses the API names", () => {
    const given = [...status.when.map((b) => b.gives), status.otherwise].map((g) => ("value" in g ? g.value : null));
    expect(new Set(given)).toEqual(new Set(obligationStatuses));
    expect(ObligationStatus.options).toEqual([...obligationStatuses]);
  });
});

describe("the migrations hold the same conditions", () => {
  const db: DatabaseSync = migratedSchema();
  const sqlOf = (type: "index" | "trigger", name: string) =>
    (db.prepare("SELECT sql FROM sqlite_master WHERE type = ? AND name = ?").get(type, name) as { sql: string } | undefined)?.sql ?? "";
  const unwrap = (text: string) => (text.startsWith("(") && text.endsWith(")") ? text.slice(1, -1) : text);

  it("the partial index the overdue stamp walks covers exactly the rule's rows", () => {
    const indexWhere = /\bWHERE\s+([\s\S]+)$/.exec(sqlOf("index", "obligations_becoming_overdue"))?.[1]?.trim();
    expect(indexWhere).toBe(unwrap(toSqlText(awaitingOverdueStamp)));
  });

  it.each([
    ["watches_live_obligation", "NEW"],
    ["watches_live_insert", "o"],
  ])("the trigger %s keeps a watch live while the request is unanswered", (trigger, alias) => {
    expect(sqlOf("trigger", trigger)).toContain(`CASE WHEN ${toSqlText(unanswered, { alias })} THEN ${alias}.due_at END`);
  });
});
