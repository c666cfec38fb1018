// Named conditions declared once, as data: each yields both a predicate on a record (in the Worker,
// the pages and the extension) and the SQL that lists, filters and indexes use (worker/platform/
// conditions.ts compiles it). The predicate follows SQL's rules for NULL, so the two cannot disagree.

/**
 * A value in a condition: a column of the record, a literal, or a parameter given when it is read
 * (the moment of reading, "now", or an instant a rules module derives from it, such as a week ahead).
 */
export type Operand<C extends string> = { column: C } | { param: string } | { value: string | number | null };

/** The parameters a condition is read with, by name: ISO instants or numbers. */
export type Params = Readonly<Record<string, string | number>>;

export type Condition<C extends string> =
  | { op: "=" | "<>" | "<" | "<=" | ">" | ">="; left: Operand<C>; right: Operand<C> }
  | { op: "in"; column: C; values: readonly (string | number)[] }
  | { op: "null" | "not null"; column: C }
  | { op: "and" | "or"; all: readonly Condition<C>[] }
  | { op: "not"; condition: Condition<C> };

/** A ranking or ordering value: the first branch whose condition holds gives it (CASE WHEN … END). */
export interface Choice<C extends string> {
  when: readonly { if: Condition<C>; gives: Operand<C> }[];
  otherwise: Operand<C>;
}

// ---------------------------------------------------------------- building

export const col = <C extends string>(column: C): Operand<C> => ({ column });
export const param = (name: string) => ({ param: name }) as const;
/** The moment of reading (an ISO instant), the parameter most conditions compare with. */
export const NOW = param("now");
/** Parameters for conditions that read only the moment of reading. */
export const at = (now: Date): Params => ({ now: now.toISOString() });
export const val = (value: string | number | null) => ({ value }) as const;

const compare =
  (op: "=" | "<>" | "<" | "<=" | ">" | ">=") =>
  <C extends string>(left: C | Operand<C>, right: Operand<C> | string | number): Condition<C> => ({
    op,
    left: typeof left === "string" ? { column: left } : left,
    right: typeof right === "object" ? right : { value: right },
  });

export const eq = compare("=");
export const ne = compare("<>");
export const lt = compare("<");
export const le = compare("<=");
export const gt = compare(">");
export const ge = compare(">=");
export const isIn = <C extends string>(column: C, values: readonly (string | number)[]): Condition<C> => ({ op: "in", column, values });
export const isNull = <C extends string>(column: C): Condition<C> => ({ op: "null", column });
export const notNull = <C extends string>(column: C): Condition<C> => ({ op: "not null", column });
export const and = <C extends string>(...all: Condition<C>[]): Condition<C> => ({ op: "and", all });
export const or = <C extends string>(...all: Condition<C>[]): Condition<C> => ({ op: "or", all });
export const not = <C extends string>(condition: Condition<C>): Condition<C> => ({ op: "not", condition });

// ---------------------------------------------------------------- evaluating (SQL's three-valued logic)

type Row<C extends string> = { readonly [K in C]?: unknown };
type Truth = boolean | null;

function operand<C extends string>(o: Operand<C>, row: Row<C>, params: Params): unknown {
  if ("column" in o) return row[o.column] ?? null;
  if ("param" in o) {
    const v = params[o.param];
    if (v === undefined) throw new Error(`No value given for the parameter "${o.param}"`);
    return v;
  }
  return o.value;
}

function compareValues(op: string, a: unknown, b: unknown): Truth {
  if (a === null || b === null || a === undefined || b === undefined) return null;
  // SQLite compares text with text and numbers with numbers; conditions here never mix them.
  const x = a as string | number;
  const y = b as string | number;
  switch (op) {
    case "=":
      return x === y;
    case "<>":
      return x !== y;
    case "<":
      return x < y;
    case "<=":
      return x <= y;
    case ">":
      return x > y;
    default:
      return x >= y;
  }
}

function truth<C extends string>(c: Condition<C>, row: Row<C>, params: Params): Truth {
  switch (c.op) {
    case "in": {
      const v = row[c.column] ?? null;
      return v === null ? null : c.values.includes(v as string | number);
    }
    case "null":
      return (row[c.column] ?? null) === null;
    case "not null":
      return (row[c.column] ?? null) !== null;
    case "and": {
      const parts = c.all.map((p) => truth(p, row, params));
      if (parts.includes(false)) return false;
      return parts.includes(null) ? null : true;
    }
    case "or": {
      const parts = c.all.map((p) => truth(p, row, params));
      if (parts.includes(true)) return true;
      return parts.includes(null) ? null : false;
    }
    case "not": {
      const t = truth(c.condition, row, params);
      return t === null ? null : !t;
    }
    default:
      return compareValues(c.op, operand(c.left, row, params), operand(c.right, row, params));
  }
}

