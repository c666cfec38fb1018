// Which of the dates on a page open and close the consultation. Each date takes a role from the
// words before it in its sentence ("closes", "by", "from"); ranges pair an opening with a closing
// ("runs from 1 June to 24 August"); where a page gives more than one period the current one wins
// (an extension or a renotification over the original, the present over the past: "last year's
// survey closed on…"). A year left unstated comes from the page's own date, else from the nearest
// date on the page that states one, and from today only when the page states no date at all.
import { addCalendarDays, dayOfWeek, type CalendarDate } from "../time";
import { calendarDate, daysInMonth, findDateMentions, RELATIVE_DAY, type DateFinder, type DateMention, type When } from "./dates";

export type Role = "opens" | "closes" | "published" | "ignored" | null;

const CLOSES =
  /\b(?:clos(?:e|es|ed|ing)|deadline|end\s+date|end(?=\s*:)|ends|ended|ending|finish(?:es|ed|ing)?|expir(?:es|y|ed)|last\s+(?:day|date)|no\s+later\s+than|extended)\b/gi;
const OPENS =
  /\b(?:opens?|opened|opening|launch(?:es|ed|ing)?|start(?:s|ed|ing)?|began|begins?|commenc(?:es|ed|ing)|go(?:es)?\s+live|went\s+live)\b/gi;
const PUBLISHED = /\b(?:published|posted|issued|released|date\s+of\s+publication)\b/gi;
const IGNORED =
  /\b(?:updated?|reviewed|review|modified|edited|created|printed|accessed|copyright|report(?:ed)?\s+back|results?|outcomes?|decisions?|minutes|agenda)\b|©/gi;
const WEAK_CLOSES = /\b(?:by|until|till|before|up\s+to|through)(?:\s|,|:|\bthe\b|\bon\b)*$/i;
/** "will be published by", "a decision will be made by": when something else happens, not a deadline for views. */
const NOT_A_DEADLINE =
  /\b(?:publish(?:ed)?|report(?:ed)?|announced|available|made|decided|known|ready|confirmed)\s+(?:by|before|until)(?:\s|,|:|\bthe\b|\bon\b)*$/i;
const WEAK_OPENS = /\b(?:from|between|since)(?:\s|,|:|\bthe\b|\bon\b)*$/i;
const CONNECTOR = /^(?:\s|,)*(?:to|and|until|till|through|-|–|—)(?:\s|\bthe\b|\bon\b)*$/i;
const RANGE_CONTEXT =
  /\b(?:from|between|runs?|running|ran|open|period|dates?|window|consultation|survey|engagement|take\s+part|held|live|weeks?)\b/i;
/** Dates of sessions and bookings, not of the consultation: "drop-in sessions from 2 December". */
export const EVENTS = /\b(?:drop-?ins?|sessions?|events?|meetings?|workshops?|roadshows?|webinars?|book(?:ing)?|appointments?|clinics?)\b/i;
/** A sentence that moves the closing date: its "to"/"until" date is the new one, its "from" date the old. */
const EXTENSION =
  /\b(?:extend(?:s|ed|ing)?|extension|new\s+(?:closing\s+)?(?:date|deadline)|now\s+(?:closes?|ends?|runs?\s+until)|renotif(?:y|ied|ication))\b/i;
