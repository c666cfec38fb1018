// WXT build of the browser extension (Chrome MV3 first; `wxt build -b firefox` for Firefox).
import preact from "@preact/preset-vite";
import { resolve } from "node:path";
import { defineConfig } from "wxt";

export default defineConfig({
  srcDir: ".",
  outDir: ".output",
  // Code shared with the Worker (schemas' types, extraction, London dates) lives beside the extension.
  alias: { "#shared": resolve(import.meta.dirname, "../shared") },
  manifest: ({ browser }) => ({
    name: "Health involvement tracker",
    version: "0.1.0",
    description: "Save local health consultations in one click and get reminders before they close.",
    // Each permission is explained in the README.
    permissions: ["storage", "alarms", "notifications", "contextMenus", "activeTab", "scripting", "tabs"],
    action: { default_title: "Health involvement tracker" },
    ...(browser === "firefox"
      ? { browser_specific_settings: { gecko: { id: "tracker@involvement-tracker.example", strict_min_version: "115.0" } } }
      : {}),
  }),
  vite: () => ({ plugins: [preact()] }),
  // `npm run package:extension`: store-ready zips in extension/.output/. Firefox's reviewers also
  // get the sources needed to rebuild it: the extension, the shared code and the lockfile.
  zip: {
    name: "involvement-tracker",
    artifactTemplate: "{{name}}-{{version}}-{{browser}}.zip",
    sourcesTemplate: "{{name}}-{{version}}-sources.zip",
    sourcesRoot: resolve(import.meta.dirname, ".."),
    excludeSources: [
      "**/node_modules/**",
      "**/.*/**",
      "extension/.output/**",
      "{worker,tests,migrations,bench,scripts,docs,public}/**",
      "*.{ts,toml}",
    ],
  },
});
