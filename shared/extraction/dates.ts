// Dates written in page text, the British way: day before month always (03/05/2024 is 3 May),
// month names and abbreviations, ordinals, weekdays, times such as "11:59pm", "5pm", "17:00",
// "noon" and "midnight", and the relative days news pages use ("closes today", "until tomorrow",
// "this Sunday"). Which of them open and close a consultation is decided in ./periods.
import { TZDate } from "@date-fns/tz";
import { endOfLondonDay, isCalendarDate, LONDON, londonInstant, startOfLondonDay, type CalendarDate } from "../time";

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
  /** "today", "a week tomorrow", "this Sunday": a day counted from the page's own date (day and month are 0). */
  relative?: Relative;
}

export type Relative = { days: number } | { weekday: number };

/** Finds the dates written in a line: ours by default; the fixture comparison plugs in chrono-node's. */
export type DateFinder = (line: string) => DateMention[];

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
    `(?<![a-z])${weekdayPrefix("")}${MONTH}\\s+(?<day>\\d{1,2})(?:st|nd|rd|th)?(?![\\d:]|\\.\\d|\\s*[ap]\\.?m\\b)(?:,?\\s+${YEAR})?(?![a-z])`,
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
// "(Friday 24 June) at 5pm": a time may follow the bracket a date was given in.
const TIME_AFTER = new RegExp(`^\\s*\\)?\\s*(?:,\\s*|[-–]\\s*|\\(\\s*)?(?:at\\s+|by\\s+)?${TIME}`, "i");

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
  found.push(...relativeMentions(line, found));
  found.sort((a, b) => a.start - b.start);
  attachTimes(line, found);
  return found;
}

const FULL_WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
/** "today", "a week tomorrow", "this Sunday" (the weekday capitalised, checked where it is read). */
export const RELATIVE_DAY = `(?<![a-z])(?:(?<week>a\\s+week\\s+)?(?<word>today|tonight|tomorrow)|this\\s+(?<weekday>${FULL_WEEKDAYS.join("|")}))(?![a-z])`;
const RELATIVE = new RegExp(RELATIVE_DAY, "gi");

/**
 * "ends today", "a week tomorrow", "this Sunday". A relative day followed by the date it means
 * ("today (Tuesday 11 September 2018)") is left to that date; "this sunday" must have its capital.
 */
function relativeMentions(line: string, dated: DateMention[]): DateMention[] {
  const found: DateMention[] = [];
  for (const match of line.matchAll(RELATIVE)) {
    const g = match.groups ?? {};
    const start = match.index;
    const end = start + match[0].length;
    const bracketed = /^\s*\(\s*/.exec(line.slice(end));
    if (bracketed && dated.some((m) => m.start === end + bracketed[0].length)) continue;
    const weekday = g.weekday ?? "";
    if (weekday && !/^[A-Z]/.test(weekday)) continue;
    const relative: Relative = weekday
      ? { weekday: FULL_WEEKDAYS.findIndex((w) => w.toLowerCase() === weekday.toLowerCase()) }
      : { days: (g.word?.toLowerCase() === "tomorrow" ? 1 : 0) + (g.week ? 7 : 0) };
    found.push({ start, end, from: start, to: end, day: 0, month: 0, year: null, weekday: null, time: null, relative });
  }
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
