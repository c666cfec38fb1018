// The shared conditions (shared/conditions.ts) as Kysely SQL: literals inline (so SQLite can match a
// partial index), parameters such as the moment of reading bound.
import { type Expression, type RawBuilder, type SqlBool, sql } from "kysely";
import { type Choice, type Condition, type Params, type SqlOptions, toSql } from "../../shared/conditions";

function build<T>(parts: ReturnType<typeof toSql>, params: Params): RawBuilder<T> {
  return sql<T>`${sql.join(
    parts.map((p) => {
      if (typeof p === "string") return sql.raw(p);
      const value = params[p.param];
      if (value === undefined) throw new Error(`No value given for the parameter "${p.param}"`);
      return sql.val(value);
    }),
    sql.raw(""),
  )}`;
}

/** A WHERE condition for a query, with its parameters (e.g. `at(now)`). */
export function where<C extends string>(condition: Condition<C>, params: Params = {}, options: SqlOptions = {}): Expression<SqlBool> {
  return build<SqlBool>(toSql(condition, options), params);
}

/** A CASE value for ORDER BY or SELECT. */
export function chosen<C extends string, T = unknown>(choice: Choice<C>, params: Params = {}, options: SqlOptions = {}): RawBuilder<T> {
  return build<T>(toSql(choice, options), params);
}
