import { describe, expect, it } from "vitest";
import { addCalendarDays, endOfLondonDay, londonDate, londonInstant } from "../../shared/time";
import {
  addWorkingDays,
  BankHolidayDataExhausted,
  bankHolidays,
  calendarDayDeadline,
  isBankHoliday,
  isWorkingDay,
  workingDayDeadline,
  workingDaysBetween,
} from "../../shared/workingDays";

describe("bank holidays (England and Wales)", () => {
  it("covers 2007 to 2027 with the one-off changes", () => {
    expect(bankHolidays.coversFrom).toBe("2007-01-01");
    expect(bankHolidays.coversTo).toBe("2027-12-31");
    // 2020: the early May bank holiday moved to Friday 8 May for VE day.
    expect(isBankHoliday("2020-05-08")).toBe(true);
    expect(isBankHoliday("2020-05-04")).toBe(false);
    // Jubilees, royal wedding, state funeral, coronation.
    for (const d of ["2011-04-29", "2012-06-04", "2012-06-05", "2022-06-02", "2022-06-03", "2022-09-19", "2023-05-08"]) {
      expect(isBankHoliday(d), d).toBe(true);
    }
    expect(isBankHoliday("2012-05-28")).toBe(false);
    expect(isBankHoliday("2022-05-30")).toBe(false);
  });

  it("has substitute days when Christmas and Boxing Day fall at a weekend", () => {
    // 2021: Christmas Saturday, Boxing Day Sunday -> Monday 27 and Tuesday 28.
    expect(isBankHoliday("2021-12-27")).toBe(true);
    expect(isBankHoliday("2021-12-28")).toBe(true);
    // 2022: Christmas Sunday -> Boxing Day Monday 26, Christmas substitute Tuesday 27.
    expect(isBankHoliday("2022-12-26")).toBe(true);
    expect(isBankHoliday("2022-12-27")).toBe(true);
    // 2022: New Year's Day Saturday -> Monday 3 January.
    expect(isBankHoliday("2022-01-03")).toBe(true);
  });

  it("has one entry per date, in order", () => {
    const dates = bankHolidays.events.map((e) => e.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
    // 8 a year, plus the 6 extra days in 2011, 2012, 2022 (x2), 2023 ... and none missing.
    for (let y = 2007; y <= 2027; y++) expect(dates.filter((d) => d.startsWith(String(y))).length, String(y)).toBeGreaterThanOrEqual(8);
  });

  it("fails loudly for a date past the end of the list", () => {
    expect(() => isWorkingDay("2028-01-04")).toThrow(BankHolidayDataExhausted);
    expect(() => addWorkingDays("2027-12-20", 20)).toThrow(/npm run refresh-bank-holidays/);
    expect(() => isWorkingDay("2006-12-29")).toThrow(BankHolidayDataExhausted);
  });

  it("still reaches at least six months beyond today (refresh the list when this fails)", () => {
    const sixMonthsAhead = addCalendarDays(londonDate(new Date()), 183);
    expect(sixMonthsAhead <= bankHolidays.coversTo, `bank holidays end ${bankHolidays.coversTo}: run npm run refresh-bank-holidays`).toBe(
      true,
    );
  });
});

describe("working days", () => {
  it("counts from the day after, skipping weekends", () => {
    // Friday 7 March 2025 + 1 working day = Monday 10 March.
    expect(addWorkingDays("2025-03-07", 1)).toBe("2025-03-10");
    // Saturday + 1 = Monday; the date itself is never counted.
    expect(addWorkingDays("2025-03-08", 1)).toBe("2025-03-10");
    expect(addWorkingDays("2025-03-10", 0)).toBe("2025-03-10");
    expect(addWorkingDays("2025-03-10", 5)).toBe("2025-03-17");
  });

  it("skips Christmas and New Year", () => {
    // Tue 23 Dec 2025: 24 (Wed), then 25/26 bank holidays, weekend, 29, 30, 31, 1 Jan holiday, 2 Jan.
    expect(addWorkingDays("2025-12-23", 1)).toBe("2025-12-24");
    expect(addWorkingDays("2025-12-23", 2)).toBe("2025-12-29");
    expect(addWorkingDays("2025-12-23", 5)).toBe("2026-01-02");
    // December 2021: Christmas and Boxing Day substitutes on 27/28, New Year substitute on 3 January.
    expect(addWorkingDays("2021-12-01", 20)).toBe("2021-12-31");
    expect(addWorkingDays("2021-12-08", 20)).toBe("2022-01-10");
    expect(workingDaysBetween("2021-12-24", "2022-01-04")).toBe(4);
  });

  it("skips Easter", () => {
    // Thursday 2 April 2026: Good Friday 3rd and Easter Monday 6th are holidays.
    expect(addWorkingDays("2026-04-02", 1)).toBe("2026-04-07");
    expect(isWorkingDay("2026-04-03")).toBe(false);
    expect(isWorkingDay("2026-04-06")).toBe(false);
  });

  it("skips the 2020 VE day holiday but not the usual first Monday of May", () => {
    // Thursday 7 May 2020 + 1 working day: Friday 8 was the moved holiday, so Monday 11.
    expect(addWorkingDays("2020-05-07", 1)).toBe("2020-05-11");
    expect(isWorkingDay("2020-05-04")).toBe(true);
  });

  it("gives a statutory 20-working-day deadline over a bank holiday", () => {
    // Request received Wednesday 13 August 2025; Summer bank holiday 25 August.
    expect(addWorkingDays("2025-08-13", 20)).toBe("2025-09-11");
  });
});

describe("Europe/London across the clock changes", () => {
  it("dates an instant by London time, not UTC", () => {
    // 23:30 UTC on 28 June 2025 is 00:30 BST on 29 June.
    expect(londonDate("2025-06-28T23:30:00Z")).toBe("2025-06-29");
    // In winter London is UTC.
    expect(londonDate("2025-01-28T23:30:00Z")).toBe("2025-01-28");
  });

  it("ends the day at 23:59:59.999 local time in summer and winter", () => {
    expect(endOfLondonDay("2025-06-30").toISOString()).toBe("2025-06-30T22:59:59.999Z");
    expect(endOfLondonDay("2025-01-30").toISOString()).toBe("2025-01-30T23:59:59.999Z");
  });

  it("is right across the spring change (last Sunday of March)", () => {
    // Clocks go forward at 01:00 UTC on 30 March 2025.
    expect(londonInstant("2025-03-29", "12:00").toISOString()).toBe("2025-03-29T12:00:00.000Z");
    expect(londonInstant("2025-03-30", "12:00").toISOString()).toBe("2025-03-30T11:00:00.000Z");
    // Received late on Friday 28 March (GMT); 1 working day later is Monday 31 March, ending 22:59:59.999 UTC (BST).
    const d = workingDayDeadline("2025-03-28T23:30:00Z", 1);
    expect(d.dueDate).toBe("2025-03-31");
    expect(d.dueAt).toBe("2025-03-31T22:59:59.999Z");
    // The day of the change has 23 hours.
    expect(endOfLondonDay("2025-03-30").getTime() - londonInstant("2025-03-30", "00:00").getTime()).toBe(23 * 3_600_000 - 1);
  });

  it("is right across the autumn change (last Sunday of October)", () => {
    // Clocks go back at 01:00 UTC on 26 October 2025; 23:30 UTC on the 25th is 00:30 BST on the 26th.
    expect(londonDate("2025-10-25T23:30:00Z")).toBe("2025-10-26");
    const d = workingDayDeadline("2025-10-24T12:00:00Z", 1);
    expect(d).toEqual({ dueDate: "2025-10-27", dueAt: "2025-10-27T23:59:59.999Z" });
    expect(endOfLondonDay("2025-10-26").getTime() - londonInstant("2025-10-26", "00:00").getTime()).toBe(25 * 3_600_000 - 1);
    expect(calendarDayDeadline("2025-10-20T10:00:00Z", 7).dueAt).toBe("2025-10-27T23:59:59.999Z");
  });
});
