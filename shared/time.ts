// Europe/London calendar arithmetic: every date the product shows or counts from is a London date.
import { TZDate, tz } from "@date-fns/tz";
import { endOfDay, format, parseISO, startOfDay } from "date-fns";

export const LONDON = "Europe/London";
const inLondon = { in: tz(LONDON) };

/** A calendar date, "YYYY-MM-DD". */
export type CalendarDate = string;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDate(value: string): value is CalendarDate {
  if (!DATE_RE.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

function assertCalendarDate(value: string): void {
  if (!isCalendarDate(value)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${value}`);
}

/** Midnight at the start of a London calendar date, as a London-zoned date. */
function londonMidnight(date: CalendarDate): TZDate {
  assertCalendarDate(date);
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, LONDON);
}

const HOUR = 3_600_000;
/** London dates by UTC hour: London's offset from UTC is always a whole number of hours, so every
 * instant in one UTC hour falls on the same London date. Bounded; lists ask for the same few hours
 * (now, due dates) on every row, and the zone look-up costs tens of microseconds. */
const dateByHour = new Map<number, CalendarDate>();

/** The London calendar date on which an instant falls. */
export function londonDate(instant: Date | string | number): CalendarDate {
  const d = typeof instant === "string" ? parseISO(instant) : new Date(instant);
  const hour = Math.floor(d.getTime() / HOUR);
  if (Number.isNaN(hour)) throw new RangeError(`Not an instant: ${String(instant)}`);
  let date = dateByHour.get(hour);
  if (date === undefined) {
    date = format(new Date(hour * HOUR), "yyyy-MM-dd", inLondon);
    if (dateByHour.size >= 4096) dateByHour.clear();
    dateByHour.set(hour, date);
  }
  return date;
}

/** The instant of a London wall-clock time on a date ("HH:mm", default midnight). */
export function londonInstant(date: CalendarDate, time = "00:00"): Date {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) throw new RangeError(`Not a time (HH:mm): ${time}`);
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  assertCalendarDate(date);
  return new Date(new TZDate(y, m - 1, d, Number(match[1]), Number(match[2]), LONDON).getTime());
}

/** The last millisecond of a London calendar date: "due by the end of that day". */
export function endOfLondonDay(date: CalendarDate): Date {
  return new Date(endOfDay(londonMidnight(date), inLondon).getTime());
}

export function startOfLondonDay(date: CalendarDate): Date {
  return new Date(startOfDay(londonMidnight(date), inLondon).getTime());
}

/** The calendar date n days after date (n may be negative). */
export function addCalendarDays(date: CalendarDate, n: number): CalendarDate {
  // Calendar days do not depend on the time zone: plain UTC date arithmetic, no zone look-ups
  // (working-day deadlines call this for every day they count, on every row of a list).
  assertCalendarDate(date);
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Day of the week of a calendar date: 0 Sunday .. 6 Saturday. */
export function dayOfWeek(date: CalendarDate): number {
  assertCalendarDate(date);
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Whole London calendar days from one instant's date to another's (b - a). */
export function calendarDaysBetween(a: Date | string, b: Date | string): number {
  const da = londonDate(a);
  const db = londonDate(b);
  return Math.round((Date.parse(`${db}T00:00:00Z`) - Date.parse(`${da}T00:00:00Z`)) / 86_400_000);
}

/** "Monday 3 March 2025" */
export function formatLondonDate(instant: Date | string): string {
  const d = typeof instant === "string" && isCalendarDate(instant) ? londonMidnight(instant) : new Date(instant);
  return format(d, "EEEE d MMMM yyyy", inLondon);
}

/** "3 March 2025 at 5:30pm" (minutes omitted on the hour; 11:59pm shown as such). */
export function formatLondonDateTime(instant: Date | string): string {
  const d = new Date(instant);
  const minutes = Number(format(d, "m", inLondon));
  const time = format(d, minutes === 0 ? "haaa" : "h:mmaaa", inLondon);
  return `${format(d, "d MMMM yyyy", inLondon)} at ${time}`;
}
