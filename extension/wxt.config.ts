// WXT build of the browser extension (Chrome MV3 first; `wxt build -b firefox` for Firefox).
import preact from "@preact/preset-vite";
import { defineConfig } from "wxt";

export default defineConfig({
  srcDir: ".",
  outDir: ".output",
  manifest: {
    name: "Health involvement tracker",
    version: "0.1.0",
    description: "Save local health consultations in one click and get reminders before they close.",
    // Each permission is explained in the README.
    permissions: ["storage", "alarms", "notifications", "contextMenus", "activeTab", "scripting"],
  },
  vite: () => ({ plugins: [preact()] }),
});
