// Sign-in links, sessions, CSRF and pairing the extension, through the real app.
import { beforeAll, describe, expect, it } from "vitest";
import { sha256 } from "../../worker/platform/crypto";
import { api, cookiesFrom, count, csrfIn, db, request, seed, sessionFor } from "./helpers";

const CLERK = "clerk@northshire.example";

/** Visits the sign-in page as a new visitor: the visitor cookie and the form's CSRF token. */
async function visitSignIn() {
  const page = await request("/sign-in");
  return { cookie: cookiesFrom(page), csrf: csrfIn(await page.text()) };
}

async function askForLink(email: string) {
  const { cookie, csrf } = await visitSignIn();
  return request("/sign-in", {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ _csrf: csrf, email }),
    redirect: "manual",
  });
}

async function latestLink(email: string): Promise<string> {
  const message = await db
    .selectFrom("outbox")
    .select("body_text")
    .where("to_email", "=", email)
    .orderBy("id", "desc")
    .executeTakeFirstOrThrow();
  const link = /https:\/\/tracker\.test\/sign-in\/confirm\?\S+/.exec(message.body_text)?.[0];
  if (!link) throw new Error("no sign-in link in the email");
  return link;
}

/** Follows a sign-in link as a browser would: open it, then press Continue. */
async function useLink(link: string) {
  const url = new URL(link);
  const page = await request(url.pathname + url.search);
  const cookie = cookiesFrom(page);
  const html = await page.text();
  return request("/sign-in/confirm", {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      _csrf: csrfIn(html),
      token: url.searchParams.get("token")!,
      ...(url.searchParams.get("next") ? { next: url.searchParams.get("next")! } : {}),
    }),
    redirect: "manual",
  });
}

// Sign-in requests are rate-limited per address (5 an hour), so tests spread over the demo people.
let people: Record<string, number>;
beforeAll(async () => {
  people = (await seed()).personIds;
});

describe("sign-in by email link", () => {
  it("emails a link, and the link signs in once", async () => {
    const asked = await askForLink(CLERK);
    expect(asked.status).toBe(303);
    const link = await latestLink(CLERK);
    const first = await useLink(link);
    expect(first.status).toBe(303);
    expect(first.headers.get("Location")).toBe("/account");
    const setCookie = first.headers.getSetCookie().find((c) => c.startsWith("session="))!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/Secure/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const account = await request("/account", { headers: { Cookie: setCookie.split(";")[0]! } });
    expect(account.status).toBe(200);
    expect(await account.text()).toContain("Alice Morgan");

    const second = await useLink(link);
    expect(second.status).toBe(400);
    expect(await second.text()).toContain("already been used");
  });

  it("stores only hashes of sign-in tokens and session ids", async () => {
    await askForLink(CLERK);
    const link = await latestLink(CLERK);
    const token = new URL(link).searchParams.get("token")!;
    const stored = await db.selectFrom("sign_in_tokens").select("token_hash").execute();
    expect(stored.some((r) => r.token_hash === token)).toBe(false);
    expect(stored.some((r) => r.token_hash === "")).toBe(false);
    expect(stored.map((r) => r.token_hash)).toContain(await sha256(token));
  });

  it("refuses an expired link", async () => {
    await askForLink(CLERK);
    const link = await latestLink(CLERK);
    const hash = await sha256(new URL(link).searchParams.get("token")!);
    await db
      .updateTable("sign_in_tokens")
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where("token_hash", "=", hash)
      .execute();
    const res = await useLink(link);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain("expired");
    const row = await db.selectFrom("sign_in_tokens").select("used_at").where("token_hash", "=", hash).executeTakeFirstOrThrow();
    expect(row.used_at).toBeNull();
  });

  it("gives the same answer for an unknown address, and sends nothing", async () => {
    const before = await count("outbox");
    const res = await askForLink("nobody@nowhere.example");
    expect(res.status).toBe(303);
    expect(res.headers.get("Location")).toBe("/sign-in/check-email?email=nobody%40nowhere.example");
    expect(await count("outbox")).toBe(before);
    const known = await askForLink(CLERK);
    expect(known.headers.get("Location")).toBe(`/sign-in/check-email?email=${encodeURIComponent(CLERK)}`);
  });

  it("returns to the page asked for, and never to another site", async () => {
    const email = "pals@northshire-hospitals.example";
    const { cookie, csrf } = await visitSignIn();
    for (const next of ["/admin", "//evil.example/x"]) {
      await request("/sign-in", {
        method: "POST",
        headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ _csrf: csrf, email, next }),
        redirect: "manual",
      });
      const res = await useLink(await latestLink(email));
      expect(res.headers.get("Location")).toBe(next === "/admin" ? "/admin" : "/account");
    }
  });

  it("rate-limits sign-in requests for one address with a 429 and Retry-After", async () => {
    const email = "engagement@nhs-northshire.example";
    const statuses: number[] = [];
    let last: Response | null = null;
    for (let i = 0; i < 7; i++) {
      last = await askForLink(email);
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 5)).toEqual([303, 303, 303, 303, 303]);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(last!.headers.get("Retry-After"))).toBeGreaterThan(0);
  });

  it("signs out and forgets the session", async () => {
    await askForLink("volunteer@northshire.example");
    const signedIn = await useLink(await latestLink("volunteer@northshire.example"));
    const cookie = signedIn.headers
      .getSetCookie()
      .find((c) => c.startsWith("session="))!
      .split(";")[0]!;
    const account = await request("/account", { headers: { Cookie: cookie } });
    const out = await request("/sign-out", {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ _csrf: csrfIn(await account.text()) }),
      redirect: "manual",
    });
    expect(out.status).toBe(303);
    const after = await request("/account", { headers: { Cookie: cookie }, redirect: "manual" });
    expect(after.status).toBe(303);
    expect(after.headers.get("Location")).toBe("/sign-in?next=%2Faccount");
  });
});

