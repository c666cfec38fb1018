// A D1 binding that fails on purpose: one statement of a batch fails at run time (inside the
// real D1, after the statements before it have run), so tests can prove a batch leaves nothing
// half-written. Everything else goes to the real database unchanged.
import { env } from "cloudflare:workers";
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import worker from "../../worker/index";
import { BASE } from "./helpers";

const SQL = Symbol("sql");

/**
 * Which statement to fail: the `index`th (from 0) of the `batchNumber`th (from 1, default 1)
 * multi-statement batch; with `batchPattern`, counting only batches with a statement whose SQL matches it.
 */
export interface Fault {
  index: number;
  batchNumber?: number;
  batchPattern?: RegExp;
}

export interface FaultyD1 {
  d1: D1Database;
  /** True once the fault was injected (false: the batch was shorter than `index`). */
  injected(): boolean;
  /** Statement counts of the multi-statement batches seen. */
  batches: number[];
}

function tagged(statement: D1PreparedStatement, sql: string): D1PreparedStatement {
  return new Proxy(statement, {
    get(target, prop, receiver) {
      if (prop === SQL) return sql;
      const value = Reflect.get(target, prop, receiver);
      if (prop === "bind") return (...args: unknown[]) => tagged(value.apply(target, args), sql);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

export function faultyD1(real: D1Database, fault: Fault): FaultyD1 {
  let injected = false;
  let counted = 0;
  const batches: number[] = [];
  // Fails when run: json() of text that is not JSON is a run-time error in SQLite.
  const failing = () => real.prepare("SELECT json('fault injected by the test')");
  const d1 = new Proxy(real, {
    get(target, prop, receiver) {
      if (prop === "prepare") return (sql: string) => tagged(target.prepare(sql), sql);
      if (prop === "batch") {
        return (statements: D1PreparedStatement[]) => {
          const sqlOf = (st: D1PreparedStatement) => (st as unknown as Record<symbol, string>)[SQL] ?? "";
          if (statements.length > 1) batches.push(statements.length);
          const counts = statements.length > 1 && (!fault.batchPattern || statements.some((st) => fault.batchPattern!.test(sqlOf(st))));
          if (counts) counted += 1;
          const replaced = statements.map((st, i) => {
            if (injected || !counts || counted !== (fault.batchNumber ?? 1) || i !== fault.index) return st;
            injected = true;
            return failing();
          });
          return target.batch(replaced);
        };
      }
      const value = Reflect.get(target, prop, receiver);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { d1, injected: () => injected, batches };
}

/** A request to the real Worker with the faulty D1 in place of the binding. */
export async function requestWith(d1: D1Database, path: string, init: RequestInit = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await worker.fetch(new Request(new URL(path, BASE), init), { ...env, DB: d1 }, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}
