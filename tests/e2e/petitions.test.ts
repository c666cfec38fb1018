// Petitions in real Chromium: signing with JavaScript off and on (confirmed through the outbox link),
// a response previewed and published, and WCAG 2.2 AA on the public, clerk and responder pages.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, expectAccessible, latestEmail, launch, linkIn, newContext, signInAs } from "./browser";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Summary {
  id: number;
  title: string;
  signatureCount: number;
  state: string;
}

async function findPetition(q: string): Promise<Summary> {
  const res = await fetch(`${baseUrl()}/api/v1/petitions?q=${encodeURIComponent(q)}`);
  const { items } = (await res.json()) as { items: Summary[] };
  if (!items[0]) throw new Error(`No petition matching ${q}`);
  return items[0];
}

async function signedCount(page: Page): Promise<number> {
  const text = (await page.locator(".app-signature-count").textContent()) ?? "";
  return Number(text.replace(/[^0-9]/g, ""));
}

/** Signs through the form and the emailed link, as a member of the public would. */
async function signAndConfirm(page: Page, petitionId: number, who: { name: string; email: string; postcode: string }) {
  await page.goto(`/petitions/${petitionId}`);
  await page.getByRole("button", { name: "Sign this petition" }).click();
  await page.waitForURL(new RegExp(`/petitions/${petitionId}/sign$`));
  await page.getByLabel("Your full name").fill(who.name);
  await page.getByLabel("Your email address").fill(who.email);
  await page.getByLabel("Your postcode").fill(who.postcode);
  await page.getByLabel("Email me about the response and the outcome of this petition").check();
  await page.getByRole("button", { name: "Sign this petition" }).click();
  await page.waitForURL(/\/sign\/check-email$/);
  expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Check your email");
  const email = await latestEmail(who.email, "signature_confirm");
  await page.goto(linkIn(email.body_text, "/signatures/confirm"));
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL(new RegExp(`/petitions/${petitionId}$`));
  await expect.poll(() => page.getByText("Thank you. Your signature has been counted.").count()).toBe(1);
}

describe("signing a petition", () => {
  it("works with JavaScript off: the count changes only after the emailed link", async () => {
    const petition = await findPetition("blue badge");
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/petitions/${petition.id}`);
    const before = await signedCount(page);
    expect(before).toBe(petition.signatureCount);

    // A wrong postcode is explained, and what was typed is kept.
    await page.goto(`/petitions/${petition.id}/sign`);
    await page.getByLabel("Your full name").fill("Nadia No-Script");
    await page.getByLabel("Your email address").fill("nadia.noscript@example.org");
    await page.getByLabel("Your postcode").fill("XX1");
    await page.getByRole("button", { name: "Sign this petition" }).click();
    await expect.poll(() => page.getByText("There is a problem").count()).toBe(1);
    expect(await page.getByLabel("Your full name").inputValue()).toBe("Nadia No-Script");
    await page.getByRole("link", { name: "Enter a real UK postcode, like NR1 1AA" }).click();

    await page.goto(`/petitions/${petition.id}`);
    expect(await signedCount(page)).toBe(before);
    await signAndConfirm(page, petition.id, { name: "Nadia No-Script", email: "nadia.noscript@example.org", postcode: "nr3 1ab" });
    expect(await signedCount(page)).toBe(before + 1);
    expect(await page.locator('label[for="progress-response"]').textContent()).toBe(
      `${before + 1} of 100 signatures needed for a response`,
    );
    expect(await page.locator("#districts + table, table").last().textContent()).toContain("NR3");
    await context.close();
  });

  it("works with JavaScript on, and signing twice never counts twice", async () => {
    const petition = await findPetition("blue badge");
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`/petitions/${petition.id}`);
    const before = await signedCount(page);
    await signAndConfirm(page, petition.id, { name: "Jamal Script", email: "jamal.script@example.org", postcode: "NR2 4DE" });
    expect(await signedCount(page)).toBe(before + 1);

    await page.goto(`/petitions/${petition.id}/sign`);
    await page.getByLabel("Your full name").fill("Jamal Script");
    await page.getByLabel("Your email address").fill("Jamal.Script+again@example.org");
    await page.getByLabel("Your postcode").fill("NR2 4DE");
    await page.getByRole("button", { name: "Sign this petition" }).click();
    await page.waitForURL(/\/sign\/check-email$/);
    const told = await latestEmail("jamal.script+again@example.org", "petition_already_signed");
    expect(told.subject).toBe("You have already signed this petition");
    await page.goto(`/petitions/${petition.id}`);
    expect(await signedCount(page)).toBe(before + 1);
    await context.close();
  });
});

describe("responding to a petition", () => {
  it("a responder previews and publishes with JavaScript off; signers who agreed are emailed", async () => {
    const petition = await findPetition("minor injuries unit at Eastbrook");
    const context = await newContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await signInAs(page, "Priya Shah");
    await page.getByRole("link", { name: "Petitions to answer" }).click();
    await page.waitForURL(/\/petitions\/inbox$/);
    expect(await page.getByText(/Overdue by \d+ working days/).count()).toBeGreaterThan(0);
    await page.getByRole("link", { name: `Respond to ${petition.title}` }).click();
    await page
      .getByLabel("Your response")
      .fill("Thank you for signing.\n\nThe unit will stay open at night until the review ends.\nWe will publish the review in the spring.");
    await page.getByRole("button", { name: "Preview response" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Check your response before publishing" }).count()).toBe(1);
    expect(await page.locator(".app-response-preview p").count()).toBe(2);
    await page.getByRole("button", { name: "Publish response" }).click();
    await page.waitForURL(new RegExp(`/petitions/${petition.id}#response$`));
    await expect.poll(() => page.getByText("Response published.", { exact: false }).count()).toBe(1);
    expect(await page.locator(".app-response p").count()).toBe(2);
    expect(await page.locator(".app-response").textContent()).toContain("We will publish the review in the spring.");
    const toSigner = await latestEmail("night1@example.com", "petition_response");
    expect(toSigner.body_text).toContain("The unit will stay open at night until the review ends.");
    await context.close();
  });
});

