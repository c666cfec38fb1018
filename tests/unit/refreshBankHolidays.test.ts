import { describe, expect, it } from "vitest";
import { mergeBankHolidays } from "../../scripts/refresh-bank-holidays";
import { bankHolidays } from "../../shared/workingDays";

// The shape GOV.UK publishes at https://www.gov.uk/bank-holidays.json (three divisions).
const govuk = {
  "england-and-wales": {
    division: "england-and-wales",
    events: [
      { title: "New Year’s Day", date: "2027-01-01", notes: "", bunting: true },
      { title: "New Year’s Day", date: "2028-01-03", notes: "Substitute day", bunting: true },
      { title: "Good Friday", date: "2028-04-14", notes: "", bunting: false },
    ],
  },
  scotland: { division: "scotland", events: [{ title: "2nd January", date: "2028-01-04", notes: "", bunting: true }] },
  "northern-ireland": { division: "northern-ireland", events: [] },
};

describe("refreshing bank holidays from GOV.UK's format", () => {
  it("replaces the years GOV.UK lists, keeps the rest, and extends the coverage", () => {
    const merged = mergeBankHolidays(bankHolidays, govuk);
    expect(merged.coversTo).toBe("2028-12-31");
    expect(merged.events.filter((e) => e.date.startsWith("2027")).map((e) => e.date)).toEqual(["2027-01-01"]);
    expect(merged.events.some((e) => e.date === "2028-04-14")).toBe(true);
    // Scotland's holidays are not England and Wales's.
    expect(merged.events.some((e) => e.date === "2028-01-04")).toBe(false);
    expect(merged.events.filter((e) => e.date.startsWith("2020")).length).toBe(8);
  });

  it("refuses a file that is not GOV.UK's list", () => {
    expect(() => mergeBankHolidays(bankHolidays, { divisions: [] })).toThrow();
  });
});
