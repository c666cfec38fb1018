// Who runs the consultation, as the page says it; and which of an area's organisations that is.
import { all, textLines, type DomDocument } from "./dom";
import { acceptName, normal, organisationsAt, PLATFORM, SEQ, splitTitle } from "./names";
import type { Structured } from "./structured";

const LABEL_START =
  /^(?:from|published\s+by|organi[sz]ation|lead\s+organi[sz]ation|organi[sz]ed\s+by|consultation\s+by|commissioner|responsible\s+organi[sz]ation)\s*:?\s+(.{3,})$/i;
const LABEL_INSIDE = /\b(?:run|led|organi[sz]ed|carried\s+out|held|published|developed|commissioned)\s+by\s+(.{3,})$/i;

/** A name given by a label: "From: Department of Health and Social Care", "This survey is run by NHS Northshire ICB". */
function labelled(lines: string[]): string | null {
  for (const line of lines) {
    for (const sentence of line.split(/(?<=[a-z)])[.!?]\s+/)) {
      const m = LABEL_START.exec(sentence) ?? LABEL_INSIDE.exec(sentence);
      if (!m?.[1]) continue;
      const phrase = m[1].replace(/[.;,]\s.*$|[.;,]$/, "").slice(0, 120);
      const inside = organisationsAt(phrase)[0]?.name;
      if (inside && phrase.startsWith(inside)) return inside;
      const accepted = acceptName(phrase.split(/\s+(?:and|in partnership with|with|on behalf of)\s+/)[0] ?? phrase, false);
      if (accepted) return accepted;
    }
  }
  return null;
}

/** What the body running a consultation is said to do: "NHS Shropshire CCG said…", "Healthwatch Cumbria is asking…". */
const RUNNER_VERB =
  /^\s*(?:is|are|has|have)?\s*(?:now\s+|also\s+|currently\s+)?(?:consulting|asking|seeking|inviting|running|launch(?:ing|ed)|holding|proposing|planning|reviewing|refreshing|working|gathering|encouraging|extend(?:ing|ed)|said|says|invites?|welcomes?|published|(?:wants?|would\s+like)\s+(?:to\s+(?:hear|know|understand|find\s+out)|your|views))\b/;
/** The body of a compound subject: "Fenmoor County Council and NHS Fenmoor CCG have published…". */
const AND = /^\s+(?:and|&)\s+$/;
/** "NHS Fenmoor and Brackenford is asking…": an integrated care board by its operating name, as a sentence's subject. */
const NHS_SUBJECT = new RegExp(`(?<![A-Za-z])NHS\\s+${SEQ}`, "g");

/** The organisation a sentence says runs the consultation, or asks for views: the first of its subject. */
function runnerIn(lines: string[]): string | null {
  for (const line of lines) {
    const names = organisationsAt(line);
    for (const m of line.matchAll(NHS_SUBJECT)) {
      if (!names.some((n) => m.index < n.index + n.name.length && m.index + m[0].length > n.index))
        names.push({ index: m.index, name: m[0] });
    }
    names.sort((a, b) => a.index - b.index);
    let subject: string | null = null;
    for (const [i, n] of names.entries()) {
      const end = n.index + n.name.length;
      subject ??= n.name;
      const next = names[i + 1];
      if (next && AND.test(line.slice(end, next.index))) continue;
      if (RUNNER_VERB.test(line.slice(end))) return subject;
      subject = null;
    }
  }
  return null;
}

/** Logos, and the site's name in its header: an image's alt text, a home link's label or text. */
const LOGOS = [
  'header img[alt], [class*="logo" i] img[alt], img[class*="logo" i][alt], [class*="header" i] img[alt], [id*="header" i] img[alt], #top img[alt]',
  'header a[aria-label], [class*="logo" i][aria-label], [class*="brand" i][aria-label]',
];
const HOME_LINKS = 'header a[href="/"], [class*="brand" i], [class*="site-title" i], [class*="site-name" i]';

function fromLogos(doc: DomDocument): string | null {
  for (const el of all(doc, LOGOS.join(", "))) {
    const accepted = acceptName(el.getAttribute("alt") || el.getAttribute("aria-label"), false);
    if (accepted) return accepted;
  }
  for (const el of all(doc, HOME_LINKS)) {
    const accepted = acceptName(el.textContent, false);
    if (accepted) return accepted;
  }
  return null;
}