describe("CSRF protection", () => {
  it("refuses a form without a token, with a wrong token, or from another site, and writes nothing", async () => {
    const { cookie, csrf } = await visitSignIn();
    const before = await count("outbox");
    const attempts: [Record<string, string>, Record<string, string>][] = [
      [{ email: CLERK }, {}],
      [{ email: CLERK, _csrf: "forged" }, {}],
      [{ email: CLERK, _csrf: csrf }, { Origin: "https://evil.example" }],
    ];
    for (const [fields, headers] of attempts) {
      const res = await request("/sign-in", {
        method: "POST",
        headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", ...headers },
        body: new URLSearchParams(fields),
      });
      expect(res.status).toBe(403);
      expect(await res.text()).toContain("This form has expired, or was sent from another website");
    }
    // A token from another visitor's page does not work with this visitor's cookie.
    const other = await visitSignIn();
    const crossed = await request("/sign-in", {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: CLERK, _csrf: other.csrf }),
    });
    expect(crossed.status).toBe(403);
    expect(await count("outbox")).toBe(before);
  });

  it("requires the header for API writes made with a session cookie, but not with a bearer token", async () => {
    const { cookie } = await sessionFor(people.admin!);
    const res = await request("/api/v1/me/preferences", {
      method: "PUT",
      headers: { Cookie: cookie, "Content-Type": "application/json" },
      body: JSON.stringify({ leadTimes: [3], dailyDigest: true }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("csrf_failed");
    const person = await db.selectFrom("people").select("lead_times").where("id", "=", people.admin!).executeTakeFirstOrThrow();
    expect(person.lead_times).toBe("[14,7,2,1,0]");
  });
});

describe("pairing the extension", () => {
  async function pairingCode(): Promise<string> {
    const { cookie } = await sessionFor(people.clerk!);
    const account = await request("/account", { headers: { Cookie: cookie } });
    const page = await request("/account/pairing-code", {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ _csrf: csrfIn(await account.text()) }),
    });
    const code = /class="app-code"[^>]*>([A-Z0-9]{4}-[A-Z0-9]{4})</.exec(await page.text())?.[1];
    expect(code).toBeDefined();
    return code!;
  }

  it("exchanges a code shown on the web for a token, once", async () => {
    const code = await pairingCode();
    const paired = await api("/pairing", null, { body: { code: code.toLowerCase(), label: "Chrome at the library" } });
    expect(paired.status).toBe(201);
    const body = (await paired.json()) as { token: string; tokenId: number; me: { name: string; memberships: { role: string }[] } };
    expect(body.me.name).toBe("Alice Morgan");
    expect(body.me.memberships.map((m) => m.role)).toEqual(["osc_clerk"]);
    const me = await api("/me", body.token);
    expect(me.status).toBe(200);
    expect(((await me.json()) as { email: string }).email).toBe(CLERK);
    // Only the hash is stored.
    const stored = await db.selectFrom("api_tokens").select("token_hash").where("id", "=", body.tokenId).executeTakeFirstOrThrow();
    expect(stored.token_hash).toBe(await sha256(body.token));

    const again = await api("/pairing", null, { body: { code } });
    expect(again.status).toBe(422);
    expect(((await again.json()) as { error: { fields: Record<string, string> } }).error.fields.code).toMatch(/not valid/);
  });

  it("gives one token when the same code is sent twice at once", async () => {
    const code = await pairingCode();
    const before = await count("api_tokens");
    const results = await Promise.all([api("/pairing", null, { body: { code } }), api("/pairing", null, { body: { code } })]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 422]);
    expect(await count("api_tokens")).toBe(before + 1);
  });

  it("revokes a token so it stops working", async () => {
    const code = await pairingCode();
    const { token, tokenId } = (await (await api("/pairing", null, { body: { code } })).json()) as { token: string; tokenId: number };
    const revoked = await api(`/tokens/${tokenId}`, token, { method: "DELETE" });
    expect(revoked.status).toBe(204);
    const me = await api("/me", token);
    expect(me.status).toBe(401);
    expect(((await me.json()) as { error: { code: string } }).error.code).toBe("sign_in_required");
  });

  it("answers CORS preflight from the extension", async () => {
    const res = await request("/api/v1/me", {
      method: "OPTIONS",
      headers: {
        Origin: "chrome-extension://abcdef",
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "authorization",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(res.headers.get("Access-Control-Allow-Headers")?.toLowerCase()).toContain("authorization");
  });
});

describe("security headers", () => {
  it("sends a strict policy on pages", async () => {
    const res = await request("/");
    expect(res.headers.get("Content-Security-Policy")).toContain("default-src 'self'");
    expect(res.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("X-Frame-Options")).toBe("DENY");
    expect(res.headers.get("Strict-Transport-Security")).toContain("max-age=");
    expect(res.headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
  });
});
