// Opening and closing dates read from page text, the British way: day before month always
// (03/05/2024 is 3 May), month names and abbreviations, ordinals, weekdays, times such as
// "11:59pm", "5pm", "17:00", "noon" and "midnight", and the phrases consultations use:
// "closes at 11:59pm on 12 March 2024", "Closing date: 5 January", "Have your say by Friday 3 May",
// "runs from 1 June to 24 August", "open until the end of March". A date without a year takes
// the nearest sensible year relative to the page's publication date (or today).
import { TZDate } from "@date-fns/tz";
import { dayOfWeek, endOfLondonDay, isCalendarDate, LONDON, londonInstant, startOfLondonDay, type CalendarDate } from "../time";

/** A London date with an optional wall-clock time ("HH:mm"); `instant` when the source gave an exact moment. */
export interface When {
  date: CalendarDate;
  time: string | null;
  instant?: string;
}

/** A date written in a line of text, before its year is known. */
export interface DateMention {
  /** Where the date itself (weekday included) starts and ends in the line. */
  start: number;
  end: number;
  /** Where the mention starts counting a time stated before it ("at 5pm on ..."), and ends counting one after it. */
  from: number;
  to: number;
  day: number;
  month: number;
  year: number | null;
  weekday: number | null;
  /** "HH:mm"; null when no time is stated, or for midnight (the day's boundary). */
  time: string | null;
  /** "the end of March": the month's last day, known once its year is (28 or 29 February). */
  endOfMonth?: boolean;
}

export type Role = "opens" | "closes" | "published" | "ignored" | null;

const MONTH =
  "(?<MONTH>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";
const WEEKDAY =
  "(?<WEEKDAY>mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\\.?";