/** The organisation named most often in the text and footers (a copyright line counts three times). */
function mostNamed(lines: string[], footers: string[]): string | null {
  const counts = new Map<string, number>();
  const count = (text: string, weight: number) => {
    for (const { name } of organisationsAt(text)) counts.set(name, (counts.get(name) ?? 0) + weight);
  };
  for (const line of lines) count(line, 1);
  for (const line of footers) count(line, /©|copyright/i.test(line) ? 3 : 1);
  let best: string | null = null;
  let most = 0;
  for (const [name, n] of counts) {
    if (n > most) {
      best = name;
      most = n;
    }
  }
  return best;
}

/**
 * The organisation running the consultation: structured data (JSON-LD organiser, provider,
 * author or publisher; microdata; DC.publisher, meta author), then a label in the text ("From:",
 * "run by"), then the body the text says is consulting or asking ("NHS Northshire CCG said…"),
 * the site name, the title, the logo, a label in a footer ("a programme led by…"), and last the
 * organisation named most often. A news page's publisher, a programme's slogan and the
 * Healthwatch brand alone are not organisations.
 */
export function findOrganisation(doc: DomDocument, structured: Structured, lines: string[]): string | null {
  for (const name of structured.organisations) {
    const accepted = acceptName(name, false);
    if (accepted) return accepted;
  }
  const footers = all(doc, "footer, [class*='footer' i], [id*='footer' i]").flatMap((el) => textLines(el));
  const titleParts = [structured.title, doc.title].flatMap((title) => (title ? splitTitle(title).parts.slice(1).reverse() : []));
  const found =
    labelled(lines) ??
    runnerIn(lines) ??
    acceptName(structured.siteName, false) ??
    titleParts.reduce<string | null>((name, part) => name ?? acceptName(part, false), null) ??
    fromLogos(doc) ??
    labelled(footers);
  return found ?? mostNamed(lines, footers);
}

// Matching the page's name to the area's organisations.

/** An organisation of the area as matching reads it: its name, and any other names and web domains it is known by. */
export interface KnownOrganisation {
  name: string;
  aliases?: readonly string[];
  domains?: readonly string[];
}

/** Abbreviations written out, so "NHS Northshire CCG" and "Northshire Clinical Commissioning Group" share their words. */
const ABBREVIATIONS: [RegExp, string][] = [
  [/\bccgs?\b/g, "clinical commissioning group"],
  [/\bicbs?\b/g, "integrated care board"],
  [/\bpcts?\b/g, "primary care trust"],
  [/\bnhs\s*ft\b/g, "nhs foundation trust"],
  [/\bhwb\b/g, "health and wellbeing board"],
  [/\bosc\b/g, "overview and scrutiny committee"],
  [/\blocal involvement network\b/g, "link"],
  [/&/g, " and "],
];
/** Words that say what kind of body, not which one: left out when a name is compared with a web address. */
const KIND_WORDS =
  /\b(?:nhs|the|foundation|trust|council|county|borough|city|district|metropolitan|clinical commissioning group|integrated care board|primary care trust|health and wellbeing board|overview and scrutiny committee|ccg|icb|pct)\b/g;
/** Words that tell no organisation from another. */
const COMMON_WORDS = new Set(["the", "and", "of", "for", "foundation", "uk", "gov"]);
/** A match must score this much (Dice's coefficient over the names' words)… */
const MATCH_SCORE = 0.5;
/** …and beat the runner-up by this much; otherwise the person chooses. */
const MATCH_MARGIN = 0.15;

