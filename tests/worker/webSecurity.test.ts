// Web security, proved on every route the app answers (enumerated from its router, so a new form or
// page cannot be missed): CSRF on every form POST; the security headers on every kind of response;
// user and clipped text never rendered as HTML; CSV cells that cannot run as formulas; iCalendar
// text escaped; cookies Secure/HttpOnly/SameSite; sign-in that does not reveal who has an account;
// and rate limits that answer 429 with Retry-After.
import { beforeAll, describe, expect, it } from "vitest";
import { buildWorld, type World } from "./accessFixtures";
import { accessTable, type ParamKind } from "./accessTable";
import { cookiesFrom, csrfIn, db, dbDigest, request, type Session } from "./helpers";
import { call, nextIp, petitionInput, uniqueEmail } from "./petitionHelpers";
import { appRouteKeys, fillPath } from "./routes";
import { expectSecurityHeaders } from "./securityHeaders";

let w: World;
beforeAll(async () => {
  w = await buildWorld();
}, 120_000);

async function paramValue(kind: ParamKind): Promise<string> {
  const f = w.north;
  if (kind in f.fresh) return String(await f.fresh[kind as keyof typeof f.fresh]());
  return String(f[kind as Exclude<ParamKind, keyof typeof f.fresh>]);
}

/** A route's path with its parameters filled from Northshire's records (as the access table says). */
async function pathOf(key: string): Promise<string> {
  const [, pattern] = key.split(" ") as [string, string];
  const rule = accessTable[key];
  let path = await fillPath(pattern, async (name) => {
    const kind = rule?.params?.[name];
    if (!kind) throw new Error(`${key}: no fixture for :${name} in accessTable.ts`);
    return paramValue(kind);
  });
  if (rule?.query) path += `?${rule.query.replaceAll("{area}", String(w.north.area)).replaceAll("{org}", String(w.north.org))}`;
  return path;
}

const webRoutes = (method: string) => appRouteKeys().filter((k) => k.startsWith(`${method} `) && !k.startsWith(`${method} /api/`));

function post(path: string, cookie: string | null, fields: Record<string, string>, extra: Record<string, string> = {}): Promise<Response> {
  return request(path, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      "CF-Connecting-IP": nextIp(),
      ...(cookie ? { Cookie: cookie } : {}),
      ...extra,
    },
    body: new URLSearchParams(fields),
    redirect: "manual",
  });
}

async function expectCsrfRefusal(res: Response, label: string): Promise<void> {
  const text = await res.text();
  expect(res.status, `${label}: ${text.slice(0, 200)}`).toBe(403);
  expect(text, label).toContain("This form has expired, or was sent from another website");
  expectSecurityHeaders(res, label);
}

describe("CSRF: every web form refuses a request without this session's token", () => {
  const routes = webRoutes("POST");

  it("finds the forms in the app's router", () => {
    expect(routes.length).toBeGreaterThanOrEqual(40);
    expect(routes).toContain("POST /sign-in");
    expect(routes).toContain("POST /petitions/:id{[0-9]+}/sign");
  });

  it("each form works with the right token (the check below is not vacuous)", async () => {
    const admin = w.callers.admin.session!;
    const res = await post("/account/preferences", admin.cookie, { _csrf: admin.csrf, leadTimes: "7", dailyDigest: "yes" });
    expect(res.status, await res.clone().text()).toBe(303);
  });

  for (const key of routes) {
    it(key, async () => {
      const path = await pathOf(key);
      const admin = w.callers.admin.session!;
      const clerk = w.callers.clerk.session!;
      const visitor = w.callers.anonymous.session!;
      const other = await w.freshSession("anonymous");
      const before = await dbDigest();
      // Signed in: no token, an empty one, another person's, a visitor's, and the right one from another site.
      await expectCsrfRefusal(await post(path, admin.cookie, {}), `${key} without a token`);
      await expectCsrfRefusal(await post(path, admin.cookie, { _csrf: "" }), `${key} with an empty token`);
      await expectCsrfRefusal(await post(path, admin.cookie, { _csrf: clerk.csrf }), `${key} with another session's token`);
      await expectCsrfRefusal(await post(path, admin.cookie, { _csrf: visitor.csrf }), `${key} with a visitor's token`);
      await expectCsrfRefusal(
        await post(path, admin.cookie, { _csrf: admin.csrf }, { Origin: "https://evil.example" }),
        `${key} from another site`,
      );
      // Not signed in: no cookie at all, and another visitor's token.
      await expectCsrfRefusal(await post(path, null, { _csrf: visitor.csrf }), `${key} with no cookie`);
      await expectCsrfRefusal(await post(path, visitor.cookie, { _csrf: other!.csrf }), `${key} with another visitor's token`);
      // A JSON body cannot smuggle a form past the check.
      const json = await request(path, {
        method: "POST",
        headers: { Cookie: admin.cookie, "Content-Type": "application/json" },
        body: JSON.stringify({ _csrf: admin.csrf }),
        redirect: "manual",
      });
      await expectCsrfRefusal(json, `${key} as JSON`);
      expect(await dbDigest(), `${key}: a refused form changed the database`).toBe(before);
    });
  }
});

