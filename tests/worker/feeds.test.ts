// The feed helpers: iCalendar that a real parser reads back with Europe/London times, and streamed CSV.
import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { buildCalendar } from "../../worker/feeds/ical";
import { csvResponse, keysetPages } from "../../worker/feeds/csv";

describe("iCalendar feed", () => {
  it("round-trips all-day due dates and timed closings in Europe/London", () => {
    const text = buildCalendar("Deadlines", [
      { uid: "a@test", title: "Response due: night unit", when: { date: "2026-03-31" }, url: "https://tracker.test/petitions/1" },
      // 11:59pm BST on 12 June 2026 is 22:59 UTC.
      { uid: "b@test", title: "Consultation closes", when: { instant: "2026-06-12T22:59:00.000Z" } },
      // 11:59pm GMT on 12 January 2027 is 23:59 UTC.
      { uid: "c@test", title: "Winter closing", when: { instant: "2027-01-12T23:59:00.000Z" } },
    ]);
    const calendar = new ICAL.Component(ICAL.parse(text));
    const zone = calendar.getFirstSubcomponent("vtimezone");
    expect(zone?.getFirstPropertyValue("tzid")).toBe("Europe/London");
    ICAL.TimezoneService.register(zone!);
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.uid)).toEqual(["a@test", "b@test", "c@test"]);
    expect(events[0]!.startDate.isDate).toBe(true);
    expect(events[0]!.startDate.toString()).toBe("2026-03-31");
    expect(events[1]!.startDate.zone?.tzid).toBe("Europe/London");
    expect(events[1]!.startDate.toString()).toBe("2026-06-12T23:59:00");
    expect(events[1]!.startDate.toJSDate().toISOString()).toBe("2026-06-12T22:59:00.000Z");
    expect(events[2]!.startDate.toString()).toBe("2027-01-12T23:59:00");
    expect(events[2]!.startDate.toJSDate().toISOString()).toBe("2027-01-12T23:59:00.000Z");
  });
});

describe("CSV download", () => {
  it("streams pages with a header, quoting, and formula-safe cells", async () => {
    const data = Array.from({ length: 7 }, (_, i) => ({
      id: i + 1,
      name: i === 2 ? 'Smith, "Jo"' : i === 3 ? "=HYPERLINK(1)" : `Row ${i + 1}`,
    }));
    const fetched: number[] = [];
    const pages = keysetPages(
      async (after, size) => {
        fetched.push(after);
        return data.filter((d) => d.id > after).slice(0, size);
      },
      (r) => [r.id, r.name],
      3,
    );
    const res = csvResponse("export", ["Id", "Name"], pages);
    expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const text = await res.text();
    const lines = text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n");
    expect(lines[0]).toBe("Id,Name");
    expect(lines).toHaveLength(8);
    expect(lines[3]).toBe('3,"Smith, ""Jo"""');
    expect(lines[4]).toBe("4,'=HYPERLINK(1)");
    expect(fetched).toEqual([0, 3, 6]);
  });
});
