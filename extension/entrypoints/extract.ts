// Injected into the page only when the person asks to track it (activeTab + scripting): reads the
// consultation from the live DOM, so pages behind a sign-in and pages built by script both work.
// Its result is the value executeScript returns to the popup or the context menu.
import { extractConsultation, type Extracted } from "#shared/extraction/index";
import { readabilityContent } from "#shared/extraction/readability";

/** Pages that render late are read once they have loaded, or after a few seconds at most. */
const LOAD_WAIT_MS = 3000;
/** A page with almost no text yet may still be rendering: read it again a moment later. */
const RENDER_WAIT_MS = 1000;

function loaded(): Promise<void> {
  if (document.readyState === "complete") return Promise.resolve();
  return new Promise((resolve) => {
    window.addEventListener("load", () => resolve(), { once: true });
    setTimeout(resolve, LOAD_WAIT_MS);
  });
}

const read = (): Extracted => extractConsultation(document, location.href, { mainContent: readabilityContent });

export default defineUnlistedScript(async (): Promise<Extracted> => {
  await loaded();
  const first = read();
  // innerText, not textContent: what is rendered is what tells a page that has finished drawing.
  // biome-ignore lint/performance/useDomNodeTextContent: see above
  if (first.title && (document.body?.innerText.length ?? 0) > 200) return first;
  await new Promise((resolve) => setTimeout(resolve, RENDER_WAIT_MS));
  return read();
});
