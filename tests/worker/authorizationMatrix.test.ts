// Every route of the app, as every kind of caller, on a record of their own area and of another:
// the outcome must be the one accessTable.ts declares, a refusal writes nothing, and no response
// carries text the caller may not see. A route the app has but the table lacks fails the test.
import { beforeAll, describe, expect, it } from "vitest";
import { buildApi, OPENAPI_INFO } from "../../worker/api";
import { buildWorld, MARKERS, WHO, type Side, type Who, type World } from "./accessFixtures";
import { accessTable, type Outcome, type ParamKind, type RouteAccess } from "./accessTable";
import { dbDigest, request } from "./helpers";
import { nextIp } from "./petitionHelpers";
import { appRouteKeys, fillPath } from "./routes";
import { expectSecurityHeaders } from "./securityHeaders";

let w: World;
beforeAll(async () => {
  w = await buildWorld();
}, 120_000);

function openApiRouteKeys(): string[] {
  const doc = buildApi().getOpenAPI31Document({ openapi: "3.1.0", info: OPENAPI_INFO }) as unknown as {
    paths: Record<string, Record<string, unknown>>;
  };
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((m) => ["get", "post", "put", "patch", "delete"].includes(m))
      .map((m) => `${m.toUpperCase()} /api/v1${path.replace(/\{(\w+)\}/g, ":$1")}`),
  );
}

const SIGNED_OUT: readonly Who[] = ["anonymous", "signer"];

function expected(rule: RouteAccess, who: Who, side: Side): Outcome {
  const allowed = side === "north" ? rule.north : (rule.south ?? []);
  const isAllowed = allowed === "everyone" || (allowed === "signedIn" ? !SIGNED_OUT.includes(who) : allowed.includes(who));
  if (isAllowed) return "ok";
  return SIGNED_OUT.includes(who) ? (rule.anonymous ?? "signin") : (rule.denied ?? "forbidden");
}

async function paramValue(kind: ParamKind, side: Side): Promise<string> {
  const f = w[side];
  switch (kind) {
    case "membership":
    case "adminToken":
    case "adminWatch":
    case "petitionFeed":
    case "clockFeed":
    case "failedEmail":
      return String(await f.fresh[kind]());
    default:
      return String(f[kind]);
  }
}

/** Resolves the path (making any fresh record it needs) and returns the call, to make later. */
async function prepareCall(key: string, rule: RouteAccess, who: Who, side: Side): Promise<() => Promise<Response>> {
  const [method, pattern] = key.split(" ") as [string, string];
  const f = w[side];
  let path = await fillPath(pattern, async (name) => {
    const kind = rule.params?.[name];
    if (!kind) throw new Error(`${key}: no fixture for :${name}`);
    return paramValue(kind, side);
  });
  if (rule.query) path += `?${rule.query.replaceAll("{area}", String(f.area)).replaceAll("{org}", String(f.org))}`;
  const caller = w.callers[who];
  const headers: Record<string, string> = { "CF-Connecting-IP": nextIp() };
  const hasBody = method !== "GET" && method !== "DELETE";
  const body = rule.body?.(f) ?? {};
  if (path.startsWith("/api/")) {
    if (caller.token) headers.Authorization = `Bearer ${caller.token}`;
    if (hasBody) headers["Content-Type"] = "application/json";
    return () => request(path, { method, headers, body: hasBody ? JSON.stringify(body) : undefined, redirect: "manual" });
  }
  const session = rule.endsSession ? await w.freshSession(who) : caller.session;
  if (session) headers.Cookie = session.cookie;
  if (!hasBody) return () => request(path, { method, headers, redirect: "manual" });
  headers["Content-Type"] = "application/x-www-form-urlencoded";
  const form = new URLSearchParams({ ...(session ? { _csrf: session.csrf } : {}) });
  for (const [k, v] of Object.entries(body)) form.append(k, String(v));
  return () => request(path, { method, headers, body: form, redirect: "manual" });
}

function outcomeOf(res: Response): Outcome | `server error ${number}` {
  if (res.status >= 500) return `server error ${res.status}`;
  if (res.status === 401) return "signin";
  if (res.status >= 300 && res.status < 400 && (res.headers.get("Location") ?? "").startsWith("/sign-in?")) return "signin";
  if (res.status === 403) return "forbidden";
  if (res.status === 404) return "missing";
  return "ok";
}

/** Nothing in the body the caller may not see. */
function leaks(who: Who, text: string): string[] {
  const lower = text.toLowerCase();
  return Object.entries(MARKERS)
    .filter(([marker, visibleTo]) => !visibleTo.includes(who) && lower.includes(marker))
    .map(([marker]) => marker);
}

describe("the access table", () => {
  it("declares every route the app answers and every operation of the OpenAPI document, and no other", () => {
    const app = appRouteKeys();
    const declared = Object.keys(accessTable);
    expect(
      app.filter((k) => !declared.includes(k)),
      "routes missing from tests/worker/accessTable.ts",
    ).toEqual([]);
    expect(
      openApiRouteKeys().filter((k) => !declared.includes(k)),
      "OpenAPI operations missing from the table",
    ).toEqual([]);
    expect(
      declared.filter((k) => !app.includes(k)),
      "table entries the app does not have",
    ).toEqual([]);
    expect(declared.length).toBeGreaterThan(100);
  });
});

describe("every route, as every caller, on their own area's record and another area's", () => {
  for (const [key, rule] of Object.entries(accessTable)) {
    it(key, async () => {
      const cases = (["north", "south"] as const).flatMap((side) => WHO.map((who) => ({ side, who, want: expected(rule, who, side) })));
      // Refusals first, so a refusal that wrote anything is caught before allowed calls change the data.
      const prepared = [];
      for (const c of cases) prepared.push({ ...c, send: await prepareCall(key, rule, c.who, c.side) });
      const refused = prepared.filter((c) => c.want !== "ok");
      const allowed = prepared.filter((c) => c.want === "ok");
      const mismatches: string[] = [];
      const check = async (c: (typeof cases)[number] & { send: () => Promise<Response> }) => {
        const res = await c.send();
        const got = outcomeOf(res);
        const text = await res.text();
        if (got !== c.want) mismatches.push(`${c.who} on ${c.side}: expected ${c.want}, got ${got} (${res.status} ${text.slice(0, 160)})`);
        if (res.status === 403) expect(text, `${c.who} ${c.side}`).not.toMatch(/csrf_failed|This form has expired/);
        const leaked = rule.capability ? [] : leaks(c.who, text);
        if (leaked.length) mismatches.push(`${c.who} on ${c.side}: response shows ${leaked.join(", ")}`);
        expectSecurityHeaders(res, `${key} as ${c.who}`);
      };
      const before = await dbDigest();
      for (const c of refused) await check(c);
      expect(await dbDigest(), "a refused call changed the database").toBe(before);
      for (const c of allowed) await check(c);
      expect(mismatches).toEqual([]);
    });
  }
});
