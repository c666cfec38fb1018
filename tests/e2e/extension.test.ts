// The browser extension in real Chromium (the unpacked Chrome build) against the local Worker:
// pairing, clipping a consultation page from the popup, clipping while the server is down and
// seeing it arrive once after a browser restart, a notification the day before a deadline, the
// badge, the tracked-tab mark, and the popup's size.
import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import { createServer as createTcpServer, connect, type Server as TcpServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type BrowserContext, type Page, type Worker } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl, CHROMIUM, CHROMIUM_ARGS, expectAccessible } from "./browser";

const EXTENSION = resolve("extension/.output/chrome-mv3");
const PAGES = resolve("tests/fixtures/pages");
const POPUP_BUDGET = 30 * 1024;

/** Serves the saved consultation pages, as a council or trust website would. */
function servePages(): Promise<{ server: HttpServer; url: (name: string) => string }> {
  const server = createHttpServer((req, res) => {
    const name = /^\/pages\/([\w-]+\.html)$/.exec(req.url ?? "")?.[1];
    if (!name) return void res.writeHead(404).end("Not found");
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(readFileSync(join(PAGES, name)));
  });
  return new Promise((done) =>
    server.listen(0, "127.0.0.1", () =>
      done({ server, url: (name) => `http://127.0.0.1:${(server.address() as { port: number }).port}/pages/${name}` }),
    ),
  );
}

/** A loopback TCP proxy to the Worker that the test can stop (connections refused) and start again on the same port. */
class TcpProxy {
  private server: TcpServer | null = null;
  private sockets = new Set<Socket>();
  port = 0;
  /** Set to drop the server's answer to the next clip (the request itself gets through). */
  loseNextClipAnswer = false;
  lostAnswers = 0;
  /** Clip requests that reached the server through the proxy. */
  clipRequests = 0;
  constructor(private readonly target: number) {}
  start(): Promise<void> {
    const server = createTcpServer((client) => {
      const upstream = connect(this.target, "127.0.0.1");
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on("close", () => this.sockets.delete(s));
        s.on("error", () => s.destroy());
      }
      // Requests on a connection come one after another (keep-alive): when the one to lose is a
      // clip, the server still gets it, but its answer is dropped with the connection, so the
      // extension cannot know the clip was saved and must send it again.
      let losing = false;
      client.on("data", (chunk: Buffer) => {
        const isClip = chunk.toString("latin1").startsWith("POST /api/v1/consultations ");
        if (isClip) this.clipRequests += 1;
        if (this.loseNextClipAnswer && isClip) {
          this.loseNextClipAnswer = false;
          losing = true;
        }
        upstream.write(chunk);
      });
      upstream.on("data", (chunk: Buffer) => {
        if (!losing) return void client.write(chunk);
        this.lostAnswers += 1;
        client.destroy();
        upstream.destroy();
      });
      client.on("end", () => upstream.end());
      upstream.on("end", () => client.end());
    });
    this.server = server;
    return new Promise((done) =>
      server.listen(this.port, "127.0.0.1", () => {
        this.port = (server.address() as { port: number }).port;
        done();
      }),
    );
  }
  stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    return new Promise((done) => (this.server ? this.server.close(() => done()) : done()));
  }
  get url() {
    return `http://127.0.0.1:${this.port}`;
  }
}

interface Session {
  ctx: BrowserContext;
  sw: Worker;
  id: string;
}

