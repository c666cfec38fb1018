// `npm run deploy`: first time, creates the D1 database and the app secret; every time,
// applies migrations to the remote database and deploys the Worker. Needs `wrangler login`
// (or CLOUDFLARE_API_TOKEN) first.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tomlPath = join(root, "wrangler.toml");
const PLACEHOLDER = "00000000-0000-0000-0000-000000000000";

function run(args, { input, capture } = {}) {
  const result = spawnSync("wrangler", args, {
    cwd: root,
    input,
    encoding: "utf8",
    stdio: capture || input ? ["pipe", "pipe", "inherit"] : "inherit",
  });
  if (result.status !== 0) {
    console.error(`✖ wrangler ${args.join(" ")} failed.`);
    process.exit(result.status ?? 1);
  }
  return result.stdout ?? "";
}

let toml = readFileSync(tomlPath, "utf8");
if (toml.includes(PLACEHOLDER)) {
  console.log("▶ Creating the D1 database 'involvement'");
  const out = run(["d1", "create", "involvement"], { capture: true });
  const id = /database_id\s*=\s*"([0-9a-f-]{36})"/.exec(out)?.[1] ?? /"database_id":\s*"([0-9a-f-]{36})"/.exec(out)?.[1];
  if (!id) {
    console.error(`Could not read the new database id from:\n${out}`);
    process.exit(1);
  }
  toml = toml.replace(PLACEHOLDER, id);
  writeFileSync(tomlPath, toml);
  console.log(`  database_id ${id} written to wrangler.toml (commit it).`);
}

const secrets = run(["secret", "list", "--format", "json"], { capture: true });
if (!secrets.includes('"APP_SECRET"')) {
  console.log("▶ Setting APP_SECRET (random, 48 bytes)");
  run(["secret", "put", "APP_SECRET"], { input: randomBytes(48).toString("base64url") });
}
for (const name of ["EMAIL_API_URL", "EMAIL_API_KEY"]) {
  if (!secrets.includes(`"${name}"`))
    console.warn(`! ${name} is not set: emails will wait in the outbox. Set it with: npx wrangler secret put ${name}`);
}

console.log("▶ Static assets");
if (spawnSync("node", ["scripts/build-assets.mjs"], { cwd: root, stdio: "inherit" }).status !== 0) process.exit(1);
console.log("▶ Applying migrations to the remote database");
run(["d1", "migrations", "apply", "DB", "--remote"]);
console.log("▶ Deploying the Worker");
run(["deploy"]);
console.log("✔ Deployed. Set PUBLIC_URL in wrangler.toml [vars] to the address people use, and redeploy if it changed.");
