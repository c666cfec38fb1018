// Helpers for browser tests: Debian's Chromium through playwright-core, axe-core checks, sign-in.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect, inject } from "vitest";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export const baseUrl = () => inject("baseUrl");

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** A fresh browser profile; `javaScriptEnabled: false` for the no-JavaScript journeys. */
export async function newContext(browser: Browser, { javaScriptEnabled = true } = {}): Promise<BrowserContext> {
  return browser.newContext({ baseURL: baseUrl(), javaScriptEnabled, viewport: { width: 1100, height: 900 } });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core for WCAG 2.2 A and AA; fails listing each violation. */
export async function expectAccessible(page: Page, label = page.url()): Promise<void> {
  // Evaluated through the DevTools protocol, so the page's CSP does not block it.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `axe-core found WCAG violations on ${label}`).toEqual([]);
}

/** The newest email to an address, from the local outbox. */
export async function latestEmail(to: string, category?: string): Promise<{ subject: string; body_text: string }> {
  const res = await fetch(`${baseUrl()}/dev/outbox.json`);
  const { items } = (await res.json()) as { items: { to_email: string; subject: string; body_text: string; category: string }[] };
  const found = items.find((m) => m.to_email === to && (!category || m.category === category));
  if (!found) throw new Error(`No email to ${to}${category ? ` (${category})` : ""} in the outbox`);
  return found;
}

export function linkIn(text: string, pathPrefix: string): string {
  const match = new RegExp(`https?://[^\\s]+${pathPrefix.replace(/[/?]/g, "\\$&")}[^\\s]*`).exec(text);
  if (!match) throw new Error(`No link to ${pathPrefix} in:\n${text}`);
  return match[0];
}

/** Signs in through the real email link (works with JavaScript off too). */
export async function signInByEmail(page: Page, email: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect.poll(() => page.getByRole("heading", { name: "Check your email" }).count()).toBe(1);
  const email_ = await latestEmail(email, "sign_in");
  await page.goto(linkIn(email_.body_text, "/sign-in/confirm"));
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL(/\/account|\/admin|\/$/);
}

/** Signs in quickly through the development-only page (for tests not about sign-in). */
export async function signInAs(page: Page, name: string): Promise<void> {
  await page.goto("/dev/sign-in");
  await page.getByRole("button", { name: `Sign in as ${name}` }).click();
  await page.waitForURL(/\/account/);
}
