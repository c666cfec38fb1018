// The extension's figures: the popup's JavaScript (gzip) and the extraction core's median time per
// page in Chromium over the fixture pages (with Readability, as the extension runs it).
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";

export interface ExtensionFigures {
  popupGzipKb: number;
  extractionMedianMs: number;
  extractionP90Ms: number;
  pages: number;
}

/** The popup page's own scripts (entry and the chunks it preloads), gzipped. */
export function popupGzipBytes(outputDir: string): number {
  const html = readFileSync(join(outputDir, "popup.html"), "utf8");
  const files = [...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]!.replace(/^\//, ""));
  return files.reduce((sum, f) => sum + gzipSync(readFileSync(join(outputDir, f))).length, 0);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

export async function extensionFigures(root: string): Promise<ExtensionFigures> {
  // Build the extension as it is now (a few seconds), so the size is never a stale or missing build's.
  const built = spawnSync("npm", ["run", "build:extension"], { cwd: root, encoding: "utf8" });
  if (built.status !== 0) throw new Error(`the extension did not build:\n${built.stdout}\n${built.stderr}`);
  const output = join(root, "extension/.output/chrome-mv3");
  if (!existsSync(join(output, "popup.html"))) throw new Error(`no popup.html in ${output}`);
  const popupGzipKb = Math.round((popupGzipBytes(output) / 1024) * 10) / 10;

  const bundle = await build({
    stdin: {
      contents: `import { extractConsultation } from "./shared/extraction/index"; import { readabilityContent } from "./shared/extraction/readability";
        globalThis.__extract = () => extractConsultation(document, location.href, { mainContent: readabilityContent });`,
      resolveDir: root,
      loader: "ts",
    },
    bundle: true,
    format: "iife",
    minify: true,
    write: false,
    platform: "browser",
  });
  const script = bundle.outputFiles[0]!.text;
  const dir = join(root, "tests/fixtures/pages");
  const pages = readdirSync(dir).filter((f) => f.endsWith(".html"));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
  const perPage: number[] = [];
  try {
    const page = await browser.newPage();
    // No network: fixture pages may refer to assets that do not exist.
    await page.route("**/*", (route) => (route.request().resourceType() === "document" ? route.continue() : route.abort()));
    for (const file of pages) {
      await page.setContent(readFileSync(join(dir, file), "utf8"), { waitUntil: "domcontentloaded" });
      await page.addScriptTag({ content: script });
      const times = await page.evaluate(() => {
        const run = (globalThis as unknown as { __extract: () => unknown }).__extract;
        const samples: number[] = [];
        for (let i = 0; i < 7; i++) {
          const t = performance.now();
          run();
          samples.push(performance.now() - t);
        }
        return samples;
      });
      perPage.push(median(times));
    }
  } finally {
    await browser.close();
  }
  const sorted = [...perPage].sort((a, b) => a - b);
  return {
    popupGzipKb,
    extractionMedianMs: Math.round(median(perPage) * 100) / 100,
    extractionP90Ms: Math.round((sorted[Math.floor(sorted.length * 0.9)] ?? Number.NaN) * 100) / 100,
    pages: pages.length,
  };
}