describe("security headers on every kind of response", () => {
  it("pages, errors, redirects, JSON, CSV, calendars and assets all carry the strict policy", async () => {
    const admin = w.callers.admin.session!;
    const responses: [string, Response][] = [
      ["home page", await request("/")],
      ["petition page", await request(`/petitions/${w.north.petition}`)],
      ["signed-in page", await request("/account", { headers: { Cookie: admin.cookie } })],
      ["404 page", await request("/no/such/page")],
      ["404 record", await request("/petitions/999999")],
      ["403 page", await request(`/admin/areas/southvale/settings`, { headers: { Cookie: admin.cookie } })],
      ["sign-in redirect", await request("/account", { redirect: "manual" })],
      ["CSRF refusal", await post("/sign-in", null, {})],
      ["422 form", await post("/account/preferences", admin.cookie, { _csrf: admin.csrf, leadTimes: "many" })],
      ["JSON", await request("/api/v1/areas")],
      ["JSON error", await request("/api/v1/petitions/abc")],
      ["API 404", await request("/api/v1/nothing")],
      ["OpenAPI", await request("/api/v1/openapi.json")],
      ["CSV", await request(`/api/v1/petitions.csv?areaId=${w.north.area}`)],
      ["iCalendar", await request(`/feeds/calendar/${w.north.calendarFile}`)],
    ];
    for (const [label, res] of responses) {
      expect(res.status, label).toBeLessThan(500);
      expectSecurityHeaders(res, label);
    }
    expect(responses.map(([, r]) => r.status)).toEqual(expect.arrayContaining([200, 303, 403, 404, 422]));
    // The authorization matrix checks the same headers on every route as every caller.
  });

  it("a 429 page carries them too, with Retry-After", async () => {
    const page = await request(`/petitions/${w.north.petition}/sign`);
    const cookie = cookiesFrom(page);
    const csrf = csrfIn(await page.text());
    const email = uniqueEmail("limit");
    let last: Response | null = null;
    for (let i = 0; i < 6; i++)
      last = await post(`/petitions/${w.north.petition}/sign`, cookie, { _csrf: csrf, name: "Lim Itter", email, postcode: "NR1 1AA" });
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("Retry-After"))).toBeGreaterThan(0);
    expectSecurityHeaders(last!, "429 page");
  });
});

