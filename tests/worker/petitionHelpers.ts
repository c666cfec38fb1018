// Helpers for the petition tests: tokens from emailed links, petitions in a chosen state, signing by the API.
import { expect } from "vitest";
import { cookiesFrom, csrfIn, db, request, type Session } from "./helpers";

/** Call the JSON API (bearer token optional) from an IP address of our choosing. */
export function call(path: string, token: string | null, init: { method?: string; body?: unknown; ip?: string } = {}): Promise<Response> {
  return request(`/api/v1${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: {
      "CF-Connecting-IP": init.ip ?? nextIp(),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(init.body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

let ipCounter = 0;
/** A fresh address each call, so rate limits per IP do not get in the way of tests about something else. */
export function nextIp(): string {
  ipCounter += 1;
  return `198.51.${Math.floor(ipCounter / 250)}.${ipCounter % 250}`;
}

/** The newest outbox message to an address (optionally of a category). */
export async function latestEmailTo(to: string, category?: string) {
  let q = db.selectFrom("outbox").selectAll().where("to_email", "=", to);
  if (category) q = q.where("category", "=", category);
  const row = await q.orderBy("id", "desc").executeTakeFirst();
  if (!row) throw new Error(`No email to ${to}${category ? ` (${category})` : ""}`);
  return row;
}

/** The token in the link to `path` in an email body. */
export function tokenIn(body: string, path: string): string {
  const match = new RegExp(`${path.replace(/[/?]/g, "\\$&")}\\?token=([A-Za-z0-9_%-]+)`).exec(body);
  if (!match) throw new Error(`No ${path} link in:\n${body}`);
  return decodeURIComponent(match[1]!);
}

let counter = 0;
/** A unique email address for this test file. */
export function uniqueEmail(prefix = "person"): string {
  counter += 1;
  return `${prefix}.${counter}.${Math.random().toString(36).slice(2, 8)}@example.org`;
}

export const petitionInput = (organisationId: number, overrides: Record<string, unknown> = {}) => ({
  organisationId,
  title: "Reopen the walk-in centre in Harbour Street on Sundays",
  action: "We ask the primary care trust to reopen the walk-in centre on Sundays from 10am to 4pm.",
  background: "Since it closed on Sundays, people wait hours at the emergency department for minor problems.",
  petitionerName: "Petra Petitioner",
  petitionerEmail: uniqueEmail("petitioner"),
  ...overrides,
});

/** Starts a petition through the API and confirms it by the emailed link: it is then waiting to be checked. */
export async function startAndConfirm(organisationId: number, overrides: Record<string, unknown> = {}) {
  const input = petitionInput(organisationId, overrides);
  const started = await call("/petitions", null, { body: input });
  expect(started.status, await started.clone().text()).toBe(202);
  const mail = await latestEmailTo(input.petitionerEmail as string, "petition_confirm");
  const token = tokenIn(mail.body_text, "/petitions/confirm");
  const confirmed = await call("/petitions/confirmation", null, { body: { token } });
  expect(confirmed.status).toBe(200);
  const { petitionId } = (await confirmed.json()) as { petitionId: number };
  return { petitionId, input, token };
}

/** Starts, confirms and approves a petition: it is open for signatures. */
export async function openPetition(organisationId: number, clerkToken: string, overrides: Record<string, unknown> = {}) {
  const started = await startAndConfirm(organisationId, overrides);
  const res = await call(`/petitions/${started.petitionId}/moderation`, clerkToken, { body: { decision: "approve" } });
  expect(res.status, await res.clone().text()).toBe(200);
  return started;
}

/** Signs by the API from a given IP address and returns the token from the confirmation email. */
export function sign(
  petitionId: number,
  signer: { name?: string; email: string; postcode?: string; contactConsent?: boolean },
  ip?: string,
) {
  return call(`/petitions/${petitionId}/signatures`, null, {
    body: {
      name: signer.name ?? "Sam Signer",
      email: signer.email,
      postcode: signer.postcode ?? "NR1 1AA",
      contactConsent: signer.contactConsent ?? false,
    },
    ip,
  });
}

export function confirmByToken(token: string) {
  return call("/signatures/confirmation", null, { body: { token } });
}

/** Signs and confirms: the signature counts. */
export async function signAndConfirm(
  petitionId: number,
  signer: { name?: string; email: string; postcode?: string; contactConsent?: boolean },
  ip?: string,
) {
  const res = await sign(petitionId, signer, ip);
  expect(res.status, await res.clone().text()).toBe(202);
  const mail = await latestEmailTo(signer.email, "signature_confirm");
  const confirmed = await confirmByToken(tokenIn(mail.body_text, "/signatures/confirm"));
  expect(confirmed.status).toBe(200);
  return (await confirmed.json()) as { petitionId: number; signatureCount: number; alreadyConfirmed: boolean };
}

export async function petitionRow(id: number) {
  return db.selectFrom("petitions").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

export async function auditFor(entity: string, entityId: number) {
  return db.selectFrom("audit_log").selectAll().where("entity", "=", entity).where("entity_id", "=", entityId).orderBy("id").execute();
}

/** A visitor without an account: the cookie and CSRF token a public form page gives. */
export async function visitor(path = "/petitions/new"): Promise<Session> {
  const res = await request(path);
  const html = await res.text();
  return { personId: 0, cookie: cookiesFrom(res), csrf: csrfIn(html) };
}

/** GET a web page, signed in or not. */
export function page(path: string, session?: Session | null): Promise<Response> {
  return request(path, { headers: session ? { Cookie: session.cookie } : {}, redirect: "manual" });
}
