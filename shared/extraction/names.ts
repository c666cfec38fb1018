// Organisation names as pages write them: the patterns of the bodies that run local health
// consultations ("NHS Northshire CCG", "Northshire Hospitals NHS Foundation Trust", "Healthwatch
// Northshire"), and the platforms, site brands, programmes and newspapers that are not one.
import { collapse } from "./dom";

/** Hosting platforms and site brands that are not the organisation running the consultation ("Healthwatch" alone is the network's brand). */
export const PLATFORM =
  /^(?:gov\.uk|citizen\s*space|delib|engagement\s*hq|bang\s+the\s+table|granicus|smart\s*survey|survey\s*monkey|microsoft\s+forms|google\s+forms|jotform|nhs(?:\.uk)?|healthwatch|home|homepage|consultations?|consultation\s+hub|have\s+your\s+say|get\s+involved|news|[\w-]+(?:\.[\w-]+)+)$/i;
/** Engagement sites and newspapers: their names are not the body consulting, though they may contain it. */
export const BRAND =
  /\b(?:have\s+your\s+say|engage|engagement\s*hq|consultation\s+(?:hub|portal|finder)|let'?s\s+talk|get\s+involved|your\s+voice|citizen\s*space|survey|gazette|chronicle|herald|echo|mercury|times|weekly|journal|magazine|bulletin|advertiser|observer|telegraph|courier|argus|examiner|post)\b/i;
/** Programmes of change named like a slogan ("Our Health, Our Future", "Better Hospitals for Southvale"), run by the bodies behind them. */
const PROGRAMME = /^(?:our|better|healthier|healthy|fit\s+for|shaping|building|improving|transforming)\b/i;
const ORG_WORDS =
  /\b(?:NHS|Trust|Council|CCG|ICB|ICS|PCT|Commissioning|Department|Healthwatch|Board|Authority|Agency|Commission|Partnership|Hospitals?|University|Care|Health|Borough|LINk|Government|Ministry|Office|Executive|Services?|Foundation|Practice|Surgery|Medical|Network|Alliance|Collaborative)\b/;

const CAP = "[A-Z][A-Za-z'’.&-]*";
/** A word of a GP practice's name, not the end of another's: "Oakfield Surgery and Riverside Medical Practice" are two. */
const PRACTICE_WORD = `(?!(?:Surgery|Medical|Practice|Centre)\\b)${CAP}`;
export const SEQ = `${CAP}(?:\\s+(?:(?:of|and|upon|on|in|the|&|for)\\s+)*${CAP}){0,6}`;
/** Names of the bodies that run local health consultations, most specific first. */
const ORG_PATTERNS = [
  `NHS\\s+${SEQ}\\s+(?:Clinical\\s+Commissioning\\s+Group|CCG|Integrated\\s+Care\\s+Board|ICB)`,
  `${SEQ}\\s+(?:Clinical\\s+Commissioning\\s+Group|CCG|Primary\\s+Care\\s+Trust|PCT|Integrated\\s+Care\\s+Board|ICB)`,
  `${SEQ}\\s+NHS\\s+(?:Foundation\\s+)?Trust`,
  `(?:Royal|London)\\s+Borough\\s+of\\s+${SEQ}(?:\\s+Council)?`,
  `${SEQ}\\s+Council`,
  `Healthwatch\\s+${SEQ}|${SEQ}\\s+Healthwatch`,
  `${SEQ}\\s+(?:Local\\s+Involvement\\s+Network|LINk|Health\\s+and\\s+Wellbeing\\s+Board)`,
  `${SEQ.replaceAll(CAP, PRACTICE_WORD)}\\s+(?:Surgery|Medical\\s+(?:Centre|Practice|Group)|Health\\s+Centre)`,
  `Department\\s+of\\s+Health(?:\\s+and\\s+Social\\s+Care)?|NHS\\s+England|Care\\s+Quality\\s+Commission|UK\\s+Health\\s+Security\\s+Agency`,
].map((p) => new RegExp(`(?<![A-Za-z])(?:${p})(?![A-Za-z])`, "g"));
/** "NHS Northshire": only trusted where a name is expected (site name, title, a label). */
export const NHS_NAME = new RegExp(`^NHS\\s+${SEQ}$`);
const LEADING_WORDS =
  /^(?:(?:Tell|Contact|About|Welcome|Visit|Ask|Email|Write|Our|Your|This|These|Please|Find|Read|Join|Help|Support|Home|Menu|By|From|Published|Run|Led|Copyright|All|Why|How|What|When|Where|Who|We|You|If|In|At|On|For|To|And|Or|The|A|An|Logo|Go)\s+)+/;

/** Words an organisation's name may have in lower case: "Department of Health and Social Care". */
const CONNECTIVES = /^(?:of|and|upon|on|in|the|for|&)$/;

/** A name with an organisation's word, written as a name: capitals but for connectives ("Southvale Community Hospital redevelopment" is a project). */
export function looksLikeOrganisation(name: string): boolean {
  const words = name.split(/\s+/);
  const asAName = /^[A-Z0-9]/.test(name) && words.every((w) => /^[A-Z0-9(&]/.test(w) || CONNECTIVES.test(w));
  return ORG_WORDS.test(name) && words.length <= 12 && asAName && !/[.!?]$/.test(name);
}

/** Organisation names written in a piece of text, in order, with where each starts. */
export function organisationsAt(text: string): { index: number; name: string }[] {
  const found: { index: number; name: string }[] = [];
  for (const pattern of ORG_PATTERNS) {
    for (const m of text.matchAll(pattern)) {
      const lead = LEADING_WORDS.exec(m[0])?.[0].length ?? 0;
      const index = m.index + lead;
      const name = m[0].slice(lead).replace(/[’']s$/, "");
      if (!found.some((f) => index < f.index + f.name.length && index + name.length > f.index)) found.push({ index, name });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Organisation names written in a piece of text, in order. */
export function organisationsIn(text: string): string[] {
  return organisationsAt(text).map((f) => f.name);
}

export const normal = (s: string) => collapse(s).toLowerCase().replace(/[’]/g, "'");

/** A site or logo name tidied: "Northshire County Council logo", "Go to the ... homepage", "© ... 2024". */
export function tidyName(name: string): string {
  return collapse(name)
    .replace(/^(?:©|copyright)\s*(?:\d{4}\s*)?/i, "")
    .replace(/^(?:go\s+to\s+(?:the\s+)?|back\s+to\s+(?:the\s+)?)/i, "")
    .replace(/\s+(?:logo|home\s*page|homepage|website)$/i, "")
    .replace(/[\s,.]*(?:\d{4})?\.?\s*(?:all rights reserved\.?)?$/i, "")
    .trim();
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

/** A name as the organisation, or null for a platform, a site brand or something else. */
export function acceptName(raw: string | null, trusted: boolean): string | null {
  if (!raw) return null;
  for (const segment of splitTitle(raw).parts) {
    const name = tidyName(segment);
    if (!name || PLATFORM.test(name)) continue;
    const inside = organisationsIn(name);
    if (inside.length === 1 && inside[0] === name) return name;
    if (NHS_NAME.test(name)) return name;
    if (BRAND.test(name) || PROGRAMME.test(name)) {
      if (inside[0]) return inside[0];
      continue;
    }
    if (trusted || looksLikeOrganisation(name)) return name;
  }
  return null;
}