const UNTIL = /\b(?:to|until|till)\s*$/i;
/** A period the page says is over or replaced, when it also gives a current one. */
const PAST =
  /\b(?:closed|ended|ran|finished|was|were|original(?:ly)?|previous(?:ly)?|first\s+(?:round|period|phase)|phase\s+(?:one|1)|last\s+year'?s)\b/i;
/** An opening word is about the consultation, not a new service or a policy: "the survey opened on…", not "the service will start on…". */
const CONSULTATION =
  /\b(?:consultation|consulting|survey|questionnaire|engagement|listening|exercise|period|representations?|comments?|feedback|views|responses?|say|petition|notification|it)\b/i;
/** "until tomorrow (Friday 24 June)": the relative word is read through to the date in brackets. */
const RELATIVE_BEFORE_BRACKET = new RegExp(`\\s*${RELATIVE_DAY}\\s*\\(\\s*$`, "i");

function lastEnd(re: RegExp, text: string): number {
  let end = -1;
  for (const m of text.matchAll(re)) end = m.index + m[0].length;
  return end;
}

/** The role a date plays from the words before it in its sentence. */
export function roleFromContext(context: string): Role {
  const candidates: [Role, number][] = [
    ["closes", lastEnd(CLOSES, context)],
    ["opens", lastEnd(OPENS, context)],
    ["published", lastEnd(PUBLISHED, context)],
    ["ignored", lastEnd(IGNORED, context)],
  ];
  // "by", "until", "from" only count when the sentence is not about results or sessions.
  const weak = (role: Role): Role =>
    lastEnd(IGNORED, context) >= 0 || NOT_A_DEADLINE.test(context) ? "ignored" : EVENTS.test(context) ? null : role;
  if (WEAK_CLOSES.test(context)) candidates.push([weak("closes"), context.length + 1]);
  if (WEAK_OPENS.test(context)) candidates.push([weak("opens"), context.length + 1]);
  const [role, end] = candidates.reduce((best, c) => (c[1] > best[1] ? c : best));
  return end >= 0 ? role : null;
}

interface Classified extends DateMention {
  role: Role;
  context: string;
  /** Index of the opening date this one closes a range with. */
  rangeOf: number | null;
  /** Stated as the new closing date: "extended to…", "now closes…". */
  extended: boolean;
  /** Of a period the page says is over or replaced: "last year's survey closed on…", "the original deadline". */
  superseded: boolean;
}

function sentenceStart(line: string, from: number, to: number): number {
  let start = from;
  for (const m of line.slice(from, to).matchAll(/[.!?]\s+(?=[A-Z])/g)) start = from + m.index + m[0].length;
  return start;
}

/** An opening date counts when its sentence is about the consultation, or it stands in a label ("Start date: 1 July 2024"). */
function aboutTheConsultation(line: string, context: string, m: DateMention): boolean {
  const rest = line.slice(m.to);
  const sentenceEnd = /[.!?]\s+(?=[A-Z])/.exec(rest)?.index ?? rest.length;
  const sentence = line.slice(sentenceStart(line, 0, m.from), m.to + sentenceEnd);
  // Joined labels ("Community dental service review: Opened ") count from their last part.
  const labelText = context.replace(/^.*:\s+(?=\S)/, "").trim();
  const label = labelText.length <= 30 && rest.replace(/^[\s.,;)]+/, "").length <= 25;
  return label || CONSULTATION.test(sentence);
}

function classifyLine(line: string, find: DateFinder): Classified[] {
  const mentions = find(line);
  const out: Classified[] = [];
  for (const [i, m] of mentions.entries()) {
    const prev = out[i - 1];
    const context = line.slice(sentenceStart(line, prev?.to ?? 0, m.from), m.from).replace(RELATIVE_BEFORE_BRACKET, " ");
    let role = roleFromContext(context);
    let extended = false;
    let superseded = PAST.test(context);
    if (EXTENSION.test(line.slice(sentenceStart(line, 0, m.from), m.from))) {
      if (WEAK_OPENS.test(context)) {
        role = "closes";
        superseded = true;
      } else if (UNTIL.test(context) || role === "closes") {
        role = "closes";
        extended = true;
        superseded = false;
      }
    }
    if (role === "opens" && !aboutTheConsultation(line, context, m)) role = null;
    const item: Classified = { ...m, role, context, rangeOf: null, extended, superseded };
    if (prev && CONNECTOR.test(line.slice(prev.to, m.from))) {
      if (prev.role === "opens" || (prev.role === null && RANGE_CONTEXT.test(prev.context) && !EVENTS.test(prev.context))) {
        prev.role = "opens";
        item.role = "closes";
        item.rangeOf = i - 1;
        // A period is over, or current, as a whole: "Representations were invited from 3 July to 14 August".
        prev.superseded = item.superseded = prev.superseded || item.superseded;
      }
    }
    out.push(item);
  }
  return out;
}

/**
 * The year for a day and month written without one: the first such date not more than
 * `graceDays` before the reference date (the page's publication date, or today). A stated
 * weekday picks the year where the day falls on it, when one of the three nearest does.
 */
export function resolveYear(
  month: number,
  day: number,
  reference: CalendarDate,
  weekday: number | null = null,
  graceDays = 60,
): CalendarDate | null {
  const year = Number(reference.slice(0, 4));
  if (weekday !== null) {
    for (const y of [year - 1, year, year + 1]) {
      const date = calendarDate(y, month, day);
      if (date && dayOfWeek(date) === weekday) return date;
    }
  }
  const floor = Date.parse(reference) - graceDays * 86_400_000;
  for (let y = year - 1; y <= year + 4; y++) {
    const date = calendarDate(y, month, day);
    if (date && Date.parse(date) >= floor) return date;
  }
  return null;
}

const monthDay = (m: { month: number; day: number }) => m.month * 100 + m.day;

export interface FoundDates {
  opens: When | null;
  closes: When | null;
  /** The publication date the text states ("Published 12 January 2024"). */
  published: CalendarDate | null;
}

export interface DateOptions {
  /** The clip's date: the reference for years only when the page states no date at all. */
  today: CalendarDate;
  /** The page's own date from its metadata, a dated byline or its address. */
  published?: CalendarDate | null;
  /** The date recogniser; ours by default. */
  findDates?: DateFinder;
}

/**
 * The date written with a year nearest to the i-th mention, earlier ones first: the page's
 * "nearest dated context". For a relative day only a date that is not itself an opening or
 * closing date will do ("Thursday 23 June 2022 … until tomorrow").
 */
