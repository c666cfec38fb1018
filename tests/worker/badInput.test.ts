// Bad input to any write route of the OpenAPI document (so a new one cannot be missed): property-based,
// 1,000 hostile cases a route (random and nasty bodies, malformed JSON, wrong content types, bad ids).
// Each must get a 4xx JSON error (naming the field when one is wrong), never a 5xx, and write nothing.
// Every text field of every route gets text that breaks only the shared text rule (control characters,
// lone surrogates, and on one line tabs, line breaks and direction overrides), which must be refused in its words.
import { env } from "cloudflare:workers";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { buildApi, OPENAPI_INFO } from "../../worker/api";
import { buildWorld, type World } from "./accessFixtures";
import { accessTable, type ParamKind } from "./accessTable";
import { dbDigest, postForm, request, sessionFor } from "./helpers";
import { badId, bodyCases, resolveSchema, textFields, type BodyCase, type BodySchema, type JsonSchema } from "./hostileInput";
import { nextIp } from "./petitionHelpers";
import type { SeedResult } from "../../worker/dev/seed";

/** Hostile cases a route (the issue asks for at least 1,000). */
const CASES = 1000;
/** Cases sent at once: fast-check makes CASES / GROUP groups; the database is fingerprinted after each group. */
const GROUP = 20;
/** Cases a route's run must send to each of its text fields with text breaking only the text rule (about 18 or more are expected). */
const TEXT_RULE_CASES = 3;

let w: World;
let s: SeedResult;
let adminToken: string;
let fingerprintSql: string;
beforeAll(async () => {
  w = await buildWorld();
  s = w.s;
  // An administrator reaches every area-scoped write in Northshire.
  adminToken = w.callers.admin.token!;
  fingerprintSql = await fingerprintQuery();
}, 120_000);

/**
 * One cheap query that changes whenever a row is added or removed anywhere, an audited change is
 * made, or a record's updated_at moves (rate-limit counters excepted): compared after every case.
 */
async function fingerprintQuery(): Promise<string> {
  const tables = await env.DB.prepare(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT IN ('d1_migrations', 'rate_limits') ORDER BY name",
  ).all<{ name: string }>();
  const parts: string[] = [];
  for (const { name } of tables.results) {
    parts.push(`(SELECT count(*) FROM "${name}")`);
    const columns = await env.DB.prepare(`SELECT name FROM pragma_table_info('${name}')`).all<{ name: string }>();
    if (columns.results.some((c) => c.name === "updated_at")) parts.push(`(SELECT max(updated_at) FROM "${name}")`);
  }
  parts.push("(SELECT max(id) FROM audit_log)", "(SELECT group_concat(lead_times || daily_digest) FROM people)");
  return `SELECT ${parts.map((p, i) => `${p} AS c${i}`).join(", ")}`;
}

async function fingerprint(): Promise<string> {
  return JSON.stringify(await env.DB.prepare(fingerprintSql).first());
}

interface WriteOperation {
  method: string;
  path: string;
  key: string;
  schema: BodySchema | null;
}

function writeOperations(): WriteOperation[] {
  const doc = buildApi().getOpenAPI31Document({ openapi: "3.1.0", info: OPENAPI_INFO }) as unknown as {
    paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
    components: { schemas: Record<string, JsonSchema> };
  };
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    ["post", "put", "patch", "delete"]
      .filter((m) => item[m])
      .map((m) => {
        const raw = item[m]!.requestBody?.content["application/json"]?.schema;
        return {
          method: m.toUpperCase(),
          path,
          key: `${m.toUpperCase()} /api/v1${path.replace(/\{(\w+)\}/g, ":$1")}`,
          schema: raw ? resolveSchema(raw, doc.components.schemas) : null,
        };
      }),
  );
}

/** A real record the administrator may act on, so that the body is what gets checked. */
async function realPath(op: WriteOperation): Promise<string> {
  const params = accessTable[op.key]?.params ?? {};
  let path = op.path;
  for (const [name, kind] of Object.entries(params) as [string, ParamKind][]) {
    const f = w.north;
    const value = kind in f.fresh ? await f.fresh[kind as keyof typeof f.fresh]() : f[kind as Exclude<ParamKind, keyof typeof f.fresh>];
    path = path.replace(`{${name}}`, String(value));
  }
  return path;
}

type Case = BodyCase | { kind: "bad id"; id: string; body: string; contentType: string };

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; fields?: Record<string, string> };
}

