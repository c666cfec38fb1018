// `npm run bench [-- --quick] [-- --seconds N]`: loads a large local D1, runs the Worker under
// `wrangler dev` beside a trivial ceiling Worker on the same runtime, drives both with autocannon
// over loopback, and prints and saves: requests/s, p50/p99 latency and ratio to the ceiling; D1
// rows read per request against the rows returned; hot-petition signing throughput; peak memory of
// the runtime; and the extension's figures. Results: bench/results/<date>.json and BENCHMARKS.md.
import autocannon from "autocannon";
import { execSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, freemem, loadavg, totalmem, tmpdir } from "node:os";
import { join } from "node:path";
import { FULL, load, QUICK, type Loaded } from "./load";
import { signingBenchmark, type SigningResult } from "./signing";
import { extensionFigures, type ExtensionFigures } from "./extension";
import { listEndpoints, pathOf, rowsReadBound, type ListEndpoint } from "./endpoints";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
/** Only the rows-read figures (for working on queries): no throughput, signing or extension runs. */
const rowsOnly = args.includes("--rows-only");
const secondsArg = args.indexOf("--seconds");
const seconds = secondsArg >= 0 ? Number(args[secondsArg + 1]) : quick ? 5 : 15;
const sizes = quick ? QUICK : FULL;
const root = join(import.meta.dirname, "..");
const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1" };

interface Throughput {
  name: string;
  path: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  ratioToCeiling?: number;
}

interface RowsRead {
  name: string;
  path: string;
  rowsReturned: number;
  rowsRead: number;
  bound: number;
  withinBound: boolean;
  unbounded?: string;
}

function log(message: string) {
  process.stdout.write(`${message}\n`);
}

async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

const outputs = new Map<ChildProcess, () => string>();

async function startWorker(label: string, argv: string[], base: string, probe: string): Promise<ChildProcess> {
  const child = spawn("wrangler", argv, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  outputs.set(child, () => output);
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      if ((await fetch(`${base}${probe}`)).ok) return child;
    } catch {
      // not yet listening
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`${label} did not start:\n${output.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

function stop(child: ChildProcess | null) {
  if (child?.pid) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already stopped
    }
  }
}

/** Peak resident memory (VmHWM) of the workerd processes started under `parent`, in MB. */
function peakMemoryMb(parent: ChildProcess): number {
  try {
    const pids = execSync(`pgrep -g ${parent.pid} workerd || true`, { encoding: "utf8" }).trim().split(/\s+/).filter(Boolean);
    let peak = 0;
    for (const pid of pids) {
      const status = readFileSync(`/proc/${pid}/status`, "utf8");
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peak = Math.max(peak, kb / 1024);
    }
    return Math.round(peak);
  } catch {
    return Number.NaN;
  }
}

async function drive(name: string, base: string, path: string, headers: Record<string, string> = {}): Promise<Throughput> {
  // Warm up so the isolate and SQLite caches are hot.
  await autocannon({ url: `${base}${path}`, connections: 4, duration: 1, headers });
  const r = await autocannon({ url: `${base}${path}`, connections: 16, duration: seconds, headers });
  return {
    name,
    path,
    requestsPerSecond: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

/** One metered request: rows read (from the Worker's X-D1-Rows-Read) against rows returned. */
async function rowsRead(base: string, endpoint: ListEndpoint): Promise<RowsRead> {
  const path = await pathOf(endpoint, async (p) => {
    const res = await fetch(`${base}${p}`, { headers: endpoint.headers });
    if (!res.ok) throw new Error(`${endpoint.name}: ${p} answered ${res.status}`);
    return res.text();
  });
  const res = await fetch(`${base}${path}`, { headers: endpoint.headers, redirect: "manual" });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${endpoint.name}: ${path} answered ${res.status}`);
  const read = Number(res.headers.get("X-D1-Rows-Read"));
  const returned = endpoint.count(body);
  const bound = rowsReadBound(returned);
  return {
    name: endpoint.name,
    path,
    rowsReturned: returned,
    rowsRead: read,
    bound,
    withinBound: read <= bound,
    ...(endpoint.unbounded ? { unbounded: endpoint.unbounded } : {}),
  };
}

