// The OpenAPI document lists every API route the app serves.
import { describe, expect, it } from "vitest";
import { buildApp } from "../../worker/app";
import { request } from "./helpers";

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1 and lists every /api/v1 route", async () => {
    const res = await request("/api/v1/openapi.json");
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe("3.1.0");
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([path, item]) =>
        Object.keys(item).map((m) => `${m.toUpperCase()} /api/v1${path.replace(/\{(\w+)\}/g, ":$1")}`),
      ),
    );
    const served = buildApp()
      .routes.filter((r) => r.path.startsWith("/api/v1/") && r.method !== "ALL")
      .map((r) => `${r.method} ${r.path}`)
      .filter((r) => !["GET /api/v1/openapi.json", "GET /api/v1/docs"].includes(r));
    expect(served.length).toBeGreaterThan(5);
    for (const route of new Set(served)) expect(documented, route).toContain(route);
  });

  it("has a readable docs page", async () => {
    const res = await request("/api/v1/docs");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("POST /pairing");
    expect(html).toContain("Administration");
  });

  it("answers an unknown API route with the JSON error shape", async () => {
    const res = await request("/api/v1/nothing-here");
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
  });
});
