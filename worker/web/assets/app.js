// Progressive enhancement only: every page works without this file.
import { initAll } from "./nhsuk/nhsuk-frontend.min.js";

// The class the NHS.UK template's inline snippet would add; our CSP allows no inline scripts.
document.body.classList.add("js-enabled", "nhsuk-frontend-supported");
initAll();