/** Whether the record meets the condition (as a WHERE clause would keep it). */
export function holds<C extends string>(c: Condition<C>, row: Row<C>, params: Params = {}): boolean {
  return truth(c, row, params) === true;
}

/** The value a choice gives for the record. */
export function choose<C extends string>(choice: Choice<C>, row: Row<C>, params: Params = {}): unknown {
  for (const branch of choice.when) if (holds(branch.if, row, params)) return operand(branch.gives, row, params);
  return operand(choice.otherwise, row, params);
}

/** The columns a condition or choice reads (e.g. to check that a query selected them). */
export function columnsOf<C extends string>(c: Condition<C> | Choice<C>): C[] {
  const found = new Set<C>();
  const fromOperand = (o: Operand<C>) => {
    if ("column" in o) found.add(o.column);
  };
  const visit = (x: Condition<C>): void => {
    switch (x.op) {
      case "in":
      case "null":
      case "not null":
        found.add(x.column);
        return;
      case "and":
      case "or":
        x.all.forEach(visit);
        return;
      case "not":
        visit(x.condition);
        return;
      default:
        fromOperand(x.left);
        fromOperand(x.right);
    }
  };
  if ("when" in c) {
    for (const b of c.when) {
      visit(b.if);
      fromOperand(b.gives);
    }
    fromOperand(c.otherwise);
  } else visit(c);
  return [...found];
}

/** Whether a condition or choice reads a parameter such as the time (those cannot be stored or indexed). */
export function readsParams<C extends string>(c: Condition<C> | Choice<C>): boolean {
  return JSON.stringify(c).includes('"param":');
}

// ---------------------------------------------------------------- SQL

/** SQL as text pieces and bound values, in order (worker/platform/conditions.ts turns it into Kysely SQL). */
export type SqlPart = string | { param: string };

export interface SqlOptions {
  /** The table's alias in the query ("p" gives p.state); none for a table's own expressions (generated columns). */
  alias?: string;
  /**
   * Columns written as +p.state: the same value, but SQLite will not pick an index on it, so a
   * list keeps walking its order index instead of taking every row in that state and sorting.
   */
  unindexed?: readonly string[];
}

const literal = (v: string | number | null) => (v === null ? "NULL" : typeof v === "number" ? String(v) : `'${v.replace(/'/g, "''")}'`);

function operandSql<C extends string>(o: Operand<C>, options: SqlOptions): SqlPart[] {
  if ("column" in o) return [columnSql(o.column, options)];
  if ("param" in o) return [{ param: o.param }];
  return [literal(o.value)];
}

function columnSql(column: string, { alias, unindexed = [] }: SqlOptions): string {
  const ref = alias ? `${alias}.${column}` : column;
  return unindexed.includes(column) ? `+${ref}` : ref;
}

function conditionSql<C extends string>(c: Condition<C>, options: SqlOptions): SqlPart[] {
  switch (c.op) {
    case "in":
      return [`${columnSql(c.column, options)} IN (${c.values.map(literal).join(", ")})`];
    case "null":
      return [`${columnSql(c.column, options)} IS NULL`];
    case "not null":
      return [`${columnSql(c.column, options)} IS NOT NULL`];
    case "and":
    case "or": {
      if (c.all.length === 0) return [c.op === "and" ? "1" : "0"];
      const joined: SqlPart[] = ["("];
      c.all.forEach((p, i) => {
        if (i > 0) joined.push(` ${c.op.toUpperCase()} `);
        joined.push(...conditionSql(p, options));
      });
      joined.push(")");
      return joined;
    }
    case "not":
      return ["NOT (", ...conditionSql(c.condition, options), ")"];
    default:
      return [...operandSql(c.left, options), ` ${c.op} `, ...operandSql(c.right, options)];
  }
}

function choiceSql<C extends string>(choice: Choice<C>, options: SqlOptions): SqlPart[] {
  const parts: SqlPart[] = ["CASE"];
  for (const b of choice.when) parts.push(" WHEN ", ...conditionSql(b.if, options), " THEN ", ...operandSql(b.gives, options));
  parts.push(" ELSE ", ...operandSql(choice.otherwise, options), " END");
  return parts;
}

/** The condition or choice as SQL pieces; parameters are bound values, everything else literal. */
export function toSql<C extends string>(c: Condition<C> | Choice<C>, options: SqlOptions = {}): SqlPart[] {
  return "when" in c ? choiceSql(c, options) : conditionSql(c, options);
}

/** The SQL text of a condition or choice that does not depend on the time (for a generated column or an index). */
export function toSqlText<C extends string>(c: Condition<C> | Choice<C>, options: SqlOptions = {}): string {
  return toSql(c, options)
    .map((p) => {
      if (typeof p !== "string") throw new Error(`A condition that reads a parameter (${p.param}) cannot be stored or indexed`);
      return p;
    })
    .join("");
}