describe("every write route refuses bad input with a 4xx naming the field, and writes nothing", () => {
  const ops = writeOperations();

  it("finds the write routes in the OpenAPI document", () => {
    expect(ops.length).toBeGreaterThanOrEqual(30);
    expect(ops.filter((o) => o.schema).length).toBeGreaterThanOrEqual(25);
  });

  for (const op of ops) {
    it(`${op.method} ${op.path}: ${CASES} hostile cases`, async () => {
      const path = await realPath(op);
      const arbitraries: fc.Arbitrary<Case>[] = [];
      if (op.schema) arbitraries.push(bodyCases(op.schema));
      if (op.path.includes("{id}")) {
        arbitraries.push(badId.map((id) => ({ kind: "bad id" as const, id, body: "{}", contentType: "application/json" })));
      }
      expect(arbitraries.length, "a write route with neither a body nor an id").toBeGreaterThan(0);
      const digest = await dbDigest();
      // The state the next group must leave unchanged (moved on after a failure, so that shrinking blames the right case).
      let last = await fingerprint();
      let sent = 0;
      const textRuleCases = new Map<string, number>();

      const send = async (c: Case): Promise<string | null> => {
        const url = c.kind === "bad id" ? op.path.replace(/\{id\}/g, c.id) : path;
        const headers: Record<string, string> = { Authorization: `Bearer ${adminToken}`, "CF-Connecting-IP": nextIp() };
        if (c.contentType) headers["Content-Type"] = c.contentType;
        const res = await request(`/api/v1${url}`, { method: op.method, headers, body: op.method === "DELETE" ? undefined : c.body });
        sent++;
        const label = `${c.kind} ${JSON.stringify(c).slice(0, 400)} -> ${res.status}`;
        const problems: string[] = [];
        const check = (ok: boolean, what: string) => {
          if (!ok) problems.push(what);
        };
        check(res.status >= 400 && res.status < 500, "not a 4xx");
        check(/^application\/json/.test(res.headers.get("Content-Type") ?? ""), "not JSON");
        const body = (await res.json().catch(() => null)) as ErrorBody | null;
        const fields = Object.keys(body?.error?.fields ?? {});
        check(typeof body?.error?.code === "string", "no error code");
        check(typeof body?.error?.message === "string" && body.error.message.length > 0, "no error message");
        if (c.kind === "malformed JSON") check(res.status === 400, "malformed JSON is not a 400");
        if (c.kind === "invalid object") {
          check(res.status === 422, "not a 422");
          check(
            fields.some((f) => f === c.field || f.startsWith(`${c.field}.`)),
            `does not name ${c.field} (named ${fields.join(", ") || "nothing"})`,
          );
        }
        if (res.status === 422) check(fields.length > 0, "a 422 naming no field");
        if (c.kind === "invalid object" && c.textRule) {
          const { path: field, problem } = c.textRule;
          textRuleCases.set(field, (textRuleCases.get(field) ?? 0) + 1);
          const message = body?.error?.fields?.[field] ?? "";
          check(message.endsWith(problem), `${field} is not refused with "…${problem}" (said "${message}")`);
        }
        return problems.length ? `${label}: ${problems.join("; ")} ${JSON.stringify(body).slice(0, 300)}` : null;
      };

      await fc.assert(
        fc.asyncProperty(fc.array(fc.oneof(...arbitraries), { minLength: GROUP, maxLength: GROUP }), async (group) => {
          const problems = (await Promise.all(group.map(send))).filter((p) => p !== null);
          expect(problems).toEqual([]);
          const now = await fingerprint();
          const was = last;
          last = now;
          expect(now, `the database changed after: ${group.map((c) => JSON.stringify(c).slice(0, 200)).join("\n")}`).toBe(was);
        }),
        { numRuns: CASES / GROUP },
      );
      expect(sent).toBeGreaterThanOrEqual(CASES);
      for (const field of op.schema ? textFields(op.schema) : []) {
        expect(textRuleCases.get(field) ?? 0, `cases breaking only the text rule in ${field}`).toBeGreaterThanOrEqual(TEXT_RULE_CASES);
      }
      expect(await dbDigest()).toBe(digest);
    }, 300_000);
  }

  it("names the field: a bad email in the sign-in link request", async () => {
    const res = await request("/api/v1/auth/sign-in-link", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ email: "not-an-email" }),
    });
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
