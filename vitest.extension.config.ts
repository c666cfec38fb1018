// Unit tests of the browser extension (beside its code in extension/), with WXT's fake browser.
// The same tests run twice: as the Chrome build and as the Firefox build.
import { defineConfig } from "vitest/config";
import { WxtVitest } from "wxt/testing/vitest-plugin";

const project = async (browser: "chrome" | "firefox") => ({
  plugins: [await WxtVitest({ root: "extension", browser })],
  test: {
    name: browser,
    include: ["extension/**/*.test.{ts,tsx}"],
    environment: "node",
    // What WXT defines for the build (import.meta.env.BROWSER, …): Vitest reads import.meta.env
    // from the environment, so each project sets its own.
    env: {
      BROWSER: browser,
      MANIFEST_VERSION: browser === "firefox" ? "2" : "3",
      CHROME: browser === "chrome" ? "true" : "",
      FIREFOX: browser === "firefox" ? "true" : "",
    },
    // WXT's fake browser keeps state in memory: each test starts from a clean one.
    setupFiles: ["./extension/utils/testing/setup.ts"],
  },
});

export default defineConfig({
  test: { projects: [await project("chrome"), await project("firefox")] },
});
