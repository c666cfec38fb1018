// Who publishes or runs the consultation, and the page's title without its site suffix.
import { all, collapse, textLines, textOf, type DomDocument } from "./dom";
import type { Structured } from "./structured";

/** Hosting platforms and site brands that are not the organisation running the consultation. */
const PLATFORM =
  /^(?:gov\.uk|citizen\s*space|delib|engagement\s*hq|bang\s+the\s+table|granicus|smart\s*survey|survey\s*monkey|microsoft\s+forms|google\s+forms|jotform|nhs(?:\.uk)?|home|homepage|consultations?|consultation\s+hub|have\s+your\s+say|get\s+involved|news|[\w-]+(?:\.[\w-]+)+)$/i;
const BRAND =
  /\b(?:have\s+your\s+say|engage|engagement\s*hq|consultation\s+(?:hub|portal|finder)|let'?s\s+talk|get\s+involved|your\s+voice|citizen\s*space|survey)\b/i;
const ORG_WORDS =
  /\b(?:NHS|Trust|Council|CCG|ICB|ICS|PCT|Commissioning|Department|Healthwatch|Board|Authority|Agency|Commission|Partnership|Hospitals?|University|Care|Health|Borough|LINk|Government|Ministry|Office|Executive|Services?|Foundation|Practice|Surgery|Network|Alliance|Collaborative)\b/;

const CAP = "[A-Z][A-Za-z'’.&-]*";
const SEQ = `${CAP}(?:\\s+(?:(?:of|and|upon|on|in|the|&|for)\\s+)*${CAP}){0,6}`;
/** Names of the bodies that run local health consultations, most specific first. */
const ORG_PATTERNS = [
  `NHS\\s+${SEQ}\\s+(?:Clinical\\s+Commissioning\\s+Group|CCG|Integrated\\s+Care\\s+Board|ICB)`,
  `${SEQ}\\s+(?:Clinical\\s+Commissioning\\s+Group|CCG|Primary\\s+Care\\s+Trust|PCT|Integrated\\s+Care\\s+Board|ICB)`,
  `${SEQ}\\s+NHS\\s+(?:Foundation\\s+)?Trust`,
  `(?:Royal|London)\\s+Borough\\s+of\\s+${SEQ}(?:\\s+Council)?`,
  `${SEQ}\\s+Council`,
  `Healthwatch\\s+${SEQ}|${SEQ}\\s+Healthwatch`,
  `${SEQ}\\s+(?:Local\\s+Involvement\\s+Network|LINk|Health\\s+and\\s+Wellbeing\\s+Board)`,
  `Department\\s+of\\s+Health(?:\\s+and\\s+Social\\s+Care)?|NHS\\s+England|Care\\s+Quality\\s+Commission|UK\\s+Health\\s+Security\\s+Agency`,
].map((p) => new RegExp(`(?<![A-Za-z])(?:${p})(?![A-Za-z])`, "g"));
/** "NHS Northshire": only trusted where a name is expected (site name, title, a label). */
const NHS_NAME = new RegExp(`^NHS\\s+${SEQ}$`);
const LEADING_WORDS =
  /^(?:(?:Tell|Contact|About|Welcome|Visit|Ask|Email|Write|Our|Your|This|These|Please|Find|Read|Join|Help|Support|Home|Menu|By|From|Published|Run|Led|Copyright|All|Why|How|What|When|Where|Who|We|You|If|In|At|On|For|To|And|Or|The|A|An|Logo|Go)\s+)+/;

export function looksLikeOrganisation(name: string): boolean {
  const words = name.split(/\s+/).length;
  return ORG_WORDS.test(name) && words <= 12 && /^[A-Z0-9]/.test(name) && !/[.!?]$/.test(name);
}

/** Organisation names written in a piece of text, in order. */
export function organisationsIn(text: string): string[] {
  const found: { index: number; name: string }[] = [];
  for (const pattern of ORG_PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const lead = LEADING_WORDS.exec(m[0])?.[0].length ?? 0;
      const index = m.index + lead;
      const name = m[0].slice(lead).replace(/[’']s$/, "");
      if (!found.some((f) => index < f.index + f.name.length && index + name.length > f.index)) found.push({ index, name });
    }
  }
  return found.sort((a, b) => a.index - b.index).map((f) => f.name);
}

const normal = (s: string) => collapse(s).toLowerCase().replace(/[’]/g, "'");

/** A site or logo name tidied: "Northshire County Council logo", "Go to the ... homepage", "© ... 2024". */
function tidyName(name: string): string {
  return collapse(name)
    .replace(/^(?:©|copyright)\s*(?:\d{4}\s*)?/i, "")
    .replace(/^(?:go\s+to\s+(?:the\s+)?|back\s+to\s+(?:the\s+)?)/i, "")
    .replace(/\s+(?:logo|home\s*page|homepage|website)$/i, "")
    .replace(/[\s,.]*(?:\d{4})?\.?\s*(?:all rights reserved\.?)?$/i, "")
    .trim();
}

/** A name as the organisation, or null for a platform, a site brand or something else. */
function acceptName(raw: string | null, trusted: boolean): string | null {
  if (!raw) return null;
  for (const segment of splitTitle(raw).parts) {
    const name = tidyName(segment);
    if (!name || PLATFORM.test(name)) continue;
    const inside = organisationsIn(name);
    if (inside.length === 1 && inside[0] === name) return name;
    if (NHS_NAME.test(name)) return name;
    if (BRAND.test(name)) {
      if (inside[0]) return inside[0];
      continue;
    }
    if (trusted || looksLikeOrganisation(name)) return name;
  }
  return null;
}

const LABEL_START =
  /^(?:from|published\s+by|organi[sz]ation|lead\s+organi[sz]ation|organi[sz]ed\s+by|consultation\s+by|commissioner|responsible\s+organi[sz]ation)\s*:?\s+(.{3,})$/i;
const LABEL_INSIDE = /\b(?:run|led|organi[sz]ed|carried\s+out|held|published)\s+by\s+(.{3,})$/i;

/** A name given by a label: "From: Department of Health and Social Care", "This survey is run by NHS Northshire ICB". */
function labelled(lines: string[]): string | null {
  for (const line of lines) {
    for (const sentence of line.split(/(?<=[a-z)])[.!?]\s+/)) {
      const m = LABEL_START.exec(sentence) ?? LABEL_INSIDE.exec(sentence);
      if (!m) continue;
      const phrase = m[1]!.replace(/[.;,]\s.*$|[.;,]$/, "").slice(0, 120);
      const inside = organisationsIn(phrase);
      if (inside[0] && phrase.startsWith(inside[0])) return inside[0];
      const accepted = acceptName(phrase.split(/\s+(?:and|in partnership with|with|on behalf of)\s+/)[0] ?? phrase, false);
      if (accepted) return accepted;
    }
  }
  return null;
}

/**
 * The publishing organisation: structured data (JSON-LD organiser, provider, author or
 * publisher; microdata; DC.publisher, meta author), then a label in the text ("From:",
 * "Published by", "run by"), the site name, the title, the logo, and last the organisation
 * named most often on the page (a copyright line counts double).
 */
export function findOrganisation(doc: DomDocument, structured: Structured, lines: string[]): string | null {
  for (const name of structured.organisations) {
    const accepted = acceptName(name, false);
    if (accepted) return accepted;
  }
  const fromLabel = labelled(lines);
  if (fromLabel) return fromLabel;
  const site = acceptName(structured.siteName, false);
  if (site) return site;
  for (const title of [structured.title, doc.title]) {
    const parts = title ? splitTitle(title).parts : [];
    for (const part of parts.slice(1).reverse()) {
      const accepted = acceptName(part, false);
      if (accepted) return accepted;
    }
  }
  for (const el of all(doc, 'header img[alt], [class*="logo" i] img[alt], img[class*="logo" i][alt], a[class*="logo" i][aria-label]')) {
    const accepted = acceptName(el.getAttribute("alt") ?? el.getAttribute("aria-label"), false);
    if (accepted) return accepted;
  }
  const counts = new Map<string, number>();
  const count = (text: string, weight: number) => {
    for (const name of organisationsIn(text)) counts.set(name, (counts.get(name) ?? 0) + weight);
  };
  for (const line of lines) count(line, 1);
  for (const el of all(doc, "footer")) for (const line of textLines(el)) count(line, /©|copyright/i.test(line) ? 3 : 1);
  let best: string | null = null;
  for (const [name, n] of counts) if (!best || n > counts.get(best)!) best = name;
  return best;
}

const SEPARATOR = /\s+(?:[|–—-]|::|»)\s+/g;

/** A title's parts between separators (" - ", " | ", " – "), with the separators between them. */
export function splitTitle(title: string): { parts: string[]; separators: string[] } {
  const parts: string[] = [];
  const separators: string[] = [];
  let last = 0;
  for (const m of title.matchAll(SEPARATOR)) {
    parts.push(title.slice(last, m.index));
    separators.push(m[0]);
    last = m.index + m[0].length;
  }
  parts.push(title.slice(last));
  return { parts: parts.map(collapse), separators };
}

/** The title without parts naming the site, the platform or the organisation ("... - GOV.UK"). */
export function cleanTitle(title: string, names: (string | null)[]): string {
  const known = names.filter((n): n is string => !!n).map(normal);
  const isSite = (part: string) => {
    const p = normal(tidyName(part));
    return (
      PLATFORM.test(p) ||
      known.includes(p) ||
      (organisationsIn(part)[0] === part && part.split(" ").length <= 10) ||
      (BRAND.test(part) && part.split(" ").length <= 5)
    );
  };
  const { parts, separators } = splitTitle(collapse(title));
  let first = 0;
  let last = parts.length - 1;
  while (last > first && isSite(parts[last]!)) last--;
  while (first < last && isSite(parts[first]!)) first++;
  let out = parts[first]!;
  for (let i = first + 1; i <= last; i++) out += separators[i - 1]! + parts[i]!;
  return out;
}

/** The title: the main item's name or og:title, else the heading, else `<title>`, cleaned of site names. */
export function findTitle(doc: DomDocument, structured: Structured, organisation: string | null): string | null {
  const heading = textOf(doc.querySelector("h1"));
  const names = [structured.siteName, organisation];
  for (const raw of [structured.title, heading, doc.title]) {
    if (!raw || !collapse(raw)) continue;
    const title = cleanTitle(raw, names);
    // "Maternity review - Northshire Hospitals" with a heading "Maternity review": the heading.
    if (heading && title !== heading && title.startsWith(heading) && /^\s+(?:[|–—-]|::|»)\s+/.test(title.slice(heading.length)))
      return heading;
    return title;
  }
  return null;
}
