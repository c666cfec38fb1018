// Copies the static files the Worker serves into public/: the NHS.UK frontend (CSS, JS,
// icons) and our own small CSS/JS. The NHS.UK CSS loads its font from assets.nhs.uk;
// our Content-Security-Policy allows only our own origin, so those @font-face rules are
// removed and the design system's fallback fonts (Arial) are used.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const nhsuk = join(root, "node_modules/nhsuk-frontend/dist/nhsuk");
const out = join(root, "public");
const assets = join(out, "assets");

rmSync(out, { recursive: true, force: true });
mkdirSync(join(assets, "nhsuk"), { recursive: true });

const css = readFileSync(join(nhsuk, "nhsuk-frontend.min.css"), "utf8").replace(/@font-face\{[^}]*assets\.nhs\.uk[^}]*\}/g, "");
if (css.includes("assets.nhs.uk")) throw new Error("nhsuk-frontend CSS still refers to assets.nhs.uk: update build-assets.mjs");
writeFileSync(join(assets, "nhsuk/nhsuk-frontend.min.css"), css);
cpSync(join(nhsuk, "nhsuk-frontend.min.js"), join(assets, "nhsuk/nhsuk-frontend.min.js"));
cpSync(join(nhsuk, "assets/images"), join(assets, "images"), { recursive: true });
for (const file of ["app.css", "app.js"]) cpSync(join(root, "worker/web/assets", file), join(assets, file));

// Headers for static files (the Worker sets its own on pages and the API).
writeFileSync(
  join(out, "_headers"),
  `/assets/*
  Cache-Control: public, max-age=3600
  X-Content-Type-Options: nosniff
  Content-Security-Policy: default-src 'self'; frame-ancestors 'none'
`,
);
console.log(`Static assets written to ${out}`);
