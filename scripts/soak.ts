// `npm run soak [-- --seconds 60 --clients 16]`: many concurrent clients against the local Worker
// (wrangler dev on a free loopback port, a fresh persisted D1 with the demo data) reading pages
// and the API, signing petitions (and following the emailed link), clipping consultations with a
// paired token (address variants, retries with the same idempotency key), and answering
// petitions and obligations. Then it checks the database: no 5xx, every accepted signature and
// clip stored exactly once, counters equal to the rows, an audit entry for every change made.
// Prints the figures; exits 1 if a check fails.
//
// Bounded: the clients stop after --seconds (at most an hour); every request gives up after 30 s;
// and the whole run, start-up and checks included, is stopped after --seconds plus 10 minutes.
// Loopback only: the Worker listens on 127.0.0.1, every request goes to it (any other address is
// refused), and the Worker is given no email API, so no message leaves the machine.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: { seconds: { type: "string", default: "60" }, clients: { type: "string", default: "16" } },
});
const SECONDS = Number(args.seconds);
const CLIENTS = Number(args.clients);
const MAX_SECONDS = 3600;
const REQUEST_TIMEOUT_MS = 30_000;
if (!(SECONDS > 0 && SECONDS <= MAX_SECONDS) || !(CLIENTS > 0 && CLIENTS <= 256)) {
  console.error(`Usage: npm run soak -- [--seconds 1..${MAX_SECONDS}] [--clients 1..256]`);
  process.exit(2);
}

// ---------------------------------------------------------------- the local Worker

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const persistDir = mkdtempSync(join(tmpdir(), "tracker-soak-"));
// No metrics, and no banner (whose update check would go to the npm registry).
const wranglerEnv = { ...process.env, WRANGLER_SEND_METRICS: "false", WRANGLER_HIDE_BANNER: "true", CI: "1" };
let worker: ChildProcess | null = null;

