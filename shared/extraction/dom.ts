// The small part of the standard DOM the extraction core reads. A browser's live `document`
// (content script) and linkedom's `parseHTML(html).document` (command line) both fit it, and
// `shared/` stays free of the DOM library types the Worker must not see.
import { findDateMentions, parseMachineDate } from "./dates";
import { isDataTable, tableLines } from "./tables";

export interface DomNode {
  readonly nodeType: number;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
}

export interface DomElement extends DomNode {
  readonly tagName: string;
  readonly parentElement: DomElement | null;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  closest(selectors: string): DomElement | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
}

export interface DomDocument {
  readonly title: string;
  readonly documentElement: DomElement | null;
  readonly body: DomElement | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  cloneNode(deep?: boolean): unknown;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Whitespace (including non-breaking spaces) collapsed to single spaces, trimmed. */
export function collapse(text: string | null | undefined): string {
  return (text ?? "").replace(/[\s\u00a0\u200b]+/g, " ").trim();
}

export function textOf(el: DomElement | null | undefined): string {
  return el ? collapse(el.textContent) : "";
}

export function all(root: DomDocument | DomElement, selectors: string): DomElement[] {
  return Array.from(root.querySelectorAll(selectors));
}

/** The page's main content: `<main>`, then role=main, `<article>`, then the body. */
export function mainRoot(doc: DomDocument): DomElement | null {
  return doc.querySelector("main") ?? doc.querySelector("[role=main]") ?? doc.querySelector("article") ?? doc.body;
}

const SKIPPED = new Set(["script", "style", "noscript", "template", "svg", "iframe", "head", "select", "nav", "footer", "button"]);
const SKIPPED_ROLES = new Set(["navigation", "contentinfo", "search"]);
/**
 * Page furniture named by its class, id or label: cookie banners, breadcrumbs, share bars and lists
 * of other pages ("Related", "Most read", "Latest news"), whose dates belong to other pages.
 */
const FURNITURE =
  /(?:^|[\s_-])(?:cookies?|consent|gdpr|breadcrumbs?|skip|paywall|related|most-?read|popular|trending|latest-?news|news-?feed|more-?news|recent-?posts|share|ticker|promo|nav|menu|navigation)(?:$|[\s_-])/i;
/** Side columns: read only with `asides`, when the main content gives no dates (some platforms put the key dates there). */
const SIDE = /(?:^|[\s_-])(?:sidebar|widgets?|secondary)(?:$|[\s_-])/i;

/** Whether an element is furniture (or a side column, unless asides are read); never a wrapper holding the page's heading or main content. */
function isFurniture(el: DomElement, asides: boolean): boolean {
  const names = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""} ${el.getAttribute("aria-label") ?? ""}`;
  if (!FURNITURE.test(names) && (asides || !SIDE.test(names))) return false;
  return el.querySelector("h1, main, article, [role=main]") === null;
}
const BLOCK = new Set(
  "address article blockquote br caption dd details dialog div dl dt fieldset figcaption figure h1 h2 h3 h4 h5 h6 header hgroup hr legend li main ol p pre section summary table tbody thead tfoot tr ul".split(
    " ",
  ),
);
/** Inline elements that may split a word ("12<sup>th</sup>", "<b>Clos</b>es"): no space at their edges. */
const JOINING = new Set("a abbr b bdi cite code del em font i ins mark q s small strong sub sup u wbr".split(" "));

/** A `<time datetime>` value as text the date parser reads ("12 March 2024 at 23:59"), or null to keep the visible text. */
export function timeElementText(datetime: string, visible: string): string | null {
  const when = /^\d{4}-\d{2}-\d{2}/.test(datetime.trim()) ? parseMachineDate(datetime) : null;
  if (!when) return null;
  const [y, m, d] = when.date.split("-").map(Number) as [number, number, number];
  // A date alone, where the page already states the year: keep what it shows (it may add a time).
  if (!when.time && visible.includes(String(y))) return null;
  return `${d} ${MONTH_NAMES[m - 1]} ${y}${when.time ? ` at ${when.time}` : ""}`;
}

export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * The visible text of an element as lines, one per block (paragraph, list item, table row,
 * heading...), whitespace collapsed. Navigation, asides, footers, forms and scripts are left out;
 * `<time datetime>` is read from its machine-readable value. Asides (related pages) are left
 * out unless `asides` is set.
 */
export function textLines(root: DomElement | null, opts: { asides?: boolean } = {}): string[] {
  const lines: string[] = [];
  let buffer = "";
  const flush = () => {
    const line = collapse(buffer);
    if (line) lines.push(line);
    buffer = "";
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === TEXT_NODE) {
      buffer += node.textContent ?? "";
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const el = node as DomElement;
    const tag = el.tagName.toLowerCase();
    const role = el.getAttribute("role") ?? "";
    if (el !== root) {
      if (SKIPPED.has(tag) || SKIPPED_ROLES.has(role) || el.hasAttribute("hidden")) return;
      if (!opts.asides && (tag === "aside" || role === "complementary")) return;
      if (isFurniture(el, opts.asides ?? false)) return;
    }
    if (tag === "table" && isDataTable(el)) {
      flush();
      lines.push(...tableLines(el, (cell) => textLines(cell, opts).join(" ")));
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    else if (!JOINING.has(tag)) buffer += " ";
    const datetime = tag === "time" ? el.getAttribute("datetime") : null;
    const replaced = datetime ? timeElementText(datetime, el.textContent ?? "") : null;
    if (replaced) buffer += replaced;
    else for (const child of Array.from(el.childNodes)) walk(child);
    if (block) flush();
    else if (!JOINING.has(tag)) buffer += " ";
  };
  if (root) walk(root);
  flush();
  return joinLabels(lines);
}

/**
 * A short line with no digits and no full stop is a label ("Closes", "Closing date:"): join it to
 * the next. So is a question answered by a date on the next line ("When does the consultation
 * close?" / "Friday 21 February 2025 at 5pm.").
 */
function joinLabels(lines: string[]): string[] {
  const out: string[] = [];
  let pending = "";
  for (const [i, line] of lines.entries()) {
    const text = pending ? `${pending}${/:$/.test(pending) ? " " : ": "}${line}` : line;
    const next = lines[i + 1] ?? "";
    const question = !pending && line.length <= 80 && /\?$/.test(line) && findDateMentions(next)[0]?.start === 0;
    if (question) {
      pending = line.replace(/\?$/, "");
      continue;
    }
    const isLabel = line.length <= 40 && !/\d/.test(line) && !/[.!?]$/.test(line);
    if (isLabel && text.length <= 120) pending = text;
    else {
      out.push(text);
      pending = "";
    }
  }
  if (pending) out.push(pending);
  return out;
}