/** Waits for the Worker's log to report `n` scheduled ticks; returns their lines. */
async function scheduledTicks(
  base: string,
  log: () => string,
  n: number,
): Promise<{ rowsRead: number; rowsWritten: number; queries: number; jobs: string }[]> {
  const ticks = [];
  for (let i = 0; i < n; i++) {
    const before = (log().match(/\[bench\] scheduled tick:/g) ?? []).length;
    await fetch(`${base}/__scheduled?cron=*/15+*+*+*+*`);
    const deadline = Date.now() + 120_000;
    while ((log().match(/\[bench\] scheduled tick:/g) ?? []).length <= before) {
      if (Date.now() > deadline) throw new Error("the scheduled handler did not report");
      await new Promise((r) => setTimeout(r, 100));
    }
    const lines = log()
      .split("\n")
      .filter((l) => l.includes("[bench] scheduled tick:"));
    const m = /rows read (\d+), rows written (\d+), queries (\d+), jobs (.*)$/.exec(lines[lines.length - 1]!)!;
    ticks.push({ rowsRead: Number(m[1]), rowsWritten: Number(m[2]), queries: Number(m[3]), jobs: m[4]!.trim() });
  }
  return ticks;
}

function table(headers: string[], rows: (string | number)[][]): string {
  const line = (cells: (string | number)[]) => `| ${cells.join(" | ")} |`;
  return [line(headers), line(headers.map(() => "---")), ...rows.map(line)].join("\n");
}

let loadStart1: number[] = [];