function expanded(name: string): string {
  let text = normal(name);
  for (const [re, full] of ABBREVIATIONS) text = text.replace(re, full);
  return text
    .replace(/[^a-z0-9\s]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function wordsOf(name: string): Set<string> {
  return new Set(
    expanded(name)
      .split(" ")
      .filter((w) => w.length > 1 && !COMMON_WORDS.has(w)),
  );
}

const namesOf = (o: KnownOrganisation) => [o.name, ...(o.aliases ?? [])];

/**
 * The organisation one of whose names clearly shares most words with `name`; else the ones it
 * could be (each sharing enough words), for the page's address to choose between.
 */
function byName<T extends KnownOrganisation>(name: string, organisations: readonly T[]): { best: T | null; candidates: T[] } {
  const same = organisations.filter((o) => namesOf(o).some((n) => expanded(n) === expanded(name)));
  if (same.length === 1) return { best: same[0] ?? null, candidates: same };
  const wanted = wordsOf(name);
  const scored = organisations
    .map((organisation) => {
      const score = Math.max(
        ...namesOf(organisation).map((n) => {
          const words = wordsOf(n);
          const shared = [...words].filter((w) => wanted.has(w)).length;
          return (2 * shared) / (words.size + wanted.size);
        }),
      );
      return { organisation, score };
    })
    .filter((s) => s.score >= MATCH_SCORE)
    .sort((a, b) => b.score - a.score);
  const [first, runnerUp] = scored;
  const clear = first && (!runnerUp || first.score - runnerUp.score >= MATCH_MARGIN);
  return { best: clear ? first.organisation : null, candidates: scored.map((s) => s.organisation) };
}

/** Public suffixes of UK bodies' addresses, and what kind of body each is for. */
const SUFFIXES: [RegExp, "council" | "nhs" | null][] = [
  [/\.gov\.uk$/, "council"],
  [/\.nhs\.uk$/, "nhs"],
  [/\.(?:org|co|ac)\.uk$|\.(?:uk|org|com|net|example)$/, null],
];
const KIND_ABBREVIATIONS = new Map<string, RegExp>([
  ["ccg", /clinical commissioning group/],
  ["icb", /integrated care board/],
  ["pct", /primary care trust/],
  ["cc", /\bcounty council\b|\bcity council\b/],
  ["bc", /\bborough council\b/],
  ["dc", /\bdistrict council\b/],
  ["council", /\bcouncil\b/],
  ["nhsft", /\bfoundation trust\b/],
]);
const NHS_NAME_WORDS = /\b(?:nhs|trust|clinical commissioning group|integrated care board|primary care trust|ccg|icb|pct)\b/;
const COUNCIL_NAME_WORDS = /\b(?:council|overview and scrutiny|health and wellbeing board)\b/;

/**
 * The organisation a web address belongs to: one of its declared domains, else the one whose
 * name, less the words for its kind, is the address's own label ("northshirehospitals.nhs.uk" is
 * Northshire Hospitals NHS Trust, "northshire.gov.uk" Northshire County Council,
 * "healthwatchnorthshire.co.uk" Healthwatch Northshire).
 */
function byAddress<T extends KnownOrganisation>(url: string, organisations: readonly T[]): T | null {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/^www\./, "");
  } catch {
    return null;
  }
  const declared = organisations.filter((o) => (o.domains ?? []).some((d) => host === d || host.endsWith(`.${d}`)));
  if (declared.length === 1) return declared[0] ?? null;
  const suffix = SUFFIXES.find(([re]) => re.test(host));
  if (!suffix) return null;
  const labels = host.replace(suffix[0], "").split(".");
  // The last label before the suffix names the body ("consult.westvale.gov.uk"); an ICB's sits before ".icb".
  const label = (labels.at(-1) === "icb" ? labels.at(-2) : labels.at(-1))?.replace(/-/g, "") ?? "";
  if (!label) return null;
  const fits = organisations.filter((o) => {
    const name = expanded(o.name);
    if (suffix[1] === "nhs" && !NHS_NAME_WORDS.test(name)) return false;
    if (suffix[1] === "council" && !COUNCIL_NAME_WORDS.test(name)) return false;
    const own = name.replace(KIND_WORDS, " ").replace(/\s+/g, "");
    if (own === label) return true;
    // "northshireccg": the name and its kind's abbreviation, which must be this body's kind.
    const kind = label.startsWith(own) ? KIND_ABBREVIATIONS.get(label.slice(own.length)) : undefined;
    return own.length >= 4 && kind !== undefined && kind.test(name);
  });
  return fits.length === 1 ? (fits[0] ?? null) : null;
}

/**
 * The area's organisation the page is by: matched by name (its words, abbreviations written out,
 * and any aliases); by the page's address when the page names none, or between the ones a name
 * could be ("NHS Northshire"). Null when none fits, or several fit equally: the person then
 * chooses. A body the page names that the area does not have is not replaced by the site's owner:
 * it keeps its name in the clip.
 */
export function matchOrganisation<T extends KnownOrganisation>(
  name: string | null,
  url: string | null,
  organisations: readonly T[],
): T | null {
  const named = name && !PLATFORM.test(name) ? byName(name, organisations) : null;
  if (named?.best) return named.best;
  if (named && named.candidates.length === 0) return null;
  return url ? byAddress(url, named?.candidates ?? organisations) : null;
}
