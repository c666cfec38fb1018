// Starts the Worker with `wrangler dev` on a free port and a fresh local D1, loads the demo data,
// and gives the tests its address. Stops it afterwards.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    persistDir: string;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

let worker: ChildProcess | null = null;
let persistDir = "";

export async function setup(project: TestProject) {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  persistDir = mkdtempSync(join(tmpdir(), "tracker-e2e-"));
  const env = { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1" };
  const migrate = spawnSync("wrangler", ["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistDir], {
    env,
    encoding: "utf8",
  });
  if (migrate.status !== 0) throw new Error(`Migrations failed:\n${migrate.stdout}\n${migrate.stderr}`);

  worker = spawn(
    "wrangler",
    [
      "dev",
      "worker/local.ts",
      "--ip",
      "127.0.0.1",
      "--port",
      String(port),
      "--persist-to",
      persistDir,
      "--var",
      "LOCAL_DEV:true",
      "--var",
      `PUBLIC_URL:${baseUrl}`,
      "--test-scheduled",
      "--show-interactive-dev-session=false",
    ],
    { env, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  let log = "";
  worker.stdout!.on("data", (d) => (log += d));
  worker.stderr!.on("data", (d) => (log += d));

  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      if ((await fetch(`${baseUrl}/api/v1/areas`)).ok) break;
    } catch {
      // not yet listening
    }
    if (Date.now() > deadline || worker.exitCode !== null) throw new Error(`wrangler dev did not start:\n${log.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 300));
  }

  // Demo data, through the dev page's own form.
  const page = await fetch(`${baseUrl}/dev/sign-in`);
  const cookie = page.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? "";
  const seeded = await fetch(`${baseUrl}/dev/seed`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
    body: new URLSearchParams({ _csrf: csrf }),
  });
  if (!seeded.ok) throw new Error(`Seeding failed: ${seeded.status} ${await seeded.text()}`);

  project.provide("baseUrl", baseUrl);
  project.provide("persistDir", persistDir);
}

export async function teardown() {
  if (worker?.pid) {
    try {
      process.kill(-worker.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
  if (persistDir) rmSync(persistDir, { recursive: true, force: true });
}
