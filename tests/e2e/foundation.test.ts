// The web shell in real Chromium: pages work with JavaScript off, meet WCAG 2.2 AA, and sign-in works end to end.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launch, newContext, signInAs, signInByEmail } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("web shell", () => {
  it("signs in by email link with JavaScript off, and shows the person in the header", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signInByEmail(page, "clerk@northshire.example");
    await expect.poll(() => page.url()).toMatch(/\/account$/);
    const header = page.getByRole("navigation", { name: "Account" });
    await expect.poll(() => header.textContent()).toContain("Alice Morgan");
    expect(await header.textContent()).toContain("Scrutiny clerk, Northshire Health Overview and Scrutiny Committee");
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect.poll(() => page.getByText("You are signed out.").count()).toBe(1);
    await context.close();
  });

  it("meets WCAG 2.2 AA on the home, sign-in, account, admin, error and API docs pages", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    // Chromium logs a page's own 404/422 status as a console error; those are expected here.
    page.on("console", (m) => m.type() === "error" && !/status of (404|422)/.test(m.text()) && errors.push(m.text()));
    for (const path of ["/", "/sign-in", "/about", "/api/v1/docs"]) {
      await page.goto(path);
      await expectAccessible(page, path);
    }
    const missing = await page.goto("/no-such-page");
    expect(missing?.status()).toBe(404);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Page not found");
    await expectAccessible(page, "404");

    await signInAs(page, "Ada Lovelace");
    await expectAccessible(page, "/account");
    await page.getByRole("link", { name: "Administration" }).click();
    await page.waitForURL(/\/admin\/areas\/northshire/);
    await expectAccessible(page, "/admin/areas/northshire");
    // An error summary is accessible too.
    await page.getByLabel("Signatures needed for a response", { exact: true }).fill("lots");
    await page.getByRole("button", { name: "Save area defaults" }).click();
    await expect.poll(() => page.getByText("There is a problem").count()).toBe(1);
    await expectAccessible(page, "admin with errors");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows a pairing code for the extension", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signInAs(page, "Ben Okafor");
    await page.getByRole("button", { name: "Get a pairing code" }).click();
    const code = await page.locator(".app-code").textContent();
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await context.close();
  });
});