async function launchWithExtension(profile: string, { firstRun }: { firstRun: boolean }): Promise<Session> {
  const ctx = await chromium.launchPersistentContext(profile, {
    headless: true,
    executablePath: CHROMIUM,
    baseURL: baseUrl(),
    viewport: { width: 1000, height: 900 },
    // --enable-unsafe-extension-debugging lets the test press the toolbar button (Extensions.triggerAction).
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${EXTENSION}`,
      `--load-extension=${EXTENSION}`,
      "--enable-unsafe-extension-debugging",
    ],
  });
  const sw = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent("serviceworker"));
  // A first install opens the options page as a welcome. Wait for it: opened late, on a slow
  // machine, it takes over the next page a test opens and interrupts that page's navigation.
  for (const deadline = Date.now() + 30_000; firstRun && !ctx.pages().some((p) => p.url().endsWith("/options.html")); ) {
    if (Date.now() > deadline) throw new Error("The extension did not open its options page when installed");
    await new Promise((done) => setTimeout(done, 100));
  }
  return { ctx, sw, id: new URL(sw.url()).host };
}

/** Presses the extension's toolbar button on the tab showing `url`, as a person would: this grants activeTab. Returns the tab id. */
async function pressToolbarButton(s: Session, url: string): Promise<number> {
  const cdp = await s.ctx.browser()!.newBrowserCDPSession();
  const { targetInfos } = (await cdp.send("Target.getTargets", { filter: [{ type: "tab" }] })) as {
    targetInfos: { targetId: string; url: string }[];
  };
  const tab = targetInfos.find((t) => t.url === url);
  if (!tab) throw new Error(`No tab shows ${url}`);
  await cdp.send("Extensions.triggerAction" as never, { id: s.id, targetId: tab.targetId } as never);
  await cdp.detach();
  const tabs = await s.sw.evaluate((u) => chrome.tabs.query({ url: u }), url);
  return tabs[0]!.id!;
}

/** The popup for a tab, opened as a page (the real popup is a window the test cannot drive). */
async function popupFor(s: Session, tabId: number): Promise<Page> {
  const popup = await s.ctx.newPage();
  await popup.goto(`chrome-extension://${s.id}/popup.html?tabId=${tabId}`);
  return popup;
}

async function openConsultationPage(s: Session, url: string): Promise<number> {
  const page = await s.ctx.newPage();
  await page.goto(url);
  return pressToolbarButton(s, url);
}

const storageOf = (s: Session) => s.sw.evaluate(() => chrome.storage.local.get(null)) as Promise<Record<string, unknown>>;
const outboxOf = async (s: Session) => Object.keys(await storageOf(s)).filter((k) => k.startsWith("outbox:"));
const fireAlarm = (s: Session, name: string) =>
  s.sw.evaluate((n) => chrome.alarms.create(n, n === "alerts" ? { when: Date.now(), periodInMinutes: 15 } : { when: Date.now() }), name);

async function consultationsTitled(title: string): Promise<{ id: number; title: string; url: string | null }[]> {
  // Searched by the title's start: D1 refuses LIKE patterns over 50 bytes.
  const res = await fetch(`${baseUrl()}/api/v1/consultations?areaId=${northshire}&q=${encodeURIComponent(title.slice(0, 30))}&perPage=100`);
  const body = (await res.json()) as { items: { id: number; title: string; url: string | null }[] };
  if (!res.ok) throw new Error(`Listing consultations failed: ${res.status} ${JSON.stringify(body)}`);
  return body.items.filter((c) => c.title === title);
}

/** Tomorrow's date in London, as a date field takes it. */
function tomorrowInLondon(): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(Date.now() + 86_400_000),
  );
  return parts;
}

let pages: Awaited<ReturnType<typeof servePages>>;
let proxy: TcpProxy;
let profile: string;
let s: Session;
let northshire = 0;

beforeAll(async () => {
  pages = await servePages();
  proxy = new TcpProxy(Number(new URL(baseUrl()).port));
  await proxy.start();
  profile = mkdtempSync(join(tmpdir(), "tracker-extension-"));
  s = await launchWithExtension(profile, { firstRun: true });
  const areas = (await (await fetch(`${baseUrl()}/api/v1/areas`)).json()) as { items: { id: number; slug: string }[] };
  northshire = areas.items.find((a) => a.slug === "northshire")!.id;
});

afterAll(async () => {
  await s?.ctx.close();
  await proxy?.stop();
  await new Promise((done) => pages?.server.close(done));
  if (profile) rmSync(profile, { recursive: true, force: true });
});

