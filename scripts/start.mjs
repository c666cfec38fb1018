// `npm start`: static assets, local D1 migrations, the extension build, then the Worker on
// http://127.0.0.1:8787 with demo data loaded (once: re-running does not duplicate it).
import { spawn, spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const port = Number(process.env.PORT ?? 8787);
const host = "127.0.0.1";
const base = `http://${host}:${port}`;

function step(title, command, args) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, CI: "1" } });
  if (result.status !== 0) {
    console.error(`✖ ${title} failed (exit ${result.status}).`);
    process.exit(result.status ?? 1);
  }
}

step("Copying static assets", "node", ["scripts/build-assets.mjs"]);
step("Applying database migrations to the local D1", "wrangler", ["d1", "migrations", "apply", "DB", "--local"]);
step("Building the browser extension (extension/.output/chrome-mv3)", "wxt", ["build", "extension"]);

console.log(`\n▶ Starting the Worker on ${base}`);
const worker = spawn(
  "wrangler",
  [
    "dev",
    "worker/local.ts",
    "--ip",
    host,
    "--port",
    String(port),
    "--var",
    "LOCAL_DEV:true",
    "--var",
    `PUBLIC_URL:${base}`,
    "--test-scheduled",
    "--show-interactive-dev-session=false",
  ],
  { cwd: root, stdio: "inherit" },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => worker.kill(signal));
worker.on("exit", (code) => process.exit(code ?? 0));

async function waitForWorker() {
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(`${base}/api/v1/areas`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`The Worker did not answer on ${base} within a minute.`);
}

/** Loads the demo data through the dev page's own form (visitor cookie + CSRF token). */
async function seedDemo() {
  const page = await fetch(`${base}/dev/sign-in`);
  const cookie = page.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1];
  const res = await fetch(`${base}/dev/seed`, {
    method: "POST",
    headers: { Accept: "application/json", Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ _csrf: csrf ?? "" }),
  });
  if (!res.ok) throw new Error(`Loading demo data failed: ${res.status} ${await res.text()}`);
  return res.json();
}

try {
  await waitForWorker();
  const body = await seedDemo();
  console.log(
    `\n✔ Ready: ${base}\n  ${body.created ? "Demo data loaded" : "Demo data already there"}. Sign in as a demo person at ${base}/dev/sign-in` +
      `\n  Emails are listed at ${base}/dev/outbox. The extension is in extension/.output/chrome-mv3 (see README).` +
      `\n  Press Ctrl+C to stop.\n`,
  );
} catch (err) {
  console.error(`✖ ${err.message}`);
  worker.kill();
  process.exit(1);
}
