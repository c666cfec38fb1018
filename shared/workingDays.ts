// Working-day deadlines: weekdays that are not England and Wales bank holidays.
// "N working days after a date" is the Nth working day *following* that date, and a
// reply is due by the end of that day, Europe/London.
import bankHolidayData from "./bankHolidays.json";
import { addCalendarDays, dayOfWeek, endOfLondonDay, londonDate, type CalendarDate } from "./time";

export interface BankHoliday {
  title: string;
  date: CalendarDate;
  notes: string;
  bunting: boolean;
}

export interface BankHolidayList {
  division: string;
  source: string;
  coversFrom: CalendarDate;
  coversTo: CalendarDate;
  events: BankHoliday[];
}

export const bankHolidays: BankHolidayList = bankHolidayData;
const holidayDates = new Set(bankHolidays.events.map((e) => e.date));

/** Thrown rather than guessing when a date lies outside the shipped bank-holiday list. */
export class BankHolidayDataExhausted extends RangeError {
  constructor(readonly date: CalendarDate) {
    super(
      `No bank-holiday data for ${date}: the list covers ${bankHolidays.coversFrom} to ${bankHolidays.coversTo}. ` +
        "Run `npm run refresh-bank-holidays` to update shared/bankHolidays.json.",
    );
    this.name = "BankHolidayDataExhausted";
  }
}

function assertCovered(date: CalendarDate): void {
  if (date < bankHolidays.coversFrom || date > bankHolidays.coversTo) throw new BankHolidayDataExhausted(date);
}

export function isBankHoliday(date: CalendarDate): boolean {
  assertCovered(date);
  return holidayDates.has(date);
}

export function isWorkingDay(date: CalendarDate): boolean {
  const dow = dayOfWeek(date);
  return dow !== 0 && dow !== 6 && !isBankHoliday(date);
}

/** The nth working day following date (the date itself is never counted). */
export function addWorkingDays(date: CalendarDate, n: number): CalendarDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days must be a whole number, 0 or more: ${n}`);
  let current = date;
  let counted = 0;
  while (counted < n) {
    current = addCalendarDays(current, 1);
    if (isWorkingDay(current)) counted++;
  }
  return current;
}

export interface Deadline {
  /** The London calendar date the deadline falls on. */
  dueDate: CalendarDate;
  /** The last instant of that day, ISO 8601 UTC. */
  dueAt: string;
}

/** Due by the end of the nth working day following the London date of `from`. */
export function workingDayDeadline(from: Date | string, workingDays: number): Deadline {
  const dueDate = addWorkingDays(londonDate(from), workingDays);
  return { dueDate, dueAt: endOfLondonDay(dueDate).toISOString() };
}

/** Due by the end of the London date n calendar days after `from`. */
export function calendarDayDeadline(from: Date | string, days: number): Deadline {
  const dueDate = addCalendarDays(londonDate(from), days);
  return { dueDate, dueAt: endOfLondonDay(dueDate).toISOString() };
}

/** Working days from a's date to b's date (positive when b is later); used for "N working days overdue". */
export function workingDaysBetween(a: CalendarDate, b: CalendarDate): number {
  if (a === b) return 0;
  const sign = a < b ? 1 : -1;
  let [from, to] = sign > 0 ? [a, b] : [b, a];
  let count = 0;
  while (from < to) {
    from = addCalendarDays(from, 1);
    if (isWorkingDay(from)) count++;
  }
  return sign * count;
}