function stopWorker() {
  if (worker?.pid) {
    try {
      process.kill(-worker.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}
function cleanUp() {
  stopWorker();
  rmSync(persistDir, { recursive: true, force: true });
}
process.on("SIGINT", () => {
  cleanUp();
  process.exit(130);
});
// The whole run is bounded, whatever happens to the Worker or the checks.
const WHOLE_RUN_MS = (SECONDS + 600) * 1000;
setTimeout(() => {
  console.error(`\nSoak FAILED: still running after ${WHOLE_RUN_MS / 1000} s; stopped.`);
  cleanUp();
  process.exit(1);
}, WHOLE_RUN_MS).unref();

/** Every request of the soak: to the local Worker only, and never waiting for ever. */
function local(path: string, init: RequestInit = {}): Promise<Response> {
  const url = new URL(path, base);
  if (url.origin !== base || url.hostname !== "127.0.0.1") throw new Error(`Refusing a request off the loopback address: ${url.href}`);
  return fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
}

function sqlJson<T>(query: string): T[] {
  const r = spawnSync("wrangler", ["d1", "execute", "DB", "--local", "--persist-to", persistDir, "--json", "--command", query], {
    env: wranglerEnv,
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    timeout: 120_000,
  });
  if (r.status !== 0) throw new Error(`Query failed: ${query}\n${r.stderr}`);
  const parsed = JSON.parse(r.stdout) as { results: T[] }[];
  return parsed[0]!.results;
}

async function startWorker() {
  console.log(`Starting the Worker on ${base} with a fresh local D1 …`);
  const assets = spawnSync("node", ["scripts/build-assets.mjs"], { env: wranglerEnv, encoding: "utf8", timeout: 120_000 });
  if (assets.status !== 0) throw new Error(`Copying the static assets failed:\n${assets.stderr}`);
  const migrate = spawnSync("wrangler", ["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistDir], {
    env: wranglerEnv,
    encoding: "utf8",
    timeout: 120_000,
  });
  if (migrate.status !== 0) throw new Error(`Migrations failed:\n${migrate.stdout}\n${migrate.stderr}`);
  worker = spawn(
    "wrangler",
    [
      "dev",
      "--ip",
      "127.0.0.1",
      "--port",
      String(port),
      "--persist-to",
      persistDir,
      "--var",
      "LOCAL_DEV:true",
      "--var",
      `PUBLIC_URL:${base}`,
      "--show-interactive-dev-session=false",
      // Even if .dev.vars names an email API, the soak's mail stays in the local outbox.
      "--var",
      "EMAIL_API_URL:",
      "--var",
      "EMAIL_API_KEY:",
    ],
    { env: wranglerEnv, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  let log = "";
  worker.stdout!.on("data", (d) => (log = (log + d).slice(-20_000)));
  worker.stderr!.on("data", (d) => (log = (log + d).slice(-20_000)));
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await local("/api/v1/areas")).ok) break;
    } catch {
      // not yet listening
    }
    if (Date.now() > deadline || worker.exitCode !== null) throw new Error(`wrangler dev did not start:\n${log.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

// ---------------------------------------------------------------- measuring

type Kind = "read" | "sign" | "confirm" | "clip" | "clip-retry" | "respond" | "raise" | "reply" | "read-email" | "pair";
const stats = new Map<Kind, { latencies: number[]; statuses: Map<number, number> }>();
const serverErrors: string[] = [];
let ipCounter = 0;
/** A different client address each request: the Worker rate-limits per CF-Connecting-IP. */
function nextIp(): string {
  ipCounter += 1;
  return `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`;
}

async function hit(
  kind: Kind,
  path: string,
  init: { method?: string; token?: string; body?: unknown; cookie?: string; form?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { "CF-Connecting-IP": nextIp() };
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  if (init.cookie) headers.Cookie = init.cookie;
  let body: string | undefined;
  if (init.body !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(init.body);
  } else if (init.form) {
    headers["Content-Type"] = "application/x-www-form-urlencoded";
    body = new URLSearchParams(init.form).toString();
  }
  const started = performance.now();
  const res = await local(path, { method: init.method ?? (body === undefined ? "GET" : "POST"), headers, body, redirect: "manual" });
  const text = await res.text();
  const ms = performance.now() - started;
  const s = stats.get(kind) ?? { latencies: [] as number[], statuses: new Map<number, number>() };
  s.latencies.push(ms);
  s.statuses.set(res.status, (s.statuses.get(res.status) ?? 0) + 1);
  stats.set(kind, s);
  if (res.status >= 500) serverErrors.push(`${kind} ${init.method ?? "GET"} ${path} → ${res.status}: ${text.slice(0, 200)}`);
  return new Response(res.status === 204 || res.status === 304 ? null : text, { status: res.status, headers: res.headers });
}

// ---------------------------------------------------------------- setting up people and petitions

function cookiesOf(res: Response, previous = ""): string {
  const jar = new Map(
    previous
      .split("; ")
      .filter(Boolean)
      .map((c) => c.split("=") as [string, string]),
  );
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const [name, ...rest] = pair!.split("=");
    jar.set(name!, rest.join("="));
  }
  return [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
}
const csrfIn = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? "";

async function seedDemo() {
  const page = await local("/dev/sign-in");
  const cookie = cookiesOf(page);
  const res = await local("/dev/seed", {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
    body: new URLSearchParams({ _csrf: csrfIn(await page.text()) }),
  });
  if (!res.ok) throw new Error(`Seeding failed: ${res.status}`);
}

/** Signs in as a demo person on the dev page and pairs, as the extension would: an API token. */
async function pairedToken(name: string): Promise<string> {
  const page = await local("/dev/sign-in");
  let cookie = cookiesOf(page);
  const html = await page.text();
  const id = new RegExp(`name="personId" value="(\\d+)"[\\s\\S]{0,400}?as ${name}<`).exec(html)?.[1];
  if (!id) throw new Error(`No demo person ${name}`);
  const signedIn = await local("/dev/sign-in", {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ _csrf: csrfIn(html), personId: id }),
    redirect: "manual",
  });
  cookie = cookiesOf(signedIn, cookie);
  const account = await local("/account", { headers: { Cookie: cookie } });
  const shown = await local("/account/pairing-code", {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ _csrf: csrfIn(await account.text()) }),
  });
  const code = /aria-label="Pairing code ([^"]+)"/.exec(await shown.text())?.[1]?.replace(/\s/g, "");
  if (!code) throw new Error(`No pairing code for ${name}`);
  const paired = await hit("pair", "/api/v1/pairing", { body: { code, label: "soak" } });
  if (paired.status !== 201) throw new Error(`Pairing failed for ${name}: ${paired.status} ${await paired.text()}`);
  return ((await paired.json()) as { token: string }).token;
}

async function linkIn(to: string, path: string): Promise<string | null> {
  const res = await hit("read-email", `/dev/outbox.json?to=${encodeURIComponent(to)}`);
  const { items } = (await res.json()) as { items: { body_text: string }[] };
  for (const m of items) {
    const match = new RegExp(`${path.replace(/[/?]/g, "\\$&")}\\?token=([A-Za-z0-9_%-]+)`).exec(m.body_text);
    if (match) return decodeURIComponent(match[1]!);
  }
  return null;
}

async function openPetition(organisationId: number, clerk: string, n: number): Promise<number> {
  const email = `soak-petitioner-${n}@example.org`;
  const started = await hit("sign", "/api/v1/petitions", {
    body: {
      organisationId,
      title: `Soak petition ${n}: longer opening hours at the walk-in centre`,
      action: "We ask the trust to open the walk-in centre until 10pm every day of the week.",
      background: "People wait hours at the emergency department for minor problems after 6pm.",
      petitionerName: `Petitioner ${n}`,
      petitionerEmail: email,
    },
  });
  if (started.status !== 202) throw new Error(`Starting a petition failed: ${started.status} ${await started.text()}`);
  const token = await linkIn(email, "/petitions/confirm");
  const confirmed = await hit("confirm", "/api/v1/petitions/confirmation", { body: { token } });
  const { petitionId } = (await confirmed.json()) as { petitionId: number };
  const approved = await hit("respond", `/api/v1/petitions/${petitionId}/moderation`, { token: clerk, body: { decision: "approve" } });
  if (approved.status !== 200) throw new Error(`Approving failed: ${approved.status} ${await approved.text()}`);
  return petitionId;
}

// ---------------------------------------------------------------- what the clients do

interface World {
  petitions: number[];
  areaId: number;
  ccg: number;
  pct: number;
  hospitals: number;
  link: number;
  ben: string;
  priya: string;
  tom: string;
}

const accepted = {
  signatures: [] as { petitionId: number; email: string }[],
  responses: [] as number[],
  raised: [] as number[],
  replied: [] as number[],
};
const clips = new Map<string, Set<number>>(); // page -> consultation ids returned
const clipIds = new Map<string, number>(); // clientId -> consultation id returned
const createdConsultations = new Set<number>();
let signCounter = 0;
const POSTCODES = ["NR1 1AA", "NR2 3DB", "NR4 7TJ", "NR3 1AB", "IP1 2AB", "CB2 1TN"];
const PAGES = Array.from({ length: 24 }, (_, i) => `https://www.northshire-ccg.example/have-your-say/soak-${i}`);
/** The same page written the ways people and sites write it: the server treats them as one. */
const variants = (page: string) => [
  page,
  `${page}/`,
  `${page}?utm_source=newsletter`,
  page.replace("https://www.northshire-ccg.example", "https://WWW.Northshire-CCG.example"),
  `${page}#comments`,
];
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;

async function read(w: World) {
  const p = pick(w.petitions);
  await hit(
    "read",
    pick([
      "/",
      "/petitions",
      `/petitions/${p}`,
      "/consultations",
      `/api/v1/petitions?areaId=${w.areaId}`,
      `/api/v1/petitions/${p}`,
      `/api/v1/consultations?areaId=${w.areaId}&perPage=20`,
      `/api/v1/petitions.csv?areaId=${w.areaId}`,
    ]),
  );
}

async function signAndConfirm(w: World) {
  const petitionId = pick(w.petitions);
  const email = `soak-signer-${++signCounter}-${randomUUID().slice(0, 8)}@example.org`;
  const res = await hit("sign", `/api/v1/petitions/${petitionId}/signatures`, {
    body: { name: `Signer ${signCounter}`, email, postcode: pick(POSTCODES), contactConsent: false },
  });
  if (res.status !== 202) return;
  const token = await linkIn(email, "/signatures/confirm");
  if (!token) throw new Error(`No confirmation email to ${email}`);
  const confirmed = await hit("confirm", "/api/v1/signatures/confirmation", { body: { token } });
  if (confirmed.status === 200) accepted.signatures.push({ petitionId, email });
  // Now and then the link is followed twice (a double click): it must not count twice.
  if (Math.random() < 0.1) await hit("confirm", "/api/v1/signatures/confirmation", { body: { token } });
}

async function clip(w: World) {
  const page = pick(PAGES);
  const clientId = randomUUID();
  const body = {
    areaId: w.areaId,
    organisationId: w.ccg,
    title: `Soak consultation about ${page.slice(-7)}`,
    url: pick(variants(page)),
    closesAt: new Date(Date.now() + 20 * 86_400_000).toISOString(),
    clientId,
  };
  const first = await hit("clip", "/api/v1/consultations", { token: w.ben, body });
  const record = async (res: Response, kind: "first" | "retry") => {
    if (res.status !== 200 && res.status !== 201) return;
    const saved = (await res.json()) as { consultation: { id: number }; created: boolean };
    if (saved.created) createdConsultations.add(saved.consultation.id);
    clips.set(page, (clips.get(page) ?? new Set()).add(saved.consultation.id));
    const before = clipIds.get(clientId);
    if (kind === "retry" && before !== undefined && before !== saved.consultation.id)
      serverErrors.push(`retry of clip ${clientId} returned another record`);
    clipIds.set(clientId, saved.consultation.id);
  };
  await record(first, "first");
  // A third of clips are sent again with the same id, as the extension's outbox retries.
  if (Math.random() < 0.33) await record(await hit("clip-retry", "/api/v1/consultations", { token: w.ben, body }), "retry");
}

async function respond(w: World) {
  if (Math.random() < 0.5) {
    const petitionId = pick(w.petitions);
    const res = await hit("respond", `/api/v1/petitions/${petitionId}/response`, {
      method: "PUT",
      token: w.priya,
      body: {
        text: `Our answer, version ${randomUUID().slice(0, 6)}: we are reviewing opening hours with the trust and will report back.`,
      },
    });
    if (res.status === 200) accepted.responses.push(petitionId);
    return;
  }
  const raised = await hit("raise", "/api/v1/obligations", {
    token: w.ben,
    body: {
      kind: "information_request",
      owedByOrganisationId: w.hospitals,
      owedToOrganisationId: w.link,
      title: `Soak request ${randomUUID().slice(0, 8)}`,
      body: "How many outpatient appointments were cancelled by the hospital last month?",
    },
  });
  if (raised.status !== 201) return;
  const id = ((await raised.json()) as { obligation: { id: number } }).obligation.id;
  accepted.raised.push(id);
  const replied = await hit("reply", `/api/v1/obligations/${id}/replies`, {
    token: w.tom,
    body: { body: "The figures are in last month's board papers, page 12." },
  });
  if (replied.status === 200) accepted.replied.push(id);
}

async function client(w: World, until: number) {
  while (Date.now() < until) {
    const r = Math.random();
    try {
      if (r < 0.4) await read(w);
      else if (r < 0.65) await signAndConfirm(w);
      else if (r < 0.85) await clip(w);
      else await respond(w);
    } catch (err) {
      serverErrors.push(`client error: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
}

// ---------------------------------------------------------------- checks and figures

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;

function report(elapsed: number) {
  console.log(`\nRequests (${CLIENTS} clients, ${elapsed.toFixed(1)} s):`);
  console.log("kind        requests   per s    p50 ms   p99 ms   statuses");
  let total = 0;
  for (const [kind, s] of [...stats].sort()) {
    const sorted = [...s.latencies].sort((a, b) => a - b);
    total += sorted.length;
    const statuses = [...s.statuses]
      .sort()
      .map(([k, v]) => `${k}×${v}`)
      .join(" ");
    console.log(
      `${kind.padEnd(11)} ${String(sorted.length).padStart(8)} ${(sorted.length / elapsed).toFixed(1).padStart(7)} ${percentile(sorted, 50).toFixed(1).padStart(9)} ${percentile(sorted, 99).toFixed(1).padStart(8)}   ${statuses}`,
    );
  }
  const all = [...stats.values()].flatMap((s) => s.latencies).sort((a, b) => a - b);
  console.log(
    `${"all".padEnd(11)} ${String(total).padStart(8)} ${(total / elapsed).toFixed(1).padStart(7)} ${percentile(all, 50).toFixed(1).padStart(9)} ${percentile(all, 99).toFixed(1).padStart(8)}`,
  );
}

function checks(w: World): [string, boolean, string][] {
  const results: [string, boolean, string][] = [];
  const add = (name: string, ok: boolean, detail: string) => results.push([name, ok, detail]);
  const fiveXX = [...stats.values()].reduce((n, s) => n + [...s.statuses].filter(([k]) => k >= 500).reduce((m, [, v]) => m + v, 0), 0);
  add(
    "no 5xx responses",
    fiveXX === 0 && serverErrors.length === 0,
    `${fiveXX} 5xx; ${serverErrors.length} problems${serverErrors.length ? `: ${serverErrors.slice(0, 5).join(" | ")}` : ""}`,
  );

  // Every accepted signature exactly once, confirmed.
  const rows = sqlJson<{ email: string; petition_id: number; state: string }>(
    "SELECT email, petition_id, state FROM signatures WHERE email LIKE 'soak-signer-%'",
  );
  const byEmail = new Map<string, { petition_id: number; state: string }[]>();
  for (const r of rows) byEmail.set(r.email, [...(byEmail.get(r.email) ?? []), r]);
  const missing = accepted.signatures.filter((a) => {
    const found = byEmail.get(a.email) ?? [];
    return found.length !== 1 || found[0]!.petition_id !== a.petitionId || found[0]!.state !== "confirmed";
  });
  add(
    "every accepted signature stored exactly once, confirmed",
    missing.length === 0,
    `${accepted.signatures.length} accepted, ${missing.length} missing or duplicated`,
  );

  // Counters equal the confirmed rows, and the district figures add up to them.
  const counts = sqlJson<{ id: number; signature_count: number; confirmed: number; districts: number }>(
    `SELECT p.id, p.signature_count,
       (SELECT COUNT(*) FROM signatures s WHERE s.petition_id = p.id AND s.state = 'confirmed') AS confirmed,
       (SELECT COALESCE(SUM(d.signature_count), 0) FROM petition_districts d WHERE d.petition_id = p.id) AS districts
     FROM petitions p`,
  );
  const off = counts.filter((c) => c.signature_count !== c.confirmed || c.districts !== c.confirmed);
  add(
    "petition counters equal confirmed signature rows (and district sums)",
    off.length === 0,
    `${counts.length} petitions, ${off.length} off${off.length ? `: ${JSON.stringify(off.slice(0, 3))}` : ""}`,
  );

  // Each page clipped (in any of its forms) is one record, and each clip id one record.
  const perPage = sqlJson<{ canonical_url: string; n: number }>(
    "SELECT canonical_url, COUNT(*) AS n FROM consultations WHERE canonical_url LIKE '%soak-%' GROUP BY area_id, canonical_url",
  );
  const pagesSplit = [...clips.values()].filter((ids) => ids.size !== 1).length;
  const dupPages = perPage.filter((p) => p.n !== 1).length;
  add(
    "every clipped page stored exactly once, whatever the address variant or retry",
    pagesSplit === 0 && dupPages === 0 && perPage.length === clips.size && createdConsultations.size === clips.size,
    `${clips.size} pages clipped, ${perPage.length} records, ${createdConsultations.size} answered "created", ${pagesSplit + dupPages} split or duplicated`,
  );
  const retries = stats.get("clip-retry")?.latencies.length ?? 0;
  const keyed = sqlJson<{ n: number }>(
    "SELECT COUNT(*) AS n FROM consultations WHERE client_id IS NOT NULL AND canonical_url LIKE '%soak-%'",
  )[0]!.n;
  add(
    "a clip sent again with its idempotency key returned the same record and made none",
    keyed <= clips.size && !serverErrors.some((e) => e.includes("retry of clip")),
    `${clipIds.size} clip ids, ${retries} retries → ${keyed} records keyed by a clip id`,
  );

  // An audit entry for every change of state the soak made: for each row the soak wrote, each
  // change its columns show happened has exactly one entry (not too few, not twice).
  const soakPetitions = w.petitions.join(",");
  const expectations: [string, string][] = [
    [
      "signature signed",
      `SELECT s.id AS entity_id, 1 AS expected, (SELECT COUNT(*) FROM audit_log a WHERE a.entity = 'signature' AND a.entity_id = s.id AND a.action = 'signed') AS actual FROM signatures s WHERE s.email LIKE 'soak-signer-%'`,
    ],
    [
      "signature confirmed",
      `SELECT s.id AS entity_id, CASE WHEN s.state = 'confirmed' THEN 1 ELSE 0 END AS expected, (SELECT COUNT(*) FROM audit_log a WHERE a.entity = 'signature' AND a.entity_id = s.id AND a.action = 'confirm') AS actual FROM signatures s WHERE s.email LIKE 'soak-signer-%'`,
    ],
    [
      "petition started, confirmed, approved",
      `SELECT p.id AS entity_id, 3 AS expected, (SELECT COUNT(*) FROM audit_log a WHERE a.entity = 'petition' AND a.entity_id = p.id AND a.action IN ('started', 'confirm', 'approve')) AS actual FROM petitions p WHERE p.id IN (${soakPetitions})`,
    ],
    [
      "petition thresholds reached",
      `SELECT p.id AS entity_id, (p.response_threshold_reached_at IS NOT NULL) + (p.scrutiny_threshold_reached_at IS NOT NULL) AS expected, (SELECT COUNT(*) FROM audit_log a WHERE a.entity = 'petition' AND a.entity_id = p.id AND a.action IN ('response_threshold_reached', 'scrutiny_threshold_reached')) AS actual FROM petitions p WHERE p.id IN (${soakPetitions})`,
    ],
    [
      "consultation created",
      `SELECT c.id AS entity_id, 1 AS expected, (SELECT COUNT(*) FROM audit_log a WHERE a.entity = 'consultation' AND a.entity_id = c.id AND a.action = 'created') AS actual FROM consultations c WHERE c.canonical_url LIKE '%soak-%'`,
    ],
    [
      "obligation raised, and met if met",
      `SELECT o.id AS entity_id, 1 + (o.state = 'met') AS expected, (SELECT COUNT(*) FROM audit_log a WHERE a.entity = 'obligation' AND a.entity_id = o.id AND a.action IN ('raised', 'meet')) AS actual FROM obligations o WHERE o.title LIKE 'Soak request %'`,
    ],
  ];
  const gaps: Record<string, number> = {};
  let checked = 0;
  for (const [name, query] of expectations) {
    const rows = sqlJson<{ entity_id: number; expected: number; actual: number }>(query);
    checked += rows.reduce((n, r) => n + r.expected, 0);
    gaps[name] = rows.filter((r) => r.expected !== r.actual).length;
  }
  // Each accepted response (first or amended) of each petition: one entry.
  const responseAudits = new Map(
    sqlJson<{ entity_id: number; n: number }>(
      `SELECT entity_id, COUNT(*) AS n FROM audit_log WHERE entity = 'petition' AND action IN ('respond', 'amend_response') AND entity_id IN (${soakPetitions}) GROUP BY entity_id`,
    ).map((r) => [r.entity_id, r.n]),
  );
  gaps["petition responses"] = w.petitions.filter(
    (id) => (responseAudits.get(id) ?? 0) !== accepted.responses.filter((r) => r === id).length,
  ).length;
  checked += accepted.responses.length;
  // Every row the soak wrote is accounted for by its clients' accepted answers.
  const obligationsMade = sqlJson<{ n: number }>("SELECT COUNT(*) AS n FROM obligations WHERE title LIKE 'Soak request %'")[0]!.n;
  gaps["obligations not accepted yet stored"] = Math.abs(obligationsMade - accepted.raised.length);
  const gapTotal = Object.values(gaps).reduce((a, b) => a + b, 0);
  add(
    "an audit entry for every change of state made, exactly once",
    gapTotal === 0,
    `${checked} changes checked; rows with a missing or extra entry ${JSON.stringify(gaps)}`,
  );
  return results;
}

// ---------------------------------------------------------------- run

let failed = true;
try {
  await startWorker();
  await seedDemo();
  const areas = (
    (await (await local("/api/v1/areas")).json()) as {
      items: { id: number; slug: string; organisations: { id: number; kind: string; slug: string }[] }[];
    }
  ).items;
  const north = areas.find((a) => a.slug === "northshire")!;
  const org = (kind: string) => north.organisations.find((o) => o.kind === kind)!.id;
  const [ben, priya, tom, alice] = [
    await pairedToken("Ben Okafor"),
    await pairedToken("Priya Shah"),
    await pairedToken("Tom Fletcher"),
    await pairedToken("Alice Morgan"),
  ];
  const petitions: number[] = [];
  for (let i = 0; i < 6; i++) petitions.push(await openPetition(org("pct"), alice, i));
  const w: World = {
    petitions,
    areaId: north.id,
    ccg: org("ccg"),
    pct: org("pct"),
    hospitals: org("trust"),
    link: org("link"),
    ben,
    priya,
    tom,
  };
  stats.clear();
  serverErrors.length = 0;

  console.log(`Soaking for ${SECONDS} s with ${CLIENTS} clients …`);
  const started = Date.now();
  await Promise.all(Array.from({ length: CLIENTS }, () => client(w, started + SECONDS * 1000)));
  const elapsed = (Date.now() - started) / 1000;
  report(elapsed);
  console.log(
    `\nAccepted: ${accepted.signatures.length} signatures confirmed, ${clipIds.size} clips (${clips.size} pages), ${accepted.responses.length} petition responses, ${accepted.raised.length} obligations raised, ${accepted.replied.length} answered.`,
  );

  console.log("\nChecks:");
  const results = checks(w);
  for (const [name, ok, detail] of results) console.log(`${ok ? "PASS" : "FAIL"}  ${name}: ${detail}`);
  failed = results.some(([, ok]) => !ok);
  console.log(failed ? "\nSoak FAILED" : "\nSoak passed");
} catch (err) {
  console.error(err);
} finally {
  cleanUp();
}
process.exit(failed ? 1 : 0);
