// Removing your details in real Chromium with JavaScript off: from the link in the confirmation
// email, through the emailed confirmation link, with the signature still counted. WCAG 2.2 AA is
// checked on each page in a second, JavaScript-on profile (axe-core needs JavaScript to run).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, expectAccessible, latestEmail, launch, linkIn, newContext } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function petitionCount(q: string): Promise<{ id: number; signatureCount: number }> {
  const res = await fetch(`${baseUrl()}/api/v1/petitions?q=${encodeURIComponent(q)}`);
  const { items } = (await res.json()) as { items: { id: number; signatureCount: number }[] };
  return items[0]!;
}

const heading = (page: Page) => page.getByRole("heading", { level: 1 }).textContent();

describe("removing your details", () => {
  it("works with JavaScript off, from the confirmation email, and the signature stays counted", async () => {
    const email = "rhea.remove@example.org";
    const { id } = await petitionCount("blue badge");
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    const axeContext = await newContext(browser);
    const axePage = await axeContext.newPage();

    await page.goto(`/petitions/${id}/sign`);
    await page.getByLabel("Your full name").fill("Rhea Remove");
    await page.getByLabel("Your email address").fill(email);
    await page.getByLabel("Your postcode").fill("NR2 3DB");
    await page.getByRole("button", { name: "Sign this petition" }).click();
    await page.waitForURL(/\/sign\/check-email$/);
    const confirmation = await latestEmail(email, "signature_confirm");
    await page.goto(linkIn(confirmation.body_text, "/signatures/confirm"));
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL(new RegExp(`/petitions/${id}$`));
    const counted = (await petitionCount("blue badge")).signatureCount;

    // The same email says where to remove your details.
    const yourData = linkIn(confirmation.body_text, "/your-data");
    await page.goto(yourData);
    expect(await heading(page)).toBe("Remove your details");
    await axePage.goto(yourData);
    await expectAccessible(axePage, "/your-data");
    await page.getByRole("button", { name: "Email me a link" }).click();
    await expect.poll(() => page.getByText("There is a problem").count()).toBe(1);
    const summaryLinks = page.locator(".nhsuk-error-summary__list a");
    expect(await summaryLinks.count()).toBe(1);
    const target = (await summaryLinks.first().getAttribute("href"))!;
    expect(await page.locator(target).getAttribute("name")).toBe("email");
    await axePage.getByRole("button", { name: "Email me a link" }).click();
    await expect.poll(() => axePage.getByText("There is a problem").count()).toBe(1);
    await expectAccessible(axePage, "/your-data with an error");
    await page.getByLabel("Email address").fill(email);
    await page.getByRole("button", { name: "Email me a link" }).click();
    await page.waitForURL(/\/your-data\/check-email$/);
    expect(await heading(page)).toBe("Check your email");

    const link = linkIn((await latestEmail(email, "erasure_confirm")).body_text, "/your-data/remove");
    await page.goto(link);
    expect(await heading(page)).toBe("Remove your details");
    expect(await page.getByText("Free parking for blue badge holders at Northshire General Hospital").count()).toBe(1);
    // Looking at the confirmation page does not use the link up.
    await axePage.goto(link);
    await expectAccessible(axePage, "/your-data/remove");
    await page.getByRole("button", { name: "Remove my details" }).click();
    await page.waitForURL(/\/your-data\/removed$/);
    expect(await heading(page)).toBe("Your details have been removed");
    await axePage.goto("/your-data/removed");
    await expectAccessible(axePage, "/your-data/removed");
    expect((await petitionCount("blue badge")).signatureCount).toBe(counted);

    // The link works once.
    await page.goto(link);
    expect(await heading(page)).toBe("This link does not work");
    await axeContext.close();
    await context.close();
  });
});
