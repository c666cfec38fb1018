// A short plain-text summary: the page's own description when it gives one, else the first
// substantial paragraphs of the main text (as `mainContent`, e.g. Readability, finds it), or of
// the page's main element.
import { findDateMentions } from "./dates";
import { all, collapse, textOf, type DomDocument, type DomElement } from "./dom";

export const SUMMARY_LIMIT = 500;
const MIN_DESCRIPTION = 40;

/** Text cut to at most `limit` characters at a word boundary, ending "…" when cut. */
export function cutText(text: string, limit = SUMMARY_LIMIT): string {
  const clean = collapse(text);
  if (clean.length <= limit) return clean;
  const room = clean.slice(0, limit); // one character is kept for the ellipsis
  const space = room.lastIndexOf(" ", limit - 1);
  const head = (space > limit / 2 ? room.slice(0, space) : room.slice(0, limit - 1)).replace(/[\s,;:–—-]+$/, "");
  return `${head}…`;
}

const substantial = (text: string) => text.split(" ").length >= 8 && !/\bcookies?\b/i.test(text);
/** "The consultation runs from 1 June to 24 August 2024.": dates, not what the consultation is about. */
const onlyDates = (text: string) => text.length < 120 && findDateMentions(text).some((m) => !m.relative);

function paragraphsOf(root: DomElement): string[] {
  return all(root, "p")
    .filter((p) => !p.closest("nav, aside, footer, form, [role=navigation], [role=complementary], [hidden]"))
    .map((p) => textOf(p))
    .filter(substantial);
}

function joinUpTo(paragraphs: string[], limit: number): string {
  const about = paragraphs.filter((p) => !onlyDates(p));
  let text = "";
  for (const p of about.length ? about : paragraphs) {
    if (text.length >= limit) break;
    text = text ? `${text} ${p}` : p;
  }
  return text;
}

export type MainContentFinder = (doc: DomDocument) => DomElement | null;

/** At most 500 characters of plain text, or null when the page has nothing that reads as a summary. */
export function summarise(
  doc: DomDocument,
  description: string | null,
  root: DomElement | null,
  mainContent?: MainContentFinder,
): string | null {
  const described = collapse(description);
  if (described.length >= MIN_DESCRIPTION) return cutText(described);
  const content = mainContent?.(doc);
  let paragraphs = content ? paragraphsOf(content) : [];
  if (!paragraphs.length && root) paragraphs = paragraphsOf(root);
  const text = joinUpTo(paragraphs, SUMMARY_LIMIT) || described;
  return text ? cutText(text) : null;
}
