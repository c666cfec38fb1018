// Consultations and the area clock in real Chromium: WCAG 2.2 AA, and a LINk member raising a request
// for information with JavaScript off, then finding it on the clock.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, launch, newContext, signInAs } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("consultations and the area clock", () => {
  it("meet WCAG 2.2 AA: the public list, a consultation with its outcome, and Ben Okafor's clock", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto("/consultations");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Consultations in Northshire");
    await expect.poll(() => page.getByText("Outcome overdue: closed 15 weeks ago, no outcome published").count()).toBeGreaterThan(0);
    await expectAccessible(page, "/consultations");

    await page.getByRole("link", { name: "Stroke rehabilitation: where should services be based?" }).click();
    await page.waitForURL(/\/consultations\/\d+$/);
    await expect.poll(() => page.getByRole("heading", { name: "What changed as a result" }).count()).toBe(1);
    await expectAccessible(page, "consultation page");

    await page.goto("/consultations?area=northshire&status=outcome_overdue");
    await page.getByRole("link", { name: "Review of community mental health services" }).click();
    await expect.poll(() => page.getByText("Outcome overdue: closed 15 weeks ago").count()).toBe(1);
    await expectAccessible(page, "consultation with an overdue outcome");

    await signInAs(page, "Ben Okafor");
    await page.getByRole("link", { name: "Area clock" }).click();
    await page.waitForURL(/\/clock\/organisations\/\d+$/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Northshire LINk");
    await expectAccessible(page, "Ben Okafor's area clock");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("lets a LINk member raise a request for information with JavaScript off, and shows it on the clock", async () => {
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signInAs(page, "Ben Okafor");
    await page.getByRole("link", { name: "Requests" }).click();
    await page.getByRole("link", { name: "Raise a request" }).click();
    await page.getByLabel("Request for information").check();
    await page.getByRole("button", { name: "Continue" }).click();

    await page.getByLabel("Who is it to?").selectOption({ label: "Northshire Hospitals NHS Trust (NHS trust)" });
    await page.getByLabel("Title", { exact: true }).fill("Falls on older people's wards");
    await page
      .getByLabel("What you are asking or reporting")
      .fill("How many falls were recorded on each ward for people over 75 in the last year?");
    await page.getByLabel("Link 1: title").fill("Our visit report");
    await page.getByLabel("Link 1: web address").fill("https://northshire-link.example/reports/falls.pdf");
    await page.getByRole("button", { name: "Send the request for information" }).click();

    await page.waitForURL(/\/obligations\/\d+$/);
    await expect.poll(() => page.getByText("Sent to Northshire Hospitals NHS Trust").count()).toBe(1);
    expect(await page.getByRole("link", { name: "Our visit report" }).getAttribute("href")).toBe(
      "https://northshire-link.example/reports/falls.pdf",
    );

    await page.getByRole("link", { name: "Area clock" }).click();
    await page.waitForURL(/\/clock\/organisations\/\d+$/);
    const row = page.getByRole("row").filter({ hasText: "Falls on older people's wards" });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain("Northshire Hospitals NHS Trust, for Northshire LINk");
    expect(await row.textContent()).toContain("due in");
    await context.close();
  });
});
