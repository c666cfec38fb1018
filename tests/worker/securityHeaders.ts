// The headers every response must carry, whatever its type (page, JSON, error, CSV, calendar, redirect).
import { expect } from "vitest";

/** Parses a Content-Security-Policy header into directive -> sources. */
export function cspDirectives(header: string | null): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (header ?? "").split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources);
  }
  return map;
}

export function expectSecurityHeaders(res: Response, label: string): void {
  const csp = cspDirectives(res.headers.get("Content-Security-Policy"));
  const scripts = csp.get("script-src") ?? csp.get("default-src");
  expect(scripts, `${label}: script-src`).toEqual(["'self'"]);
  expect(csp.get("default-src"), `${label}: default-src`).toEqual(["'self'"]);
  expect(csp.get("frame-ancestors"), `${label}: frame-ancestors`).toEqual(["'none'"]);
  expect(csp.get("object-src"), `${label}: object-src`).toEqual(["'none'"]);
  expect(csp.get("base-uri"), `${label}: base-uri`).toEqual(["'none'"]);
  expect(res.headers.get("X-Frame-Options"), `${label}: X-Frame-Options`).toBe("DENY");
  expect(res.headers.get("Referrer-Policy"), `${label}: Referrer-Policy`).toBe("strict-origin-when-cross-origin");
  expect(res.headers.get("Strict-Transport-Security") ?? "", `${label}: HSTS`).toMatch(/^max-age=(\d{8,}); includeSubDomains/);
  expect(res.headers.get("X-Content-Type-Options"), `${label}: nosniff`).toBe("nosniff");
  for (const cookie of res.headers.getSetCookie()) {
    expect(cookie, `${label}: cookie ${cookie.split("=")[0]}`).toMatch(/;\s*HttpOnly/i);
    expect(cookie, `${label}: cookie ${cookie.split("=")[0]}`).toMatch(/;\s*Secure/i);
    expect(cookie, `${label}: cookie ${cookie.split("=")[0]}`).toMatch(/;\s*SameSite=(Lax|Strict)/i);
  }
}
