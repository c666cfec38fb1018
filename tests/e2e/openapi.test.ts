// The OpenAPI document the running Worker serves is a valid OpenAPI 3.1 document.
import { validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { baseUrl } from "./browser";

describe("GET /api/v1/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const res = await fetch(`${baseUrl()}/api/v1/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe("3.1.0");
    const result = await validate(structuredClone(doc) as never);
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 1)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(doc.paths).length).toBeGreaterThan(5);
  });
});
