// The Kysely instance over env.DB (its types generated from migrations/ into schema.ts), and batches.
import { type Compilable, Kysely } from "kysely";
import { D1Dialect } from "kysely-d1";
import type { Database } from "./schema";

export type DB = Kysely<Database>;

/** The D1 binding behind each DB, so reads can be batched into one round trip (readBatch). */
const bindings = new WeakMap<DB, D1Database>();

export function createDb(d1: D1Database): DB {
  const db = new Kysely<Database>({ dialect: new D1Dialect({ database: d1 }) });
  bindings.set(db, d1);
  return db;
}

type RowsOf<Q> = Q extends Compilable<infer R> ? R[] : never;
type GroupRows<G> = G extends readonly (infer Q)[] ? RowsOf<Q> : never;

/**
 * Several independent reads in one D1 round trip (a batch), each answered with the rows its
 * query returns. Each call to D1 is a wait on the database: a page that needs three lists it
 * can name up front asks once, not three times.
 */
export async function readBatch<const Q extends readonly Compilable<unknown>[]>(
  db: DB,
  queries: Q,
): Promise<{ [K in keyof Q]: RowsOf<Q[K]> }> {
  const d1 = bindings.get(db);
  if (!d1) throw new Error("readBatch needs a DB made by createDb()");
  return (await batch(d1, queries)).map((r) => r.results) as never;
}

/** Groups of reads (e.g. one per chunk of an id list) in one round trip, each group's rows together. */
export async function readGroups<const G extends readonly (readonly Compilable<unknown>[])[]>(
  db: DB,
  groups: G,
): Promise<{ [K in keyof G]: GroupRows<G[K]> }> {
  const d1 = bindings.get(db);
  if (!d1) throw new Error("readGroups needs a DB made by createDb()");
  return (await batchGroups(d1, groups)).map((results) => results.flatMap((r) => r.results)) as never;
}

/** A compiled Kysely query as a D1 statement, for use in `DB.batch([...])`. */
export function toStatement(d1: D1Database, query: Compilable): D1PreparedStatement {
  const compiled = query.compile();
  return d1.prepare(compiled.sql).bind(...(compiled.parameters as unknown[]));
}

/**
 * Runs several writes atomically. D1 has no interactive transactions, so every
 * multi-statement write goes through here.
 */
export async function batch(d1: D1Database, queries: readonly Compilable<unknown>[]): Promise<D1Result[]> {
  if (queries.length === 0) return [];
  return d1.batch(queries.map((q) => toStatement(d1, q)));
}

/** Groups of statements in one batch, answered group by group (each group's results in order). */
export async function batchGroups(d1: D1Database, groups: readonly (readonly Compilable<unknown>[])[]): Promise<D1Result[][]> {
  const results = await batch(d1, groups.flat());
  let at = 0;
  return groups.map((g) => {
    const group = results.slice(at, at + g.length);
    at += g.length;
    return group;
  });
}

/** Splits values for `IN (...)` lists and multi-row inserts: D1 allows 100 bound parameters a statement. */
export function chunks<T>(items: readonly T[], size = 90): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Page `page` of rows already read in list order from the first (at least page × perPage + 1
 * of them, to know whether there is a next page): for lists merged from several index walks.
 */
export function slicePage<R>(rows: R[], page: number, perPage: number): { rows: R[]; hasMore: boolean } {
  const start = (page - 1) * perPage;
  return { rows: rows.slice(start, start + perPage), hasMore: rows.length > start + perPage };
}

/** One page of a list query (LIMIT/OFFSET, for small lists), reading one row more to know if there is a next page. */
export async function fetchPage<R>(
  query: { limit(n: number): { offset(n: number): { execute(): Promise<R[]> } } },
  page: number,
  perPage: number,
): Promise<{ rows: R[]; hasMore: boolean }> {
  const rows = await query
    .limit(perPage + 1)
    .offset((page - 1) * perPage)
    .execute();
  return { rows: rows.slice(0, perPage), hasMore: rows.length > perPage };
}
