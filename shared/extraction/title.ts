// The page's title without its site suffix ("... - GOV.UK", "... | NHS Northshire CCG").
import { collapse, textOf, type DomDocument } from "./dom";
import { BRAND, normal, organisationsIn, PLATFORM, splitTitle, tidyName } from "./names";
import type { Structured } from "./structured";

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
