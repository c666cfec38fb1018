// CSV downloads for committee papers, streamed a page at a time so no request holds a whole table.
import { stringify } from "csv-stringify/browser/esm/sync";

/**
 * Streams `header` then every page of rows that `pages` yields. Starts with a UTF-8 byte
 * order mark so Excel reads accented names correctly.
 */
export function csvResponse(filename: string, header: string[], pages: AsyncIterable<unknown[][]>): Response {
  const encoder = new TextEncoder();
  const iterator = pages[Symbol.asyncIterator]();
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`\uFEFF${stringify([header])}`));
        return;
      }
      const next = await iterator.next();
      if (next.done) {
        controller.close();
        return;
      }
      if (next.value.length) controller.enqueue(encoder.encode(stringify(next.value.map((row) => row.map(cell)))));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}

/** Spreadsheet-safe cell: a leading =, +, - or @ would be run as a formula by Excel. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const s = String(value);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/**
 * Pages through a query by keyset (id greater than the last seen), `size` rows at a time:
 * each query reads only the rows it returns.
 */
export async function* keysetPages<R extends { id: number }>(
  fetchPage: (afterId: number, size: number) => Promise<R[]>,
  toRow: (r: R) => unknown[],
  size = 500,
): AsyncGenerator<unknown[][]> {
  let after = 0;
  for (;;) {
    const rows = await fetchPage(after, size);
    if (rows.length === 0) return;
    yield rows.map(toRow);
    after = rows[rows.length - 1]!.id;
    if (rows.length < size) return;
  }
}