async function main() {
  const started = Date.now();
  loadStart1 = loadavg().map((x) => Math.round(x * 100) / 100);
  log(`Benchmark (${quick ? "quick" : "full"} size, ${seconds}s per endpoint) on ${cpus().length} × ${cpus()[0]?.model ?? "CPU"}`);
  const persistDir = mkdtempSync(join(tmpdir(), "tracker-bench-"));
  let app: ChildProcess | null = null;
  let ceiling: ChildProcess | null = null;
  try {
    const migrate = spawnSync("wrangler", ["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistDir], {
      cwd: root,
      env,
      encoding: "utf8",
    });
    if (migrate.status !== 0) throw new Error(`migrations failed: ${migrate.stderr}`);
    const loadStart = Date.now();
    const data: Loaded = load(persistDir, sizes);
    log(
      `Loaded ${Object.entries(data.counts)
        .map(([k, v]) => `${v.toLocaleString("en-GB")} ${k}`)
        .join(", ")} in ${((Date.now() - loadStart) / 1000).toFixed(1)}s`,
    );

    const appPort = await freePort();
    const ceilingPort = await freePort();
    const base = `http://127.0.0.1:${appPort}`;
    const ceilingBase = `http://127.0.0.1:${ceilingPort}`;
    spawnSync("node", ["scripts/build-assets.mjs"], { cwd: root, env });
    app = await startWorker(
      "the Worker",
      [
        "dev",
        "worker/local.ts",
        "--ip",
        "127.0.0.1",
        "--port",
        String(appPort),
        "--persist-to",
        persistDir,
        "--var",
        "BENCH_METRICS:true",
        "--var",
        `APP_SECRET:${randomBytes(24).toString("hex")}`,
        "--var",
        `PUBLIC_URL:${base}`,
        "--test-scheduled",
        "--show-interactive-dev-session=false",
        "--log-level",
        "warn",
      ],
      base,
      "/api/v1/areas",
    );
    ceiling = await startWorker(
      "the ceiling Worker",
      [
        "dev",
        "-c",
        "bench/ceiling/wrangler.toml",
        "--ip",
        "127.0.0.1",
        "--port",
        String(ceilingPort),
        "--show-interactive-dev-session=false",
        "--log-level",
        "warn",
      ],
      ceilingBase,
      "/",
    );

    const clerk = { Cookie: `session=${data.clerkSession}` };
    const clerkApi = { Authorization: `Bearer ${data.clerkToken}` };
    const responder = { Authorization: `Bearer ${data.responderToken}` };
    const link = { Authorization: `Bearer ${data.linkToken}` };
    const endpoints: [string, string, Record<string, string>][] = [
      ["Public petition page", `/petitions/${data.hotPetitionId}`, {}],
      ["Petition list (API)", `/api/v1/petitions?areaId=${data.areaId}`, {}],
      ["Petition list (web)", `/petitions?area=${data.areaSlug}`, {}],
      ["Clerk dashboard", `/petitions/dashboard`, clerk],
      ["Extension alerts (/me/alerts)", `/api/v1/me/alerts`, link],
      ["Consultation list (API)", `/api/v1/consultations?areaId=${data.areaId}`, {}],
    ];

    log("\nD1 rows read per request (bound: 2 × rows returned + 50):");
    const reads: RowsRead[] = [];
    for (const endpoint of listEndpoints(data)) {
      const r = await rowsRead(base, endpoint);
      reads.push(r);
      const verdict = r.withinBound ? "✔" : r.unbounded ? `(not bounded: ${r.unbounded})` : "✖ OVER";
      log(`  ${r.name}: ${r.rowsRead} rows read for ${r.rowsReturned} returned (bound ${r.bound}) ${verdict}`);
    }

    log("\nScheduled handler (three ticks in a row; rows read from the Worker's own meter):");
    const ticks = await scheduledTicks(base, outputs.get(app)!, 3);
    for (const [i, t] of ticks.entries())
      log(`  tick ${i + 1}: ${t.rowsRead} rows read, ${t.rowsWritten} written, ${t.queries} queries; ${t.jobs}`);

    if (rowsOnly) {
      log(`\n(--rows-only: no throughput, signing or extension figures; ${Math.round((Date.now() - started) / 1000)}s)`);
      return;
    }

    log("\nThroughput over loopback (16 connections):");
    const ceilingResult = await drive("Ceiling (fixed response)", ceilingBase, "/");
    const throughput: Throughput[] = [ceilingResult];
    for (const [name, path, headers] of endpoints) {
      const r = await drive(name, base, path, headers);
      r.ratioToCeiling = Math.round((r.requestsPerSecond / ceilingResult.requestsPerSecond) * 1000) / 10;
      throughput.push(r);
      log(
        `  ${name}: ${r.requestsPerSecond} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.ratioToCeiling}% of ceiling${r.non2xx ? `, ${r.non2xx} non-2xx` : ""}`,
      );
    }
    log(`  Ceiling: ${ceilingResult.requestsPerSecond} req/s, p50 ${ceilingResult.p50} ms, p99 ${ceilingResult.p99} ms`);

    log("\nSigning on one hot petition:");
    const signing: SigningResult = await signingBenchmark({
      base,
      persistDir,
      petitionId: data.openPetitionIds[1]!,
      seconds: quick ? 10 : 30,
    });
    // Each signature is two requests (sign, then the emailed link), so its ceiling is half the fixed response's.
    const signingRequestsPerSecond = Math.round((signing.signed + signing.confirmed + signing.rejected) / signing.seconds);
    const signingRatio = Math.round((signingRequestsPerSecond / ceilingResult.requestsPerSecond) * 1000) / 10;
    log(
      `  ${signing.confirmedPerSecond} confirmed signatures/s over ${signing.seconds}s (${signing.signed} signed, ${signing.confirmed} confirmed); count exact: ${signing.countExact ? "yes" : "NO"}`,
    );
    log(
      `  ${signingRequestsPerSecond} req/s (sign + confirm), ${signingRatio}% of ceiling; p99 sign ${signing.signP99Ms} ms, confirm ${signing.confirmP99Ms} ms; at most ${Math.round(ceilingResult.requestsPerSecond / 2)} signatures/s at the ceiling`,
    );

    const memory = peakMemoryMb(app);
    log(`\nPeak memory of the local runtime (workerd VmHWM): ${memory} MB`);

    const extension: ExtensionFigures = await extensionFigures(root);
    log(
      `\nExtension: popup ${extension.popupGzipKb} KB gzip; extraction median ${extension.extractionMedianMs} ms per page over ${extension.pages} pages (Chromium)`,
    );

    const result = {
      date: new Date().toISOString(),
      mode: quick ? "quick" : "full",
      secondsPerEndpoint: seconds,
      machine: {
        cpus: cpus().length,
        cpu: cpus()[0]?.model,
        memoryGb: Math.round(totalmem() / 2 ** 30),
        freeGb: Math.round(freemem() / 2 ** 30),
        node: process.version,
        loadAverageAtStart: loadStart1,
        loadAverageAtEnd: loadavg().map((x) => Math.round(x * 100) / 100),
      },
      data: data.counts,
      throughput,
      rowsRead: reads,
      scheduledTicks: ticks,
      signing: { ...signing, requestsPerSecond: signingRequestsPerSecond, ratioToCeiling: signingRatio },
      peakMemoryMb: memory,
      extension,
      tookSeconds: Math.round((Date.now() - started) / 1000),
    };
    mkdirSync(join(root, "bench/results"), { recursive: true });
    const file = join(root, "bench/results", `${result.date.slice(0, 10)}${quick ? "-quick" : ""}.json`);
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    if (!quick) writeBenchmarksMd(result);
    log(`\nSaved ${file}${quick ? "" : " and BENCHMARKS.md"} (${result.tookSeconds}s in all).`);
  } finally {
    stop(app);
    stop(ceiling);
    rmSync(persistDir, { recursive: true, force: true });
  }
}

