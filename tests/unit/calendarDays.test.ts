// Calendar-day arithmetic is plain date arithmetic (no time-zone look-ups, for speed on lists):
// it must agree with the London-zoned reckoning of date-fns/tz, across clock changes and years.
import { TZDate, tz } from "@date-fns/tz";
import { addDays, format } from "date-fns";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addCalendarDays, dayOfWeek, LONDON, londonDate } from "../../shared/time";

const inLondon = { in: tz(LONDON) };
const calendarDate = fc
  .date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const zoned = (date: string) => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new TZDate(y, m - 1, d, LONDON);
};

describe("calendar days", () => {
  it("add like date-fns in London, over clock changes and leap years", () => {
    fc.assert(
      fc.property(calendarDate, fc.integer({ min: -800, max: 800 }), (date, n) => {
        expect(addCalendarDays(date, n)).toBe(format(addDays(zoned(date), n, inLondon), "yyyy-MM-dd", inLondon));
      }),
      { numRuns: 2000 },
    );
    expect(addCalendarDays("2026-03-28", 1)).toBe("2026-03-29");
    expect(addCalendarDays("2026-10-25", 1)).toBe("2026-10-26");
    expect(addCalendarDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addCalendarDays("2027-01-01", -1)).toBe("2026-12-31");
  });

  it("give the day of the week as London does", () => {
    fc.assert(
      fc.property(calendarDate, (date) => {
        expect(dayOfWeek(date)).toBe(zoned(date).getDay());
      }),
      { numRuns: 2000 },
    );
    expect(dayOfWeek("2026-11-23")).toBe(1);
  });

  it("read the London date of an instant as date-fns/tz does, asked once or many times (cached by hour)", () => {
    const instant = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2040-12-31T23:59:59Z"), noInvalidDate: true });
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 3_599_999 }), (d, withinHour) => {
        const expected = format(d, "yyyy-MM-dd", inLondon);
        expect(londonDate(d)).toBe(expected);
        expect(londonDate(d.toISOString())).toBe(expected);
        // Another instant in the same UTC hour falls on the same London date.
        const sameHour = new Date(Math.floor(d.getTime() / 3_600_000) * 3_600_000 + withinHour);
        expect(londonDate(sameHour)).toBe(format(sameHour, "yyyy-MM-dd", inLondon));
      }),
      { numRuns: 5000 },
    );
    // Either side of the spring and autumn changes and of London midnight in summer.
    expect(londonDate("2026-03-29T00:59:59.999Z")).toBe("2026-03-29");
    expect(londonDate("2026-06-30T22:59:59.999Z")).toBe("2026-06-30");
    expect(londonDate("2026-06-30T23:00:00.000Z")).toBe("2026-07-01");
    expect(londonDate("2026-10-25T23:59:59.999Z")).toBe("2026-10-25");
    expect(() => londonDate("not a date")).toThrow(RangeError);
  });

  it("refuse what is not a calendar date", () => {
    expect(() => addCalendarDays("2026-02-30", 1)).toThrow(RangeError);
    expect(() => dayOfWeek("23/11/2026")).toThrow(RangeError);
  });
});
