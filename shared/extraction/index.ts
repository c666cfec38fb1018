// The extraction core: what a consultation page says about itself. Runs on the browser's live
// DOM in the content script and on linkedom's DOM from the command line (`npm run clip`).
import { londonClock, whenToIso, type DateFinder, type When } from "./dates";
import { mainRoot, textLines, type DomDocument } from "./dom";
import { findOrganisation } from "./organisation";
import { pageDate } from "./pageDate";
import { findConsultationDates } from "./periods";
import { readStructured } from "./structured";
import { summarise, type MainContentFinder } from "./summary";
import { findTitle } from "./title";

export type { DateFinder, DateMention } from "./dates";
export type { DomDocument, DomElement } from "./dom";
export type { MainContentFinder } from "./summary";

/** What the page says; null where it does not say. Instants are ISO 8601 UTC strings. */
export interface Extracted {
  title: string | null;
  organisation: string | null;
  opensAt: string | null;
  closesAt: string | null;
  /** Plain text, at most 500 characters. */
  summary: string | null;
  url: string;
}

export interface ExtractOptions {
  /** "Today": the year for dates written without one, only when the page states no date of its own. Defaults to now. */
  now?: Date;
  /**
   * Finds the article's main text for the summary when the page gives no description, e.g.
   * `readabilityContent` from "./readability". Without it, the page's main element is read.
   */
  mainContent?: MainContentFinder;
  /** The recogniser of dates in text; ours by default (the fixture comparison passes chrono-node's). */
  findDates?: DateFinder;
}

/** Structured data's date, given the time the text states for the same day. */
function withTextTime(structured: When | null, text: When | null): When | null {
  if (!structured) return text;
  if (!structured.time && !structured.instant && text?.date === structured.date && text.time) return text;
  return structured;
}

export function extractConsultation(doc: DomDocument, url: string, opts: ExtractOptions = {}): Extracted {
  const structured = readStructured(doc);
  const root = mainRoot(doc);
  const lines = textLines(root);
  const dateOptions = {
    today: londonClock(opts.now ?? new Date()).date,
    published: pageDate(doc, root, url, structured.published),
    ...(opts.findDates ? { findDates: opts.findDates } : {}),
  };
  const withDescription = (text: string[]) => (structured.description ? [...text, structured.description] : text);
  let found = findConsultationDates(withDescription(lines), dateOptions);
  if (!found.opens && !found.closes) {
    // Some platforms put the key dates in a sidebar, outside the main content or beside it.
    found = findConsultationDates(withDescription(textLines(doc.body, { asides: true })), dateOptions);
  }
  const organisation = findOrganisation(doc, structured, lines);
  const closesAt = whenToIso(withTextTime(structured.closes, found.closes), "end");
  let opensAt = whenToIso(withTextTime(structured.opens, found.opens), "start");
  if (opensAt && closesAt && opensAt >= closesAt) opensAt = null;
  return {
    title: findTitle(doc, structured, organisation),
    organisation,
    opensAt,
    closesAt,
    summary: summarise(doc, structured.description, root, opts.mainContent),
    url,
  };
}