describe("browser extension", () => {
  it("keeps the popup's JavaScript under 30 KB gzipped", () => {
    const html = readFileSync(join(EXTENSION, "popup.html"), "utf8");
    const files = [...html.matchAll(/(?:src|href)="\/?([^"]+\.js)"/g)].map((m) => m[1]!);
    expect(files.length).toBeGreaterThan(0);
    const sizes = files.map((f) => ({ file: f, gzip: gzipSync(readFileSync(join(EXTENSION, f))).length }));
    const total = sizes.reduce((sum, f) => sum + f.gzip, 0);
    console.log(`Popup JavaScript: ${(total / 1024).toFixed(1)} KB gzipped (${sizes.map((f) => `${f.file} ${f.gzip} B`).join(", ")})`);
    expect(total).toBeLessThan(POPUP_BUDGET);
  });

  it("pairs with Ben Okafor's account using the code from the website, and saves his reminder settings", async () => {
    const web = await s.ctx.newPage();
    await web.goto("/dev/sign-in");
    await web.getByRole("button", { name: "Sign in as Ben Okafor" }).click();
    await web.waitForURL(/\/account/);
    await web.getByRole("button", { name: "Get a pairing code" }).click();
    const code = (await web.locator(".app-code").textContent())!.trim();

    const options = await s.ctx.newPage();
    await options.goto(`chrome-extension://${s.id}/options.html`);
    await options.getByLabel("Server address").fill("not an address");
    await options.getByRole("button", { name: "Connect" }).click();
    await expect.poll(() => options.getByRole("alert").textContent()).toContain("Enter the server address");
    await options.getByLabel("Server address").fill(proxy.url);
    await options.getByLabel("Pairing code").fill(code.toLowerCase());
    await options.getByRole("button", { name: "Connect" }).click();
    await expect.poll(() => options.getByRole("status").first().textContent()).toContain("Connected as Ben Okafor");
    await expectAccessible(options, "options page");

    await options.getByLabel("2 weeks before").uncheck();
    await options.getByRole("button", { name: "Save reminder settings" }).click();
    await expect.poll(() => options.getByText("Your reminder settings are saved.").count()).toBe(1);
    await web.goto("/account");
    expect(await web.getByLabel("2 weeks before").isChecked()).toBe(false);
    expect(await web.getByLabel("1 week before").isChecked()).toBe(true);
    await options.close();
    await web.close();
  });

  it("clips a consultation page from the popup once, even on a double click, and the website shows it", async () => {
    const url = pages.url("04-nhs-trust-have-your-say-weekday.html");
    const tabId = await openConsultationPage(s, url);
    const popup = await popupFor(s, tabId);
    const title = "Have your say on our plans for a new birth centre";
    await expect.poll(() => popup.getByLabel("Title").inputValue()).toBe(title);
    // The page's "Northshire Hospitals NHS Foundation Trust" is the area's hospitals trust.
    expect(await popup.getByLabel("Who runs it").locator("option:checked").textContent()).toBe("Northshire Hospitals NHS Trust");
    expect(await popup.getByLabel("Web address").inputValue()).toBe(url);
    await popup.getByLabel("Commissioning stage (optional)").selectOption({ label: "Designing services" });
    await popup.getByLabel("How people can take part (optional)").selectOption({ label: "Survey" });
    await expectAccessible(popup, "popup with the clip form");
    await popup.getByRole("button", { name: "Track this consultation" }).dblclick();
    await expect.poll(() => popup.getByRole("heading", { name: "Saved" }).count()).toBe(1);
    expect(await popup.getByRole("status").first().textContent()).toContain(`You are now tracking “${title}”`);

    const saved = await consultationsTitled(title);
    expect(saved).toHaveLength(1);
    const web = await s.ctx.newPage();
    await web.goto(`/consultations?area=northshire&q=${encodeURIComponent("birth centre")}`);
    await expect.poll(() => web.getByRole("link", { name: title }).count()).toBe(1);
    await web.getByRole("link", { name: title }).click();
    await expect.poll(() => web.getByRole("heading", { level: 1 }).textContent()).toBe(title);
    expect(await web.getByText("Designing services").count()).toBeGreaterThan(0);

    // The tab now carries the mark, and the popup says it is tracked, with Open.
    await expect.poll(() => s.sw.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId)).toBe(`You track this page: ${title}`);
    const again = await popupFor(s, tabId);
    await expect.poll(() => again.getByRole("heading", { name: "Already tracked" }).count()).toBe(1);
    expect(await again.getByText("and you are watching it").count()).toBe(1);
    expect(await again.getByRole("link", { name: /^Open/ }).getAttribute("href")).toBe(`${baseUrl()}/consultations/${saved[0]!.id}`);
    await expectAccessible(again, "popup for a tracked page");
    for (const p of [popup, again, web]) await p.close();
  });

  it("notifies once about a consultation closing tomorrow, counts it on the badge and lists it in words", async () => {
    const url = pages.url("07-citizen-space-activity.html");
    const tabId = await openConsultationPage(s, url);
    const popup = await popupFor(s, tabId);
    const title = "Maternity and Neonatal Voices Survey 2024";
    await expect.poll(() => popup.getByLabel("Title").inputValue()).toBe(title);
    // The service worker checks the form by the server's schemas: without a title or organisation nothing is sent.
    await popup.getByLabel("Title").fill(" ");
    await popup.getByLabel("Who runs it").selectOption({ value: "" });
    const clipsBefore = proxy.clipRequests;
    await popup.getByRole("button", { name: "Track this consultation" }).click();
    await expect.poll(() => popup.getByRole("alert").filter({ hasText: "Some details need changing" }).count()).toBe(1);
    expect(await popup.locator("#title-error").textContent()).toBe("Error: Enter a title");
    expect(await popup.locator("#organisationId-error").textContent()).toBe("Error: Choose who runs the consultation");
    expect(await popup.getByLabel("Title").getAttribute("aria-invalid")).toBe("true");
    expect(proxy.clipRequests).toBe(clipsBefore);
    await popup.getByLabel("Title").fill(title);
    await popup.getByLabel("Who runs it").selectOption({ label: "Northshire Clinical Commissioning Group" });
    await popup.getByLabel("Opens on").fill("");
    await popup.getByLabel("Opening time (optional)").fill("");
    await popup.getByLabel("Closes on").fill(tomorrowInLondon());
    await popup.getByLabel("Closing time (optional)").fill("17:00");
    await popup.getByRole("button", { name: "Track this consultation" }).click();
    await expect.poll(() => popup.getByRole("heading", { name: "Saved" }).count()).toBe(1);
    const [consultation] = await consultationsTitled(title);
    expect(consultation).toBeDefined();

    // Saving refreshes the deadlines at once; the 15-minute alarm checks them too.
    await fireAlarm(s, "alerts");
    const prefix = `consultation:${consultation!.id}:closes:`;
    const ours = async () => Object.keys(await s.sw.evaluate(() => chrome.notifications.getAll())).filter((id) => id.startsWith(prefix));
    await expect.poll(ours, { timeout: 15_000 }).toHaveLength(1);
    const shown = (await storageOf(s)).shownAlerts as Record<string, { openUrl: string }>;
    const id = (await ours())[0]!;
    expect(shown[id]?.openUrl).toBe(`${baseUrl()}/consultations/${consultation!.id}`);

    // A second check neither repeats it nor brings back one the person closed.
    await s.sw.evaluate((n) => chrome.notifications.clear(n), id);
    const checkedAt = ((await storageOf(s)).alerts as { generatedAt: string }).generatedAt;
    await fireAlarm(s, "alerts");
    await expect
      .poll(async () => ((await storageOf(s)).alerts as { generatedAt: string }).generatedAt, { timeout: 15_000 })
      .not.toBe(checkedAt);
    expect(await ours()).toEqual([]);

    // The badge counts what closes within 7 days, as the server lists Ben's deadlines.
    const token = (await storageOf(s)).apiToken as string;
    const alerts = (await (await fetch(`${baseUrl()}/api/v1/me/alerts`, { headers: { Authorization: `Bearer ${token}` } })).json()) as {
      items: { deadlineKind: string; deadlineAt: string; targetKind: string; targetId: number }[];
    };
    const now = Date.now();
    const expected = new Set(
      alerts.items
        .filter((i) => i.deadlineKind === "closes" && Date.parse(i.deadlineAt) > now && Date.parse(i.deadlineAt) <= now + 7 * 86_400_000)
        .map((i) => `${i.targetKind}:${i.targetId}`),
    ).size;
    expect(expected).toBeGreaterThanOrEqual(1);
    await expect.poll(() => s.sw.evaluate(() => chrome.action.getBadgeText({}))).toBe(String(expected));

    const list = await popupFor(s, tabId);
    const item = list.getByRole("listitem").filter({ hasText: title });
    await expect.poll(() => item.textContent()).toContain("closes tomorrow");
    expect(await item.getByRole("link", { name: title, exact: true }).getAttribute("href")).toBe(url);
    expect(await item.getByRole("link", { name: /^Details/ }).getAttribute("href")).toBe(`${baseUrl()}/consultations/${consultation!.id}`);
    await expectAccessible(list, "popup with the list of deadlines");
    await popup.close();
    await list.close();
  });

  it("keeps a clip made while the server is down, through a browser restart, and sends it once when the server is back", async () => {
    await proxy.stop();
    const url = pages.url("01-govuk-open-consultation.html");
    const tabId = await openConsultationPage(s, url);
    const popup = await popupFor(s, tabId);
    const title = "Proposed changes to NHS dental contracts";
    await expect.poll(() => popup.getByLabel("Title").inputValue()).toBe(title);
    await popup.getByLabel("Who runs it").selectOption({ label: "NHS Northshire (Primary Care Trust)" });
    await popup.getByRole("button", { name: "Track this consultation" }).click();
    await expect
      .poll(() => popup.getByRole("status").first().textContent())
      .toBe("Saved on this computer — it will be sent when the server can be reached.");
    expect(await outboxOf(s)).toHaveLength(1);
    const retry = await s.sw.evaluate(() => chrome.alarms.get("outbox-retry"));
    expect(retry?.scheduledTime).toBeGreaterThan(Date.now());

    // Restart the browser with the same profile: the clip is still there, and still waiting.
    await s.sw.evaluate(() =>
      chrome.notifications.getAll().then((all) => Promise.all(Object.keys(all).map((id) => chrome.notifications.clear(id)))),
    );
    await s.ctx.close();
    s = await launchWithExtension(profile, { firstRun: false });
    expect(await outboxOf(s)).toHaveLength(1);
    const list = await popupFor(s, (await s.sw.evaluate(() => chrome.tabs.query({})))[0]!.id!);
    await expect.poll(() => list.getByRole("heading", { name: "Waiting to be sent (1)" }).count()).toBe(1);
    expect(await consultationsTitled(title)).toEqual([]);

    await proxy.start();
    await fireAlarm(s, "outbox-retry");
    await expect.poll(() => outboxOf(s), { timeout: 15_000 }).toEqual([]);
    await expect.poll(() => list.getByRole("heading", { name: /Waiting to be sent/ }).count()).toBe(0);
    // Sent again on purpose (a second alarm): still exactly one on the website.
    await fireAlarm(s, "outbox-retry");
    await new Promise((r) => setTimeout(r, 1000));
    const saved = await consultationsTitled(title);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.url).toBe(url);

    // Reopened on the page, the popup shows it as tracked.
    const page = await s.ctx.newPage();
    await page.goto(url);
    const again = await popupFor(s, await pressToolbarButton(s, url));
    await expect.poll(() => again.getByRole("heading", { name: "Already tracked" }).count()).toBe(1);

    // Notifications already shown are not shown again after the restart.
    await fireAlarm(s, "alerts");
    const checked = async () => ((await storageOf(s)).alerts as { generatedAt: string } | undefined)?.generatedAt;
    const before = await checked();
    await fireAlarm(s, "alerts");
    await expect.poll(checked, { timeout: 15_000 }).not.toBe(before);
    const notifications = Object.keys(await s.sw.evaluate(() => chrome.notifications.getAll()));
    const shown = Object.keys((await storageOf(s)).shownAlerts as Record<string, unknown>);
    expect(shown.length).toBeGreaterThan(0);
    expect(notifications.filter((id) => shown.includes(id))).toEqual([]);
  });

  it("saves a clip once on the server when the server's answer was lost and the extension sends it again", async () => {
    const url = pages.url("09-trust-page-linking-pdf.html");
    const title = "Consultation on the future of Ward 4 at Eastmoor Community Hospital";
    const tabId = await openConsultationPage(s, url);
    const popup = await popupFor(s, tabId);
    await expect.poll(() => popup.getByLabel("Title").inputValue()).toBe(title);
    await popup.getByLabel("Who runs it").selectOption({ label: "Northshire Hospitals NHS Trust" });
    const before = proxy.clipRequests;
    proxy.loseNextClipAnswer = true;
    await popup.getByRole("button", { name: "Track this consultation" }).click();
    await expect.poll(() => proxy.lostAnswers).toBe(1);
    // The same clip reaches the server again: Chromium itself resends a request whose reused
    // connection dropped before any answer, and otherwise the extension's retry does.
    if ((await outboxOf(s)).length > 0) await fireAlarm(s, "outbox-retry");
    await expect.poll(() => outboxOf(s), { timeout: 15_000 }).toEqual([]);
    expect(proxy.clipRequests - before).toBeGreaterThanOrEqual(2);
    const saved = await consultationsTitled(title);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.url).toBe(url);
  });
});