function nearestDated(all: Classified[], i: number, pageLike = false): CalendarDate | null {
  const dated = (m: Classified | undefined) =>
    m && m.year !== null && !m.relative && !(pageLike && (m.role === "opens" || m.role === "closes"))
      ? calendarDate(m.year, m.month, m.day)
      : null;
  for (let step = 1; step < all.length; step++) {
    const date = dated(all[i - step]) ?? dated(all[i + step]);
    if (date) return date;
  }
  return null;
}

/** Opening and closing dates from lines of page text. */
export function findConsultationDates(lines: string[], opts: DateOptions): FoundDates {
  const find = opts.findDates ?? findDateMentions;
  const all: Classified[] = [];
  for (const line of lines) {
    const offset = all.length;
    for (const c of classifyLine(line, find)) all.push({ ...c, rangeOf: c.rangeOf === null ? null : c.rangeOf + offset });
  }
  const statedPublished = all.find((m) => m.role === "published" && m.year !== null && !m.relative);
  const published = statedPublished ? calendarDate(statedPublished.year ?? 0, statedPublished.month, statedPublished.day) : null;
  const pageDate = opts.published ?? published;
  // Relative days ("closes tomorrow") need the page's date; the clock would only guess.
  const anchorOf = (m: Classified) => pageDate ?? nearestDated(all, all.indexOf(m), true);
  const referenceOf = (m: Classified) => pageDate ?? nearestDated(all, all.indexOf(m)) ?? opts.today;

  // Ranges share a year: "from 1 December to 24 January 2025" opened in December 2024.
  for (const close of all) {
    if (close.rangeOf === null) continue;
    const open = all[close.rangeOf];
    if (!open || open.relative || close.relative) continue;
    if (open.year === null && close.year !== null) open.year = close.year - (monthDay(open) > monthDay(close) ? 1 : 0);
    else if (close.year === null && open.year !== null) close.year = open.year + (monthDay(close) < monthDay(open) ? 1 : 0);
    else if (close.year === null && open.year === null) {
      const date = resolveYear(close.month, close.day, referenceOf(close), close.weekday);
      if (date) {
        close.year = Number(date.slice(0, 4));
        open.year = close.year - (monthDay(open) > monthDay(close) ? 1 : 0);
      }
    }
  }

  const when = (m: Classified) => toWhen(m, referenceOf(m), anchorOf(m));
  // Only dates that resolve compete: "closes tomorrow" on a page with no date of its own does not.
  const closing = all.filter((m) => m.role === "closes" && when(m));
  const closeMention = closing.findLast((m) => m.extended) ?? closing.find((m) => !m.superseded) ?? closing[0];
  const opening = all.filter((m) => m.role === "opens" && when(m));
  const ranged = closeMention?.rangeOf != null ? all[closeMention.rangeOf] : undefined;
  const openMention = ranged ?? opening.find((m) => !m.superseded) ?? opening[0];
  let closes = closeMention ? when(closeMention) : null;
  let opens = openMention ? when(openMention) : null;
  // A closing date stated twice, once with its time: keep the time.
  if (closes && closes.time === null) {
    const date = closes.date;
    const timed = closing.map(when).find((w) => w?.date === date && w.time !== null);
    if (timed) closes = timed;
  }
  if (opens && closes && closeMention && openMention && opens.date > closes.date) {
    if (closeMention.year === null && !closeMention.relative) closes = { ...closes, date: shiftYear(closes.date, 1) };
    else if (openMention.year === null && !openMention.relative) opens = { ...opens, date: shiftYear(opens.date, -1) };
  }
  // "merging into one practice from 1 April 2023" did not open a consultation that closes in January: an earlier opening date did.
  if (opens && closes && opens.date > closes.date) {
    const closing = closes.date;
    opens = opening.map(when).find((w) => w !== null && w.date <= closing) ?? opens;
  }
  return { opens, closes, published };
}

function shiftYear(date: CalendarDate, years: number): CalendarDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return calendarDate(y + years, m, d) ?? calendarDate(y + years, m, d - 1) ?? date;
}

function toWhen(m: DateMention, reference: CalendarDate, anchor: CalendarDate | null): When | null {
  if (m.relative) {
    if (!anchor) return null;
    const days = "days" in m.relative ? m.relative.days : (m.relative.weekday - dayOfWeek(anchor) + 7) % 7;
    return { date: addCalendarDays(anchor, days), time: m.time };
  }
  let date = m.year !== null ? calendarDate(m.year, m.month, m.day) : resolveYear(m.month, m.day, reference, m.weekday);
  if (date && m.endOfMonth) {
    const year = Number(date.slice(0, 4));
    date = calendarDate(year, m.month, daysInMonth(year, m.month));
  }
  return date ? { date, time: m.time } : null;
}