function writeBenchmarksMd(r: {
  date: string;
  machine: { cpus: number; cpu?: string; memoryGb: number; node: string };
  data: Record<string, number>;
  throughput: Throughput[];
  rowsRead: RowsRead[];
  scheduledTicks: { rowsRead: number; rowsWritten: number; queries: number; jobs: string }[];
  signing: SigningResult & { requestsPerSecond: number; ratioToCeiling: number };
  peakMemoryMb: number;
  extension: ExtensionFigures;
  secondsPerEndpoint: number;
}) {
  const path = join(root, "BENCHMARKS.md");
  const previous = readFileSync(path, "utf8");
  const marker = "<!-- results -->";
  const body = [
    marker,
    `Run on ${r.date.slice(0, 10)} with \`npm run bench\` on ${r.machine.cpus} × ${r.machine.cpu}, ${r.machine.memoryGb} GB, Node ${r.machine.node}.`,
    `Data: ${Object.entries(r.data)
      .map(([k, v]) => `${v.toLocaleString("en-GB")} ${k}`)
      .join(", ")}.`,
    "",
    `### Throughput (${r.secondsPerEndpoint}s each, 16 connections, loopback)`,
    "",
    table(
      ["endpoint", "requests/s", "p50 ms", "p99 ms", "% of ceiling"],
      r.throughput.map((t) => [t.name, t.requestsPerSecond, t.p50, t.p99, t.ratioToCeiling ?? 100]),
    ),
    "",
    "### D1 rows read per request",
    "",
    table(
      ["endpoint", "rows returned", "rows read", "bound (2n+50)", "within"],
      r.rowsRead.map((x) => [
        x.name,
        x.rowsReturned,
        x.rowsRead,
        x.bound,
        x.withinBound ? "yes" : x.unbounded ? `no (${x.unbounded})` : "**no**",
      ]),
    ),
    "",
    `Scheduled handler, three ticks in a row: ${r.scheduledTicks.map((t) => `${t.rowsRead} rows read (${t.queries} queries)`).join("; ")} with ${(r.data.watches ?? 0).toLocaleString("en-GB")} watches stored.`,
    "",
    "### Signing on one hot petition",
    "",
    `${r.signing.confirmedPerSecond} confirmed signatures/s sustained over ${r.signing.seconds}s (${r.signing.signed} signed, ${r.signing.confirmed} confirmed); counter equal to confirmed rows afterwards: ${r.signing.countExact ? "yes" : "**no**"}. ${r.signing.requestsPerSecond} requests/s (sign + confirm), ${r.signing.ratioToCeiling}% of the ceiling; p99 ${r.signing.signP99Ms} ms to sign, ${r.signing.confirmP99Ms} ms to confirm.`,
    "",
    "### Memory and extension",
    "",
    `Peak memory of the local runtime: ${r.peakMemoryMb} MB (the Workers limit is 128 MB per isolate). Popup: ${r.extension.popupGzipKb} KB gzip. Extraction: median ${r.extension.extractionMedianMs} ms per page over ${r.extension.pages} fixture pages in Chromium.`,
    "",
  ].join("\n");
  const next = previous.includes(marker) ? previous.slice(0, previous.indexOf(marker)) + body : `${previous.trimEnd()}\n\n${body}`;
  writeFileSync(path, next);
}

main().catch((err) => {
  console.error(`Benchmark failed: ${err instanceof Error ? err.stack : err}`);
  process.exit(1);
});
