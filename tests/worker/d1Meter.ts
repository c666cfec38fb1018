// A D1 binding that adds up meta.rows_read of every statement run through it (including batches),
// so a test can measure what the scheduled handler really reads.
export interface MeteredD1 {
  db: D1Database;
  rowsRead(): number;
  statements(): number;
  reset(): void;
}

export function meteredD1(real: D1Database): MeteredD1 {
  let rowsRead = 0;
  let statements = 0;
  const underlying = new WeakMap<object, D1PreparedStatement>();
  const count = <T>(result: D1Result<T>) => {
    rowsRead += result.meta.rows_read ?? 0;
    statements++;
    return result;
  };

  function wrap(stmt: D1PreparedStatement): D1PreparedStatement {
    const wrapped = {
      bind: (...values: unknown[]) => wrap(stmt.bind(...values)),
      all: async <T>() => count(await stmt.all<T>()),
      run: async <T>() => count(await stmt.run<T>()),
      // first() and raw() return no meta: measure them through all().
      first: async <T>(column?: string) => {
        const row = (await wrapped.all<Record<string, unknown>>()).results[0];
        if (!row) return null;
        return (column ? row[column] : row) as T;
      },
      raw: async () => {
        const r = await wrapped.all<Record<string, unknown>>();
        return r.results.map((row) => Object.values(row));
      },
    };
    underlying.set(wrapped, stmt);
    return wrapped as unknown as D1PreparedStatement;
  }

  const db = {
    prepare: (sql: string) => wrap(real.prepare(sql)),
    batch: async <T>(stmts: D1PreparedStatement[]) => {
      const results = await real.batch<T>(stmts.map((s) => underlying.get(s) ?? s));
      results.forEach(count);
      return results;
    },
    exec: (sql: string) => real.exec(sql),
    dump: () => real.dump(),
    withSession: () => {
      throw new Error("not metered");
    },
  };
  return {
    db: db as unknown as D1Database,
    rowsRead: () => rowsRead,
    statements: () => statements,
    reset: () => {
      rowsRead = 0;
      statements = 0;
    },
  };
}
