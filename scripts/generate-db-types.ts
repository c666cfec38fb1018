// Generates worker/platform/schema.ts, the Kysely `Database` types, from the migrations themselves:
// they are applied to an in-memory SQLite (D1 is SQLite) and every table is read back with
// PRAGMA table_xinfo. State and kind columns are typed with the unions the shared rules declare.
//
//   npm run generate:db            write the file
//   npm run generate:db -- --check fail if the file is not what the migrations give (CI runs this)
//
// Why not kysely-codegen: it reads SQLite through better-sqlite3, a native module whose prebuilt
// binaries cannot be downloaded here (it would build from source on every install); Node's own
// node:sqlite reads the same schema with nothing to build.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { DatabaseSync } from "node:sqlite";
import { commissioningStages, consultationStates, engagementMethods } from "../shared/consultations/machine";
import { messageKinds, obligationKinds, obligationStates, tallySides } from "../shared/obligations/machine";
import { petitionStates, referralReasons, rejectionCodes, responseStates, scrutinyStates } from "../shared/petitions/machine";
import { signatureStates } from "../shared/petitions/signatures";
import { organisationKinds, roles } from "../shared/roles";
import { targetKinds } from "../shared/schemas/watches";

const root = resolve(import.meta.dirname, "..");
export const OUTPUT = join(root, "worker/platform/schema.ts");

/**
 * Columns whose values a shared union names: the type, the module (from worker/platform/) that
 * declares it, and its values (tests/unit/generatedFiles.test.ts holds them equal to the CHECK
 * constraint the migration wrote, where there is one).
 */
export const UNIONS: Record<string, { type: string; from: string; values: readonly string[] }> = {
  "organisations.kind": { type: "OrganisationKind", from: "../../shared/roles", values: organisationKinds },
  "memberships.role": { type: "Role", from: "../../shared/roles", values: roles },
  "petitions.state": { type: "PetitionState", from: "../../shared/petitions/machine", values: petitionStates },
  "petitions.response_state": { type: "ResponseState", from: "../../shared/petitions/machine", values: responseStates },
  "petitions.scrutiny_state": { type: "ScrutinyState", from: "../../shared/petitions/machine", values: scrutinyStates },
  "petitions.rejection_code": { type: "RejectionCode", from: "../../shared/petitions/machine", values: rejectionCodes },
  "petitions.hidden_code": { type: "RejectionCode", from: "../../shared/petitions/machine", values: rejectionCodes },
  "petitions.referral_reason": { type: "ReferralReason", from: "../../shared/petitions/machine", values: referralReasons },
  "signatures.state": { type: "SignatureState", from: "../../shared/petitions/signatures", values: signatureStates },
  "consultations.state": { type: "ConsultationState", from: "../../shared/consultations/machine", values: consultationStates },
  "consultations.stage": {
    type: "CommissioningStage",
    from: "../../shared/consultations/machine",
    values: Object.keys(commissioningStages),
  },
  "consultations.method": { type: "EngagementMethod", from: "../../shared/consultations/machine", values: Object.keys(engagementMethods) },
  "obligations.state": { type: "ObligationState", from: "../../shared/obligations/machine", values: obligationStates },
  "obligations.kind": { type: "ObligationKind", from: "../../shared/obligations/machine", values: Object.keys(obligationKinds) },
  "obligation_tallies.side": { type: "TallySide", from: "../../shared/obligations/machine", values: tallySides },
  "obligation_messages.kind": { type: "MessageKind", from: "../../shared/obligations/machine", values: messageKinds },
  "watches.target_kind": { type: "TargetKind", from: "../../shared/schemas/watches", values: targetKinds },
};

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
  /** 0 ordinary, 2 generated (virtual), 3 generated (stored). */
  hidden: number;
}

/** The migrations applied, in order, to a new in-memory SQLite database. */
export function migratedSchema(): DatabaseSync {
  const db = new DatabaseSync(":memory:");
  const dir = join(root, "migrations");
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort()) {
    db.exec(readFileSync(join(dir, file), "utf8"));
  }
  return db;
}

const pascal = (table: string) =>
  table
    .split("_")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");

function baseType(table: string, column: ColumnInfo, used: Set<string>): string {
  const union = UNIONS[`${table}.${column.name}`];
  if (union) {
    used.add(union.type);
    return union.type;
  }
  const declared = column.type.toUpperCase();
  if (declared.includes("INT") || declared.includes("REAL") || declared.includes("NUM")) return "number";
  if (declared.includes("BLOB")) return "ArrayBuffer";
  return "string";
}

function columnType(table: string, column: ColumnInfo, used: Set<string>): string {
  const base = baseType(table, column, used);
  // INTEGER PRIMARY KEY is SQLite's rowid: never null, assigned on insert.
  if (column.pk && column.type.toUpperCase() === "INTEGER") return "Generated<number>";
  const type = column.notnull || column.pk ? base : `${base} | null`;
  if (column.hidden === 2 || column.hidden === 3) return `GeneratedAlways<${type}>`;
  if (column.dflt_value !== null) return `Defaulted<${type}>`;
  return type;
}

export function generate(): string {
  const db = migratedSchema();
  const tables = (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' ORDER BY rowid")
      .all() as { name: string }[]
  ).map((t) => t.name);
  const used = new Set<string>();
  const interfaces = tables.map((table) => {
    const columns = db.prepare(`PRAGMA table_xinfo(${JSON.stringify(table)})`).all() as unknown as ColumnInfo[];
    const body = columns.map((c) => `  ${c.name}: ${columnType(table, c, used)};`).join("\n");
    return `export interface ${pascal(table)}Table {\n${body}\n}`;
  });
  const imports = new Map<string, string[]>();
  for (const { type, from } of Object.values(UNIONS)) {
    if (!used.has(type)) continue;
    const names = imports.get(from) ?? [];
    if (!names.includes(type)) names.push(type);
    imports.set(from, names);
  }
  const importLines = [...imports.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([from, names]) => `import type { ${names.sort().join(", ")} } from "${from}";`);
  return [
    "// Generated from migrations/ by scripts/generate-db-types.ts (npm run generate:db). Do not edit:",
    "// change a migration and run it again. `npm test` fails while this file is out of date.",
    'import type { ColumnType, Generated, GeneratedAlways } from "kysely";',
    ...importLines,
    "",
    "/** A column with a database default: optional on insert. */",
    "type Defaulted<T> = ColumnType<T, T | undefined, T>;",
    "",
    interfaces.join("\n\n"),
    "",
    "export interface Database {",
    ...tables.map((t) => `  ${t}: ${pascal(t)}Table;`),
    "}",
    "",
  ].join("\n");
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const text = generate();
  if (process.argv.includes("--check")) {
    let current = "";
    try {
      current = readFileSync(OUTPUT, "utf8");
    } catch {
      // missing counts as stale
    }
    if (current !== text) {
      console.error("worker/platform/schema.ts is out of date with migrations/: run `npm run generate:db` and commit it.");
      process.exit(1);
    }
    console.log("worker/platform/schema.ts matches the migrations.");
  } else {
    writeFileSync(OUTPUT, text);
    console.log(`Wrote ${OUTPUT}`);
  }
}
