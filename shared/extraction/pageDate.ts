// The page's own date, for years and relative days ("closes tomorrow") the text leaves open: its
// metadata's publication date, else a dated byline (`<time datetime>` outside the consultation's
// own dates), else a date in its address ("/news/2018/07/25/…"). The visible "Published 12
// January 2024" and the nearest dated context are read with the text (./periods).
import { calendarDate, parseMachineDate } from "./dates";
import { all, textOf, type DomDocument, type DomElement } from "./dom";
import { roleFromContext } from "./periods";
import type { CalendarDate } from "../time";

/** "/2018/07/25/", "/2022-03-14/", "/2017/11/": a year and month, with the day where given. */
const DATE_IN_PATH = /\/((?:19|20)\d{2})[/-](0?[1-9]|1[0-2])(?:[/-](0?[1-9]|[12]\d|3[01]))?(?=[/-]|$)/;

export function dateInAddress(url: string): CalendarDate | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = DATE_IN_PATH.exec(path);
  return m ? calendarDate(Number(m[1]), Number(m[2]), Number(m[3] ?? 1)) : null;
}

/** The first `<time datetime>` of the main content that is not an opening or closing date ("Closes <time…>"). */
function bylineDate(root: DomElement | null): CalendarDate | null {
  if (!root) return null;
  for (const el of all(root, "time[datetime]")) {
    if (el.closest("nav, aside, footer, [role=navigation], [role=complementary]")) continue;
    const role = roleFromContext(textOf(el.parentElement).split(textOf(el))[0] ?? "");
    if (role === "opens" || role === "closes") continue;
    const when = parseMachineDate(el.getAttribute("datetime"));
    if (when) return when.date;
  }
  return null;
}

export function pageDate(doc: DomDocument, root: DomElement | null, url: string, published: CalendarDate | null): CalendarDate | null {
  return published ?? bylineDate(root ?? doc.body) ?? dateInAddress(url);
}
