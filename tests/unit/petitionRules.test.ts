// A petition's rules are declared once (shared/petitions/rules.ts) and read two ways: as a predicate
// on the record and as SQL. Here both are run on random petitions at random instants — in real
// SQLite, the engine D1 runs — and must agree, at the boundary instants (exactly the due or closing
// moment, a millisecond either side) and around the clock changes. The migrations' generated
// columns and partial indexes must be the same expressions, word for word.
import type { DatabaseSync } from "node:sqlite";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateBoth } from "./ruleAgreement";
import { type Choice, type Condition, toSqlText } from "../../shared/conditions";
import { petitionStates, responseStates, scrutinyStates } from "../../shared/petitions/machine";
import {
  filterConditions,
  isOpenForSigning,
  openForSigning,
  openNotYetOwed,
  type PetitionColumn,
  petitionParams,
  petitionStatus,
  publiclyListed,
  status,
  urgencyKey,
  urgencyRank,
} from "../../shared/petitions/rules";
import { migratedSchema } from "../../scripts/generate-db-types";

const COLUMNS: PetitionColumn[] = [
  "state",
  "response_state",
  "scrutiny_state",
  "response_due_at",
  "closes_at",
  "referred_at",
  "petitioner_confirmed_at",
];

const conditions: [string, Condition<PetitionColumn>][] = [
  ...Object.entries(filterConditions),
  ["openForSigning", openForSigning],
  ["publiclyListed", publiclyListed],
  ["openNotYetOwed", openNotYetOwed],
];
const choices: [string, Choice<PetitionColumn>][] = [
  ["status", status],
  ["urgencyRank", urgencyRank],
  ["urgencyKey", urgencyKey],
];

const petition = {
  state: fc.constantFrom(...petitionStates),
  response_state: fc.constantFrom(...responseStates),
  scrutiny_state: fc.constantFrom(...scrutinyStates),
};

describe("petition rules: the predicate and the SQL agree", () => {
  const { agreeOnConditions, agreeOnChoices } = generateBoth(COLUMNS, petition, petitionParams);

  it.each(conditions)("%s", (_name, condition) => agreeOnConditions(condition));
  it.each(choices)("%s", (_name, choice) => agreeOnChoices(choice));
});

describe("petition rules: what the predicates say", () => {
  const now = new Date("2026-10-25T00:30:00.000Z"); // 01:30 BST, half an hour before the clocks go back
  it("open for signing until its closing instant, not at it", () => {
    const p = { state: "open", closes_at: "2026-10-25T00:30:00.001Z" };
    expect(isOpenForSigning(p, now)).toBe(true);
    expect(isOpenForSigning({ ...p, closes_at: now.toISOString() }, now)).toBe(false);
    expect(isOpenForSigning({ ...p, closes_at: null }, now)).toBe(false);
    expect(isOpenForSigning({ ...p, state: "closed" }, now)).toBe(false);
  });

  it("a response owed is overdue only after its due instant", () => {
    const p = { state: "closed", response_state: "owed", scrutiny_state: "none", response_due_at: now.toISOString() };
    expect(petitionStatus(p, now)).toBe("response_owed");
    expect(petitionStatus(p, new Date(now.getTime() + 1))).toBe("response_overdue");
    expect(petitionStatus({ ...p, scrutiny_state: "referred" }, new Date(now.getTime() + 1))).toBe("referred");
    expect(petitionStatus({ ...p, state: "hidden" }, now)).toBe("removed");
  });
});

describe("the migrations hold the same expressions", () => {
  const db: DatabaseSync = migratedSchema();
  const tableSql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'petitions'").get() as { sql: string }).sql;
  const indexWhere = (name: string) => {
    const row = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").get(name) as { sql: string } | undefined;
    return /\bWHERE\s+([\s\S]+)$/.exec(row?.sql ?? "")?.[1]?.trim() ?? null;
  };
  const unwrap = (text: string) => (text.startsWith("(") && text.endsWith(")") ? text.slice(1, -1) : text);

  it.each([
    ["urgency_rank", urgencyRank],
    ["urgency_key", urgencyKey],
  ] as const)("the generated column %s is the rule's expression", (column, choice) => {
    const declared = new RegExp(`${column} \\w+ GENERATED ALWAYS AS \\((.+?)\\) VIRTUAL`).exec(tableSql)?.[1];
    expect(declared).toBe(toSqlText(choice));
  });

  it.each([
    ["petitions_public_newest_area", publiclyListed],
    ["petitions_public_signatures_area", publiclyListed],
    ["petitions_organisation_open_signatures", openNotYetOwed],
    ["petitions_area_open_signatures", openNotYetOwed],
  ] as const)("the partial index %s covers exactly the rule's rows", (index, condition) => {
    expect(indexWhere(index)).toBe(unwrap(toSqlText(condition)));
  });
});
