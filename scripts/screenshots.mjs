// `npm run screenshots` (with `npm start` running): captures the main pages for the README
// into docs/screenshots/, using Debian's Chromium.
import { chromium } from "playwright-core";

const base = process.env.BASE_URL ?? "http://127.0.0.1:8787";
// [file, path, demo person to sign in as (or null)]
const shots = [
  ["home", "/", null],
  ["sign-in", "/sign-in", null],
  ["account", "/account", "Ben Okafor"],
  ["admin", "/admin/areas/northshire", "Ada Lovelace"],
  ["petitions", "/petitions", null],
  ["petition", "/petitions/1", null],
  ["clerk-dashboard", "/petitions/dashboard", "Alice Morgan"],
  ["consultations", "/consultations", null],
  ["area-clock", "/clock", "Ben Okafor"],
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-background-networking", "--no-first-run"],
});
for (const [file, path, person] of shots) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  const page = await context.newPage();
  if (person) {
    await page.goto(`${base}/dev/sign-in`);
    await page.getByRole("button", { name: `Sign in as ${person}` }).click();
  }
  const res = await page.goto(`${base}${path}`);
  if (!res || res.status() >= 400) {
    console.log(`skipped ${path} (${res?.status()})`);
  } else {
    await page.screenshot({ path: `docs/screenshots/${file}.png`, fullPage: false });
    console.log(`docs/screenshots/${file}.png`);
  }
  await context.close();
}
await browser.close();
