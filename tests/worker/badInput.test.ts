// Bad input to any write route: a 4xx JSON error naming what was wrong, and nothing written.
import { beforeAll, describe, expect, it } from "vitest";
import { buildApi, OPENAPI_INFO } from "../../worker/api";
import { dbDigest, postForm, request, seed, sessionFor, tokenFor } from "./helpers";
import type { SeedResult } from "../../worker/dev/seed";

let s: SeedResult;
let token: string;
beforeAll(async () => {
  s = await seed();
  // An administrator reaches every area-scoped write in Northshire.
  token = await tokenFor(s.personIds.admin!);
});

type Op = { method: string; path: string; hasBody: boolean };

function writeOperations(): Op[] {
  const doc = buildApi().getOpenAPI31Document({ openapi: "3.1.0", info: OPENAPI_INFO }) as unknown as {
    paths: Record<string, Record<string, { requestBody?: unknown }>>;
  };
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    ["post", "put", "patch", "delete"].filter((m) => item[m]).map((m) => ({ method: m.toUpperCase(), path, hasBody: Boolean(item[m]!.requestBody) })),
  );
}

const hostileBodies: [string, string][] = [
  ["malformed JSON", "{"],
  ["an array", "[]"],
  ["a string", JSON.stringify("<script>alert(1)</script>")],
  ["null", "null"],
  ["a number", "42"],
  ["an empty object", "{}"],
  ["objects where values belong", JSON.stringify(Object.fromEntries(["email", "code", "name", "leadTimes", "dailyDigest", "responseThreshold", "kind", "role", "organisationId", "title", "summary", "url"].map((k) => [k, { $gt: "" }])))],
];

const badIds = ["abc", "-1", "0", "1.5", "99999999999999999999"];

describe("every write route refuses bad input and writes nothing", () => {
  const ops = writeOperations();

  it("has write routes to check", () => {
    expect(ops.length).toBeGreaterThanOrEqual(7);
  });

  for (const op of ops) {
    it(`${op.method} ${op.path}`, async () => {
      const path = op.path.replace(/\{id\}/g, String(s.areaIds.northshire));
      const before = await dbDigest();
      const cases: { label: string; path: string; body?: string }[] = op.hasBody
        ? hostileBodies.map(([label, body]) => ({ label, path, body }))
        : [];
      if (op.path.includes("{id}")) for (const id of badIds) cases.push({ label: `id ${id}`, path: op.path.replace(/\{id\}/g, id), body: op.hasBody ? "{}" : undefined });
      for (const c of cases) {
        const res = await request(`/api/v1${c.path}`, {
          method: op.method,
          headers: { Authorization: `Bearer ${token}`, ...(c.body !== undefined ? { "Content-Type": "application/json" } : {}) },
          body: c.body,
        });
        expect(res.status, c.label).toBeGreaterThanOrEqual(400);
        expect(res.status, c.label).toBeLessThan(500);
        const body = (await res.json()) as { error: { code: string; message: string; fields?: Record<string, string> } };
        expect(body.error.message.length, c.label).toBeGreaterThan(0);
        if (res.status === 422) expect(Object.keys(body.error.fields ?? {}).length, c.label).toBeGreaterThan(0);
      }
      expect(await dbDigest()).toBe(before);
    });
  }

  it("names the field: a bad email in the sign-in link request", async () => {
    const res = await request("/api/v1/auth/sign-in-link", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email: "not-an-email" }) });
    expect(res.status).toBe(422);
    expect(await res.json()).toEqual({
      error: {
        code: "validation_failed",
        message: "Some of the details are missing or wrong.",
        fields: { email: "Enter an email address in the correct format, like name@example.com" },
      },
    });
  });

  it("names the field on the web too, and keeps what was typed", async () => {
    const session = await sessionFor(s.personIds.admin!);
    const before = await dbDigest();
    const res = await postForm("/admin/areas/northshire/settings", session, {
      responseThreshold: "lots",
      scrutinyThreshold: "10",
      responseWorkingDays: "20",
      petitionDurationDays: "90",
      informationRequestWorkingDays: "20",
      reportWorkingDays: "20",
      referralWorkingDays: "20",
      outcomeOverdueWeeks: "12",
    });
    expect(res.status).toBe(422);
    const html = await res.text();
    expect(html).toContain("There is a problem");
    expect(html).toContain('href="#responseThreshold"');
    expect(html).toContain("The response threshold must be a number");
    expect(html).toContain('value="lots"');
    expect(await dbDigest()).toBe(before);
  });
});
