// Production carries only production: the bundle `wrangler deploy` would upload (built here with
// --dry-run, offline) holds no development pages, demo data or benchmark metering. The local
// entry's bundle is built the same way and must hold them, which shows the markers are the right ones.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const wrangler = join(root, "node_modules/wrangler/bin/wrangler.js");
const outDirs: string[] = [];

/** Strings that exist only in worker/dev/: the dev sign-in page, the demo people, the D1 meter's header. */
const LOCAL_ONLY = ["This page exists only on a local development copy", "Ada Lovelace", "X-D1-Rows-Read"];

function bundle(entry?: string): string {
  if (!existsSync(join(root, "public"))) spawnSync(process.execPath, ["scripts/build-assets.mjs"], { cwd: root });
  const outdir = mkdtempSync(join(tmpdir(), "bundle-"));
  outDirs.push(outdir);
  const args = [wrangler, "deploy", ...(entry ? [entry] : []), "--dry-run", "--outdir", outdir];
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } });
  expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
  // The bundle is named after its entry: index.js for worker/index.ts, local.js for worker/local.ts.
  return readFileSync(join(outdir, entry ? `${entry.replace(/^.*\//, "").replace(/\.ts$/, "")}.js` : "index.js"), "utf8");
}

afterAll(() => {
  for (const dir of outDirs) rmSync(dir, { recursive: true, force: true });
});

describe("the production bundle", () => {
  it("holds the product and none of the local extras", { timeout: 180_000 }, () => {
    const production = bundle();
    expect(production).toContain("Start a petition");
    for (const marker of LOCAL_ONLY) expect(production, marker).not.toContain(marker);
    const local = bundle("worker/local.ts");
    for (const marker of LOCAL_ONLY) expect(local, marker).toContain(marker);
  });
});