const ORDINAL = "\\s?(?:st|nd|rd|th)?";
const YEAR = "(?<YEAR>(?:19|20)\\d{2})(?!\\d)";
const named = (pattern: string, suffix: string) => pattern.replace(/\(\?<([A-Z]+)>/g, `(?<$1${suffix}>`);
const weekdayPrefix = (suffix: string) => `(?:${named(WEEKDAY, suffix)},?\\s+(?:the\\s+)?)?`;

const PATTERNS: RegExp[] = [
  // "1 to 24 August 2024", "Monday 3 - Friday 7 June"
  new RegExp(
    `(?<![\\d:£$.,/])${weekdayPrefix("A")}(?<dayA>\\d{1,2})${ORDINAL}\\s*(?:-|–|—|to|until|till|and)\\s*${weekdayPrefix("")}(?<day>\\d{1,2})${ORDINAL}(?:\\s+of)?\\s+${MONTH}(?:,?\\s+${YEAR})?(?![a-z])`,
    "gid",
  ),
  // "Friday 3rd May 2024", "12 Mar. 2024", "the 5th of January"
  new RegExp(`(?<![\\d:£$.,/])${weekdayPrefix("")}(?<day>\\d{1,2})${ORDINAL}(?:\\s+of)?\\s+${MONTH}(?:,?\\s+${YEAR})?(?![a-z])`, "gi"),
  // "2024-03-12", "2024-03-12T17:00"
  /(?<![\d-])(?<YEAR>\d{4})-(?<monthNumber>\d{2})-(?<day>\d{2})(?:[T ](?<isoTime>\d{2}:\d{2}))?(?![\d-])/g,
  // "03/05/2024", "3.5.24": always day first
  /(?<![\d/.\-:£$])(?<day>\d{1,2})(?<sep>[/.-])(?<monthNumber>\d{1,2})\k<sep>(?<YEAR>(?:19|20)?\d{2})(?![\d/.-]|:\d)/g,
  // "May 3rd, 2024" (month first, written out: still unambiguous)
  new RegExp(
    `(?<![a-z])${weekdayPrefix("")}${MONTH}\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?(?![\\d:.]|\\s*[ap]\\.?m\\b)(?:,?\\s+${YEAR})?(?![a-z])`,
    "gi",
  ),
  // "the end of March", "end of Sept 2025": the last day of the month
  new RegExp(`(?<![a-z])(?:the\\s+)?(?<endOf>end)\\s+of\\s+${MONTH}(?:,?\\s+${YEAR})?(?![a-z])`, "gi"),
];
const MONTH_FIRST = PATTERNS[4]!;

/** The last day of a month: 28 or 29 February, 30 or 31 for the others. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const TIME =
  "(?:(?<h12>\\d{1,2})(?:[:.](?<m12>\\d{2}))?\\s*(?<ap>[ap])\\.?\\s?m\\b\\.?|(?<h24>[01]?\\d|2[0-3])[:.](?<m24>[0-5]\\d)(?!\\d)(?:\\s*(?:hrs|hours|h)\\b)?|(?:12(?:[:.]00)?\\s*)?(?<word>noon|midday|mid-day|midnight))";
const TIME_BEFORE = new RegExp(`(?<![\\d:.£$])${TIME}\\s*(?:,\\s*)?(?:on\\s+(?:the\\s+)?)?$`, "i");
const TIME_AFTER = new RegExp(`^\\s*(?:,\\s*|[-–]\\s*|\\(\\s*)?(?:at\\s+|by\\s+)?${TIME}`, "i");

const MONTH_KEYS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const WEEKDAY_KEYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/** A valid "YYYY-MM-DD" for the given parts, or null (31 June, 29 February 2025). */
export function calendarDate(year: number, month: number, day: number): CalendarDate | null {
  const value = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  return isCalendarDate(value) ? value : null;
}

/** A time's groups as "HH:mm"; null for midnight; undefined when it is not a time of day. */
function timeOf(groups: Record<string, string | undefined>): string | null | undefined {
  let hours: number;
  let minutes: number;
  if (groups.word) {
    if (groups.word.toLowerCase() === "midnight") return null;
    return "12:00";
  } else if (groups.ap) {
    hours = Number(groups.h12);
    minutes = Number(groups.m12 ?? 0);
    if (hours < 1 || hours > 12 || minutes > 59) return undefined;
    hours = (hours % 12) + (groups.ap.toLowerCase() === "p" ? 12 : 0);
    if (hours === 0 && minutes === 0) return null; // 12am: midnight
  } else {
    hours = Number(groups.h24);
    minutes = Number(groups.m24);
  }
  return `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
}

/** Every date written in a line, in order, with any time stated just before or after it. */
export function findDateMentions(line: string): DateMention[] {
  const found: DateMention[] = [];
  const overlaps = (start: number, end: number) => found.some((m) => start < m.end && end > m.start);
  for (const pattern of PATTERNS) {
    for (const match of line.matchAll(pattern)) {
      const g = match.groups ?? {};
      const start = match.index;
      const end = start + match[0].length;
      if (overlaps(start, end)) continue;
      // Month first, or "end of" a month, only when the month is written with a capital: "you may 3"
      // is not a date.
      if ((pattern === MONTH_FIRST || g.endOf) && !/^[A-Z]/.test(g.MONTH ?? "")) continue;
      const month = g.MONTH ? MONTH_KEYS.indexOf(g.MONTH.slice(0, 3).toLowerCase()) + 1 : Number(g.monthNumber);
      let year = g.YEAR ? Number(g.YEAR) : null;
      if (year !== null && year < 100) year += 2000;
      const weekday = g.WEEKDAY ? WEEKDAY_KEYS.indexOf(g.WEEKDAY.slice(0, 3).toLowerCase()) : null;
      // The end of a month without a year counts as its shortest, until the year is known (toWhen).
      const day = g.endOf ? daysInMonth(year ?? 2023, month) : Number(g.day);
      if (!validParts(year, month, day)) continue;
      const base = { month, year, from: start, to: end, time: g.isoTime ?? null };
      if (g.dayA !== undefined) {
        // A day range: "1 to 24 August" is two dates sharing a month.
        const dayA = Number(g.dayA);
        const weekdayA = g.WEEKDAYA ? WEEKDAY_KEYS.indexOf(g.WEEKDAYA.slice(0, 3).toLowerCase()) : null;
        if (!validParts(year, month, dayA) || dayA >= day) continue;
        const spans = match.indices!.groups!;
        const firstStart = spans.dayA![0];
        const firstEnd = firstStart + /^\d{1,2}\s?(?:st|nd|rd|th)?\b/.exec(line.slice(firstStart))![0].length;
        const secondStart = (spans.WEEKDAY ?? spans.day)![0];
        found.push({ ...base, start, end: firstEnd, to: firstEnd, day: dayA, weekday: weekdayA });
        found.push({ ...base, start: secondStart, end, from: secondStart, day, weekday });
      } else {
        found.push({ ...base, start, end, day, weekday, ...(g.endOf ? { endOfMonth: true } : {}) });
      }
    }
  }
  found.sort((a, b) => a.start - b.start);
  attachTimes(line, found);
  return found;
}

function validParts(year: number | null, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  return calendarDate(year ?? 2024, month, day) !== null; // 2024 is a leap year: 29 February may be valid
}

/** A time before a date ("at 11:59pm on") or right after it ("12 March 2024, 5pm"). */
function attachTimes(line: string, mentions: DateMention[]): void {
  let previousEnd = 0;
  for (const [i, m] of mentions.entries()) {
    const gapStart = Math.max(previousEnd, m.start - 40);
    const before = TIME_BEFORE.exec(line.slice(gapStart, m.start));
    const nextStart = mentions[i + 1]?.start ?? line.length;
    const after = TIME_AFTER.exec(line.slice(m.end, Math.min(nextStart, m.end + 30)));
    if (m.time === null) {
      const time = before ? timeOf(before.groups ?? {}) : undefined;
      const later = after ? timeOf(after.groups ?? {}) : undefined;
      if (before && time !== undefined) {
        m.time = time;
        m.from = gapStart + before.index;
      } else if (after && later !== undefined) {
        m.time = later;
        m.to = m.end + after[0].length;
      }
    }
    previousEnd = m.to;
  }
}

const CLOSES =
  /\b(?:clos(?:e|es|ed|ing)|deadline|end\s+date|end(?=\s*:)|ends|ended|ending|finish(?:es|ed|ing)?|expir(?:es|y|ed)|last\s+(?:day|date)|no\s+later\s+than|extended)\b/gi;
const OPENS =
  /\b(?:opens?|opened|opening|launch(?:es|ed|ing)?|start(?:s|ed|ing)?|began|begins?|commenc(?:es|ed|ing)|go(?:es)?\s+live|went\s+live)\b/gi;
const PUBLISHED = /\b(?:published|posted|issued|released|date\s+of\s+publication)\b/gi;
const IGNORED =
  /\b(?:updated?|reviewed|review|modified|edited|created|printed|accessed|copyright|report(?:ed)?\s+back|results?|outcomes?|decisions?|minutes|agenda)\b|©/gi;
const WEAK_CLOSES = /\b(?:by|until|till|before|up\s+to|through)(?:\s|,|:|\bthe\b|\bon\b)*$/i;
const WEAK_OPENS = /\b(?:from|between|since)(?:\s|,|:|\bthe\b|\bon\b)*$/i;
const CONNECTOR = /^(?:\s|,)*(?:to|and|until|till|through|-|–|—)(?:\s|\bthe\b|\bon\b)*$/i;
const RANGE_CONTEXT =
  /\b(?:from|between|runs?|running|ran|open|period|dates?|consultation|survey|engagement|take\s+part|held|live|weeks?)\b/i;
/** Dates of sessions and bookings, not of the consultation: "drop-in sessions from 2 December". */
const EVENTS = /\b(?:drop-?ins?|sessions?|events?|meetings?|workshops?|roadshows?|webinars?|book(?:ing)?|appointments?|clinics?)\b/i;
const EXTENDED = /\b(?:extended|new\s+closing\s+date|now\s+closes?)\b/i;

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
  const weak = (role: Role): Role => (lastEnd(IGNORED, context) >= 0 ? "ignored" : EVENTS.test(context) ? null : role);
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
}

function sentenceStart(line: string, from: number, to: number): number {
  let start = from;
  for (const m of line.slice(from, to).matchAll(/[.!?]\s+(?=[A-Z])/g)) start = from + m.index + m[0].length;
  return start;
}

function classifyLine(line: string): Classified[] {
  const mentions = findDateMentions(line);
  const out: Classified[] = [];
  for (const [i, m] of mentions.entries()) {
    const prevTo = i > 0 ? mentions[i - 1]!.to : 0;
    const context = line.slice(sentenceStart(line, prevTo, m.from), m.from);
    const item: Classified = { ...m, role: roleFromContext(context), context, rangeOf: null };
    const prev = out[i - 1];
    if (prev && CONNECTOR.test(line.slice(prev.to, m.from))) {
      if (prev.role === "opens" || (prev.role === null && RANGE_CONTEXT.test(prev.context) && !EVENTS.test(prev.context))) {
        prev.role = "opens";
        item.role = "closes";
        item.rangeOf = i - 1;
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

/**
 * Opening and closing dates from lines of page text. `published` (from structured data) or,
 * failing that, a "Published ..." date in the text, or `today` resolves years left unstated.
 */
export function findConsultationDates(lines: string[], opts: { today: CalendarDate; published?: CalendarDate | null }): FoundDates {
  const all: Classified[] = [];
  for (const line of lines) {
    const classified = classifyLine(line);
    const offset = all.length;
    for (const c of classified) all.push({ ...c, rangeOf: c.rangeOf === null ? null : c.rangeOf + offset });
  }
  const statedPublished = all.find((m) => m.role === "published" && m.year !== null);
  const published = statedPublished ? calendarDate(statedPublished.year!, statedPublished.month, statedPublished.day) : null;
  const reference = opts.published ?? published ?? opts.today;

  // Ranges share a year: "from 1 December to 24 January 2025" opened in December 2024.
  for (const close of all) {
    if (close.rangeOf === null) continue;
    const open = all[close.rangeOf]!;
    if (open.year === null && close.year !== null) open.year = close.year - (monthDay(open) > monthDay(close) ? 1 : 0);
    else if (close.year === null && open.year !== null) close.year = open.year + (monthDay(close) < monthDay(open) ? 1 : 0);
    else if (close.year === null && open.year === null) {
      const date = resolveYear(close.month, close.day, reference, close.weekday);
      if (date) {
        close.year = Number(date.slice(0, 4));
        open.year = close.year - (monthDay(open) > monthDay(close) ? 1 : 0);
      }
    }
  }

  const closing = all.filter((m) => m.role === "closes");
  const closeMention = closing.findLast((m) => EXTENDED.test(m.context)) ?? closing[0];
  const openMention = all.find((m) => m.role === "opens");
  let closes = closeMention ? toWhen(closeMention, reference) : null;
  let opens = openMention ? toWhen(openMention, reference) : null;
  // A closing date stated twice, once with its time: keep the time.
  if (closes && closes.time === null) {
    const timed = closing.map((m) => toWhen(m, reference)).find((w) => w?.date === closes!.date && w.time !== null);
    if (timed) closes = timed;
  }
  if (opens && closes && opens.date > closes.date) {
    if (closeMention!.year === null) closes = { ...closes, date: shiftYear(closes.date, 1) };
    else if (openMention!.year === null) opens = { ...opens, date: shiftYear(opens.date, -1) };
  }
  return { opens, closes, published };
}

function shiftYear(date: CalendarDate, years: number): CalendarDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return calendarDate(y + years, m, d) ?? calendarDate(y + years, m, d - 1)!;
}

function toWhen(m: DateMention, reference: CalendarDate): When | null {
  let date = m.year !== null ? calendarDate(m.year, m.month, m.day) : resolveYear(m.month, m.day, reference, m.weekday);
  if (date && m.endOfMonth) {
    const year = Number(date.slice(0, 4));
    date = calendarDate(year, m.month, daysInMonth(year, m.month));
  }
  return date ? { date, time: m.time } : null;
}

/** The London date and wall-clock time of an instant (read without date-fns' formatter, to keep the bundle small). */
export function londonClock(instant: Date): { date: CalendarDate; time: string } {
  const z = new TZDate(instant.getTime(), LONDON);
  const pad = (n: number) => String(n).padStart(2, "0");
  return { date: `${z.getFullYear()}-${pad(z.getMonth() + 1)}-${pad(z.getDate())}`, time: `${pad(z.getHours())}:${pad(z.getMinutes())}` };
}

/**
 * A machine-readable date (JSON-LD, microdata, meta tags): "2024-03-12", "2024-03-12T17:00"
 * (London wall time), "2024-03-12T17:00:00+01:00" or "...Z" (exact), or a written UK date.
 */
export function parseMachineDate(value: string | null | undefined): When | null {
  const text = (value ?? "").trim();
  if (!text) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i.exec(text);
  if (iso) {
    const date = calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (!date) return null;
    if (!iso[4]) return { date, time: null };
    if (!iso[6]) return { date, time: `${iso[4]}:${iso[5]}` };
    const instant = new Date(text.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
    if (Number.isNaN(instant.getTime())) return null;
    return { ...londonClock(instant), instant: instant.toISOString() };
  }
  const mention = findDateMentions(text).find((m) => m.year !== null);
  const date = mention ? calendarDate(mention.year!, mention.month, mention.day) : null;
  return date ? { date, time: mention!.time } : null;
}

/**
 * The ISO instant for a date: its exact moment when known; its London time when stated; else
 * the end of the London day for a closing date (due by the end of that day) and the start for
 * an opening date.
 */
export function whenToIso(when: When | null, edge: "start" | "end"): string | null {
  if (!when) return null;
  if (when.instant) return when.instant;
  if (when.time) return londonInstant(when.date, when.time).toISOString();
  return (edge === "end" ? endOfLondonDay(when.date) : startOfLondonDay(when.date)).toISOString();
}
