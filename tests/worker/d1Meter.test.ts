// The D1 meter counts what each request reads; list endpoints stay within the billing bound.
import { describe, expect, it } from "vitest";
import { metered, request, rowsReadBound, seed } from "./helpers";

describe("rows read per request", () => {
  it("is reported only when benchmarking", async () => {
    await seed();
    const plain = await request("/api/v1/areas");
    expect(plain.headers.get("X-D1-Rows-Read")).toBeNull();
    const m = await metered("/api/v1/areas");
    expect(m.response.status).toBe(200);
    expect(m.queries).toBeGreaterThanOrEqual(2);
    expect(m.rowsRead).toBeGreaterThan(0);
  });

  it("keeps the areas list within 2 x rows returned + 50", async () => {
    await seed();
    const m = await metered("/api/v1/areas");
    const body = (await m.response.json()) as { items: { organisations: unknown[] }[] };
    const returned = body.items.length + body.items.reduce((n, a) => n + a.organisations.length, 0);
    expect(m.rowsRead).toBeLessThanOrEqual(rowsReadBound(returned));
  });
});