describe("accessibility of the petition pages", () => {
  it("meets WCAG 2.2 AA for the public, the clerk and the responder", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const open = await findPetition("blue badge");
    const answered = await findPetition("Saturday morning GP clinic");
    const rejected = await findPetition("council leader");
    for (const path of [
      "/petitions",
      "/petitions?q=clinic&status=responded",
      `/petitions/${open.id}`,
      `/petitions/${open.id}/sign`,
      `/petitions/${answered.id}`,
      `/petitions/${rejected.id}`,
      "/petitions/new",
    ]) {
      await page.goto(path);
      await expectAccessible(page, path);
    }
    await page.goto(`/petitions/${open.id}/sign`);
    await page.getByRole("button", { name: "Sign this petition" }).click();
    await expect.poll(() => page.getByText("There is a problem").count()).toBe(1);
    await expectAccessible(page, "sign form with errors");
    await page.goto("/petitions/new");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect.poll(() => page.getByText("There is a problem").count()).toBe(1);
    await expectAccessible(page, "start form with errors");

    await signInAs(page, "Alice Morgan");
    await page.getByRole("link", { name: "Petitions dashboard" }).click();
    await page.waitForURL(/\/petitions\/dashboard$/);
    expect(await page.locator('[aria-current="page"]').count()).toBe(1);
    await expectAccessible(page, "/petitions/dashboard");
    await page.getByRole("button", { name: "Create a calendar address" }).click();
    await expect.poll(() => page.locator(".app-feed-url").count()).toBe(1);
    await expectAccessible(page, "dashboard with a calendar address");
    await page.getByRole("link", { name: "Moderation" }).click();
    await page.waitForURL(/\/petitions\/moderation$/);
    await expectAccessible(page, "/petitions/moderation");
    await page.getByRole("link", { name: "Open a dementia cafe in every market town" }).first().click();
    await page.waitForURL(/\/moderate$/);
    await expectAccessible(page, "moderate");
    await page.getByRole("button", { name: "Reject petition" }).click();
    await expect.poll(() => page.getByText("There is a problem").count()).toBe(1);
    await expectAccessible(page, "moderate with errors");
    await page.goto(`/petitions/${answered.id}/scrutiny`);
    await expectAccessible(page, "scrutiny");

    await signInAs(page, "Tom Fletcher");
    await page.goto("/petitions/inbox");
    await expectAccessible(page, "/petitions/inbox");
    await page.goto(`/petitions/${open.id}/respond`);
    await expectAccessible(page, "respond form");
    await page.getByLabel("Your response").fill("We are reviewing parking charges.\n\nWe will write again in the new year.");
    await page.getByRole("button", { name: "Preview response" }).click();
    await expect.poll(() => page.getByRole("heading", { name: "Check your response before publishing" }).count()).toBe(1);
    await expectAccessible(page, "response preview");
    expect(errors).toEqual([]);
    await context.close();
  });
});
