// Counts the rows D1 reads and writes for one request (Cloudflare bills by rows read), by
// wrapping the binding. Used by the benchmark (a response header) and by tests asserting bounds.

export interface D1Usage {
  rowsRead: number;
  rowsWritten: number;
  queries: number;
  /** Calls to D1 (a batch is one, however many statements it holds): the request's waits on the database. */
  roundTrips: number;
}

function record(usage: D1Usage, result: unknown): void {
  const meta = (result as { meta?: { rows_read?: number; rows_written?: number } } | null)?.meta;
  usage.queries++;
  usage.rowsRead += meta?.rows_read ?? 0;
  usage.rowsWritten += meta?.rows_written ?? 0;
}

function meterStatement(statement: D1PreparedStatement, usage: D1Usage): D1PreparedStatement {
  return new Proxy(statement, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      if (prop === "bind") return (...args: unknown[]) => meterStatement(value.apply(target, args), usage);
      if (prop === "all" || prop === "run") {
        return async (...args: unknown[]) => {
          usage.roundTrips++;
          const result = await value.apply(target, args);
          record(usage, result);
          return result;
        };
      }
      if (prop === "first" || prop === "raw") {
        // These do not return meta; count the query so unmetered reads are visible.
        return async (...args: unknown[]) => {
          usage.queries++;
          usage.roundTrips++;
          return value.apply(target, args);
        };
      }
      return value.bind(target);
    },
  });
}

/** A D1 binding that adds every statement's rows read/written to `usage`. */
export function meteredD1(d1: D1Database, usage: D1Usage): D1Database {
  return new Proxy(d1, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (prop === "prepare") return (sql: string) => meterStatement(target.prepare(sql), usage);
      if (prop === "batch") {
        return async (statements: D1PreparedStatement[]) => {
          usage.roundTrips++;
          const results = await target.batch(statements);
          for (const r of results) record(usage, r);
          return results;
        };
      }
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

export const newUsage = (): D1Usage => ({ rowsRead: 0, rowsWritten: 0, queries: 0, roundTrips: 0 });
