// Writes extension/utils/api.generated.ts, the types of the JSON API for the extension's typed client,
// from the OpenAPI document the Worker serves at /api/v1/openapi.json (built here in Node: no server).
//   npm run generate:api               write the file
//   npm run generate:api -- --check    exit 1 when the committed file is stale (npm test runs this)
import { readFileSync, writeFileSync } from "node:fs";
import { relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import openapiTS, { astToString, type OpenAPI3 } from "openapi-typescript";
import { buildApi } from "../worker/api/index";

const ROOT = resolve(import.meta.dirname, "..");
export const GENERATED_TYPES = resolve(ROOT, "extension/utils/api.generated.ts");

const HEADER = `// Generated from the API's OpenAPI document (/api/v1/openapi.json) by scripts/generate-api-client.ts
// (npm run generate:api). Do not edit: change the routes or the shared schemas and run it again.
// \`npm test\` fails while this file is out of date.
`;

/** The OpenAPI document exactly as the Worker serves it. */
export async function openApiDocument(): Promise<OpenAPI3> {
  const response = await buildApi().request("/openapi.json");
  if (!response.ok) throw new Error(`The API answered ${response.status} for /openapi.json`);
  return (await response.json()) as OpenAPI3;
}

/** The generated file's text: openapi-typescript's output under our header. */
export async function apiTypesSource(): Promise<string> {
  return `${HEADER}\n${astToString(await openapiTS(await openApiDocument()))}`;
}

/** Whether `file` differs from what the document generates now. */
export async function isStale(file = GENERATED_TYPES): Promise<boolean> {
  let committed: string;
  try {
    committed = readFileSync(file, "utf8");
  } catch {
    return true;
  }
  return committed !== (await apiTypesSource());
}

async function main() {
  const name = relative(ROOT, GENERATED_TYPES);
  if (process.argv.includes("--check")) {
    if (await isStale()) {
      console.error(`${name} is stale: the API changed. Run \`npm run generate:api\` and commit the result.`);
      process.exit(1);
    }
    console.log(`${name} matches the OpenAPI document.`);
    return;
  }
  writeFileSync(GENERATED_TYPES, await apiTypesSource());
  console.log(`Wrote ${name}.`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((err) => {
    console.error(`Could not generate the API client's types: ${err instanceof Error ? err.message : err}`);
    process.exit(1);
  });
}