// Script and markup in every kind of text people type or clip; each must come out as text.
const XSS = `<script>alert("zqxss")</script><img src=x onerror=alert('zqxss')>`;
const RAW = [/<script>alert\("zqxss"\)/i, /<img src=x onerror/i];
const ESCAPED = /&lt;script(&gt;|>)alert\((&quot;|")zqxss/;

describe("text from people and clipped pages is never HTML", () => {
  it("a petition, consultation (clipped), statutory request, response, outcome and names carrying script are shown as text on every page", async () => {
    const f = w.north;
    // Through the API, as people would send them: a clipped consultation and a new petition.
    const link = w.callers.link.token!;
    const clipped = await call("/consultations", link, {
      body: {
        areaId: f.area,
        organisationId: f.org,
        title: `Clipped ${XSS}`,
        url: "https://north.example/xss",
        summary: `Summary ${XSS}`,
        clientId: "xss-clip-0001",
      },
    });
    expect(clipped.status, await clipped.clone().text()).toBe(201);
    const clippedId = ((await clipped.json()) as { consultation: { id: number } }).consultation.id;
    const started = await call("/petitions", null, {
      body: petitionInput(f.org, {
        title: `Sundays ${XSS}`,
        action: `Please ${XSS}`,
        background: `Because ${XSS}`,
        petitionerName: `Pat ${XSS}`,
      }),
    });
    expect(started.status, await started.clone().text()).toBe(202);
    // And into the records every page of the access table shows (titles, bodies, response, outcome, names).
    const now = new Date().toISOString();
    await db
      .updateTable("petitions")
      .set({
        title: `Walk-in ${XSS}`,
        action: `Act ${XSS}`,
        background: `Bg ${XSS}`,
        petitioner_name: `Pet ${XSS}`,
        response_text: `Response ${XSS}`,
        response_state: "responded",
        responded_at: now,
        osc_decision: `Decision ${XSS}`,
        osc_outcome: `Outcome ${XSS}`,
      })
      .where("id", "in", [f.petition, f.pendingPetition])
      .execute();
    await db
      .updateTable("consultations")
      .set({
        title: `Consultation ${XSS}`,
        summary: `Summary ${XSS}`,
        outcome_said: `Said ${XSS}`,
        outcome_decided: `Decided ${XSS}`,
        outcome_changed: `Changed ${XSS}`,
      })
      .where("id", "=", f.consultation)
      .execute();
    await db
      .updateTable("obligations")
      .set({ title: `Request ${XSS}`, body: `Body ${XSS}` })
      .where("id", "=", f.obligation)
      .execute();
    await db
      .updateTable("obligation_messages")
      .set({ body: `Message ${XSS}` })
      .execute();
    await db
      .updateTable("people")
      .set({ name: `Ada ${XSS}` })
      .where("id", "=", f.adminId)
      .execute();
    await db
      .updateTable("organisations")
      .set({ name: `PCT ${XSS}` })
      .where("id", "=", f.org)
      .execute();

    const shown: string[] = [];
    const gets = webRoutes("GET").filter((k) => !k.startsWith("GET /dev/"));
    expect(gets.length).toBeGreaterThan(40);
    for (const key of [...gets, `GET /consultations/${clippedId}`]) {
      const path = key.includes(":") ? await pathOf(key) : key.slice(4);
      for (const who of ["admin", "anonymous"] as const) {
        const session: Session | null = w.callers[who].session;
        const res = await request(path, { headers: session ? { Cookie: session.cookie } : {}, redirect: "manual" });
        const type = res.headers.get("Content-Type") ?? "";
        const text = await res.text();
        expect(res.status, `${key} as ${who}`).toBeLessThan(500);
        if (!type.startsWith("text/html")) continue;
        for (const raw of RAW) expect(text, `${key} as ${who} renders markup from text`).not.toMatch(raw);
        if (ESCAPED.test(text)) shown.push(`${key} as ${who}`);
      }
    }
    // The payloads did reach the pages (escaped), so the check above was not vacuous.
    for (const must of [
      /^GET \/petitions\/:id\S* as anonymous$/,
      /^GET \/consultations\/:id\S* as anonymous$/,
      new RegExp(`^GET /consultations/${clippedId} as admin$`),
      /^GET \/obligations\/:id\S* as admin$/,
      /^GET \/account as admin$/,
    ]) {
      expect(
        shown.some((s) => must.test(s)),
        `${must} should show the escaped text`,
      ).toBe(true);
    }
    expect(shown.length).toBeGreaterThan(15);
  }, 120_000);

  it("CSV exports neutralise formulas: a cell starting with =, +, - or @ is prefixed with '", async () => {
    const f = w.north;
    await db
      .updateTable("petitions")
      .set({ title: `=HYPERLINK("http://evil.example","x")`, action: "+1+1", background: "-2+3" })
      .where("id", "=", f.petition)
      .execute();
    await db.updateTable("organisations").set({ name: "@SUM(A1:A9)" }).where("id", "=", f.org).execute();
    await db.updateTable("obligations").set({ title: "=1+2" }).where("id", "=", f.obligation).execute();
    const clerk = w.callers.clerk.session!;
    const exports = [
      `/api/v1/petitions.csv?areaId=${f.area}`,
      `/petitions/dashboard.csv?areaId=${f.area}`,
      `/clock/organisations/${f.org}/csv`,
      `/clock/areas/${f.areaSlug}/csv`,
    ];
    let formulas = 0;
    for (const path of exports) {
      const res = await request(path, { headers: { Cookie: clerk.cookie } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get("Content-Type"), path).toMatch(/^text\/csv/);
      const cells = parseCsv((await res.text()).replace(/^\uFEFF/, "")).flat();
      expect(
        cells.filter((c) => /^[=+\-@\t\r]/.test(c)),
        `${path}: cells a spreadsheet would run`,
      ).toEqual([]);
      formulas += cells.filter((c) => /^'[=+\-@]/.test(c)).length;
    }
    expect(formulas, "the formula-like text reached the exports").toBeGreaterThanOrEqual(4);
  });

  it("iCalendar text is escaped: a title cannot add lines, events or properties", async () => {
    const f = w.north;
    await db
      .updateTable("obligations")
      .set({ title: "Evil\r\nEND:VEVENT\rBEGIN:VEVENT\nSUMMARY:injected; a,b\\" })
      .where("id", "=", f.obligation)
      .execute();
    const res = await request(`/feeds/calendar/${f.calendarFile}`);
    expect(res.status).toBe(200);
    const text = await res.text();
    // Lines end in CRLF, and there is no bare CR or LF a lenient reader could take for a line break.
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const unfolded = text.replace(/\r\n[ \t]/g, "");
    const lines = unfolded.split("\r\n");
    expect(lines.filter((l) => l.startsWith("SUMMARY:injected"))).toEqual([]);
    expect(lines.filter((l) => l === "BEGIN:VEVENT").length).toBe(lines.filter((l) => l === "END:VEVENT").length);
    expect(unfolded).toContain("Evil\\nEND:VEVENT\\nBEGIN:VEVENT\\nSUMMARY:injected\\; a\\,b\\\\");
  });
});

/** RFC 4180 rows (quoted cells may hold commas, quotes and newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") row.push(cell), (cell = "");
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(cell), rows.push(row), (row = []), (cell = "");
    } else cell += ch;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}

describe("cookies", () => {
  it("the session and visitor cookies are Secure, HttpOnly and SameSite", async () => {
    const visitor = await request("/sign-in");
    const set = visitor.headers.getSetCookie();
    expect(set.some((c) => c.startsWith("visitor="))).toBe(true);
    expectSecurityHeaders(visitor, "visitor cookie");
    // A real sign-in: the session cookie.
    const email = (await db.selectFrom("people").select("email").where("id", "=", w.s.personIds.link!).executeTakeFirstOrThrow()).email;
    const asked = await post("/sign-in", cookiesFrom(visitor), { _csrf: csrfIn(await visitor.text()), email });
    expect(asked.status).toBe(303);
    const message = await db
      .selectFrom("outbox")
      .select("body_text")
      .where("to_email", "=", email)
      .where("category", "=", "sign_in")
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    const token = new URL(/https:\/\/tracker\.test\/sign-in\/confirm\?\S+/.exec(message.body_text)![0]).searchParams.get("token")!;
    const confirmPage = await request(`/sign-in/confirm?token=${token}`);
    const signedIn = await post("/sign-in/confirm", cookiesFrom(confirmPage), { _csrf: csrfIn(await confirmPage.text()), token });
    expect(signedIn.status).toBe(303);
    const session = signedIn.headers.getSetCookie().find((c) => c.startsWith("session="));
    expect(session).toBeDefined();
    expectSecurityHeaders(signedIn, "session cookie");
    // Used once: the same link again is refused.
    const again = await request(`/sign-in/confirm?token=${token}`);
    const reused = await post("/sign-in/confirm", cookiesFrom(again), { _csrf: csrfIn(await again.text()), token });
    expect(reused.status).toBe(400);
    expect(reused.headers.getSetCookie().some((c) => c.startsWith("session="))).toBe(false);
  });
});

describe("sign-in does not reveal who has an account", () => {
  it("the API gives the same answer, byte for byte, for a known and an unknown address", async () => {
    const known = await call("/auth/sign-in-link", null, { body: { email: "clerk@northshire.example" } });
    const unknown = await call("/auth/sign-in-link", null, { body: { email: "nobody.at.all@northshire.example" } });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(known.status);
    expect(await unknown.text()).toBe(await known.text());
    expect(unknown.headers.getSetCookie()).toEqual(known.headers.getSetCookie());
  });

  it("the web form too, apart from the address it echoes back", async () => {
    const answer = async (email: string) => {
      const page = await request("/sign-in");
      const res = await post("/sign-in", cookiesFrom(page), { _csrf: csrfIn(await page.text()), email });
      const location = res.headers.get("Location") ?? "";
      const next = await request(location, { headers: { Cookie: cookiesFrom(page) } });
      return {
        status: res.status,
        location: location.replace(encodeURIComponent(email), "EMAIL"),
        page: (await next.text()).replaceAll(email, "EMAIL").replace(/name="_csrf" value="[^"]+"/g, ""),
      };
    };
    const known = await answer("responder@northshire-pct.example");
    const unknown = await answer("nobody.else@northshire-pct.example");
    expect(known.status).toBe(303);
    expect(unknown).toEqual(known);
  });
});

describe("rate limits answer 429 with Retry-After", () => {
  const expect429 = async (res: Response, label: string) => {
    expect(res.status, label).toBe(429);
    const retry = Number(res.headers.get("Retry-After"));
    expect(retry, label).toBeGreaterThan(0);
    expect(retry, label).toBeLessThanOrEqual(3600);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code, label).toBe("rate_limited");
  };

  it("asking for sign-in links: per address, and per IP address", async () => {
    const email = uniqueEmail("signin");
    const statuses: number[] = [];
    let last: Response | null = null;
    for (let i = 0; i < 6; i++) {
      last = await call("/auth/sign-in-link", null, { body: { email } });
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
    await expect429(last!, "sign-in per address");
    const ip = nextIp();
    for (let i = 0; i < 20; i++)
      expect((await call("/auth/sign-in-link", null, { body: { email: uniqueEmail("ip") }, ip })).status).toBe(202);
    await expect429(await call("/auth/sign-in-link", null, { body: { email: uniqueEmail("ip") }, ip }), "sign-in per IP");
  });

  it("signing a petition: per address, and per IP address", async () => {
    const email = uniqueEmail("signer");
    const sign = (e: string, ip?: string) =>
      call(`/petitions/${w.north.petition}/signatures`, null, { body: { name: "Sig Ner", email: e, postcode: "NR1 1AA" }, ip });
    for (let i = 0; i < 5; i++) expect((await sign(email)).status).toBe(202);
    await expect429(await sign(email), "signing per address");
    const ip = nextIp();
    for (let i = 0; i < 60; i++) expect((await sign(uniqueEmail("s"), ip)).status).toBe(202);
    await expect429(await sign(uniqueEmail("s"), ip), "signing per IP");
  });

  it("starting petitions: per address, and per IP address", async () => {
    const email = uniqueEmail("starter");
    for (let i = 0; i < 3; i++)
      expect((await call("/petitions", null, { body: petitionInput(w.north.org, { petitionerEmail: email }) })).status).toBe(202);
    await expect429(
      await call("/petitions", null, { body: petitionInput(w.north.org, { petitionerEmail: email }) }),
      "starting per address",
    );
    const ip = nextIp();
    for (let i = 0; i < 10; i++) expect((await call("/petitions", null, { body: petitionInput(w.north.org), ip })).status).toBe(202);
    await expect429(await call("/petitions", null, { body: petitionInput(w.north.org), ip }), "starting per IP");
  });

  it("a refused request is counted but writes nothing else", async () => {
    const email = uniqueEmail("quiet");
    for (let i = 0; i < 5; i++) await call("/auth/sign-in-link", null, { body: { email } });
    const before = await dbDigest();
    expect((await call("/auth/sign-in-link", null, { body: { email } })).status).toBe(429);
    expect(await dbDigest()).toBe(before);
  });
});
