import { describe, expect, it } from "vitest";
import { findDateMentions, parseMachineDate, whenToIso } from "../../shared/extraction/dates";
import { findConsultationDates, resolveYear, roleFromContext } from "../../shared/extraction/periods";

/** The opening and closing instants a page's text gives, read on `today` (or with a publication date). */
function dates(text: string | string[], today = "2024-01-15", published: string | null = null) {
  const found = findConsultationDates(Array.isArray(text) ? text : [text], { today, published });
  return { opensAt: whenToIso(found.opens, "start"), closesAt: whenToIso(found.closes, "end"), published: found.published };
}
const closes = (text: string | string[], today?: string, published?: string | null) => dates(text, today, published).closesAt;
const opens = (text: string | string[], today?: string, published?: string | null) => dates(text, today, published).opensAt;

describe("closing phrases", () => {
  it.each([
    ["This consultation closes at 11:59pm on 12 March 2024", "2024-03-12T23:59:00.000Z"],
    ["Closing date: 5 March 2024", "2024-03-05T23:59:59.999Z"],
    ["The deadline for responses is 17:00 on 14 March 2024.", "2024-03-14T17:00:00.000Z"],
    ["Have your say by Friday 1 March 2024", "2024-03-01T23:59:59.999Z"],
    ["The survey is open until midnight on Sunday 3 March 2024.", "2024-03-03T23:59:59.999Z"],
    ["Comments should be returned no later than 31st January 2024.", "2024-01-31T23:59:59.999Z"],
    ["Responses must be received by 5pm on Friday 9 February 2024.", "2024-02-09T17:00:00.000Z"],
    ["This consultation closed on 12 January 2024.", "2024-01-12T23:59:59.999Z"],
    ["The consultation ends on 20 February 2024", "2024-02-20T23:59:59.999Z"],
    ["End date: 20 February 2024", "2024-02-20T23:59:59.999Z"],
    ["Finish: Friday, 31st January 2025 at 17:00", "2025-01-31T17:00:00.000Z"],
    ["Deadline: 12 noon, 1 March 2024", "2024-03-01T12:00:00.000Z"],
    ["Closes 12 Mar 2024", "2024-03-12T23:59:59.999Z"],
    ["Closes: 12 March 2024 at 5pm", "2024-03-12T17:00:00.000Z"],
    ["Closes: 12 March 2024, 17:00", "2024-03-12T17:00:00.000Z"],
    ["Closes: 12 March 2024 (5.30pm)", "2024-03-12T17:30:00.000Z"],
    ["Closing date: Mon 30 Sept 2024, 11.59 p.m.", "2024-09-30T22:59:00.000Z"],
    ["Deadline: 12 March 2024 17.00hrs", "2024-03-12T17:00:00.000Z"],
    ["Give us your views by midday on 1 March 2024", "2024-03-01T12:00:00.000Z"],
    ["Closes at 12am on 2 March 2024", "2024-03-02T23:59:59.999Z"],
  ])("%s", (text, expected) => {
    expect(closes(text)).toBe(expected);
  });

  it("a later extension wins over the original closing date", () => {
    expect(
      closes([
        "The consultation closes on 5 April 2024.",
        "Update: we have extended the consultation. It now closes at 5pm on Friday 19 April 2024.",
      ]),
    ).toBe("2024-04-19T16:00:00.000Z");
  });

  it("the first closing date counts when there is no extension, and its time is taken from a repeat of the same day", () => {
    expect(closes(["Closing date: 12 March 2024", "Responses must reach us by 5pm on 12 March 2024."])).toBe("2024-03-12T17:00:00.000Z");
    expect(closes(["Closing date: 12 March 2024", "Our next consultation closes on 30 April 2024."])).toBe("2024-03-12T23:59:59.999Z");
  });

  it("the end of a month is its last day, in the year the month falls (29 February in a leap year)", () => {
    expect(closes("The survey is open until the end of March and takes about 15 minutes.", "2025-02-12")).toBe("2025-03-31T22:59:59.999Z");
    expect(closes("Have your say by the end of February.", "2024-01-15")).toBe("2024-02-29T23:59:59.999Z");
    expect(closes("Have your say by the end of February.", "2025-01-15")).toBe("2025-02-28T23:59:59.999Z");
    expect(closes("The consultation closes at the end of Sept 2025.", "2024-01-15")).toBe("2025-09-30T22:59:59.999Z");
    // A range: from a day to the end of a month.
    expect(dates("The consultation runs from 1 February to the end of April 2024.")).toMatchObject({
      opensAt: "2024-02-01T00:00:00.000Z",
      closesAt: "2024-04-30T22:59:59.999Z",
    });
    // Not a month: "by the end of may" (lower case), and "the end of the month" names none.
    expect(findDateMentions("We hope to decide by the end of may be later")).toEqual([]);
    expect(findDateMentions("Responses by the end of the month, please")).toEqual([]);
  });

  it("a date in a label line is joined to the label before it", () => {
    // textLines joins "Closes" and "12 Mar 2024"; here the joined line is given directly.
    expect(closes("Closes: 12 Mar 2024")).toBe("2024-03-12T23:59:59.999Z");
  });
});

describe("dates that are not the closing date", () => {
  it.each([
    "Last updated 5 March 2024",
    "Page last reviewed: 12 March 2024 Next review due: 12 March 2027",
    "We will publish the results by 1 July 2024.",
    "The decision will be made by the board on 20 June 2024.",
    "Drop-in sessions at every library from 2 December 2024",
    "Book your place at a workshop by 3 March 2024.",
    "Published 12 January 2024",
    "© 2024 Northshire County Council",
    "Call 01632 960 123 or visit us at 3 Market Street.",
  ])("%s", (text) => {
    const found = dates(text);
    expect(found.closesAt).toBeNull();
    expect(found.opensAt).toBeNull();
  });

  it("a publication date is recognised and resolves years the page leaves out", () => {
    const found = dates(["Published 20 November 2025", "Closing date: 5 January"], "2024-01-01");
    expect(found.published).toBe("2025-11-20");
    expect(found.closesAt).toBe("2026-01-05T23:59:59.999Z");
  });
});

describe("opening dates and ranges", () => {
  it.each([
    ["The consultation opens on Monday 6 January 2025", "2025-01-06T00:00:00.000Z"],
    ["Opens: 9am, Monday 21 October 2024", "2024-10-21T08:00:00.000Z"],
    ["Opened 1 Feb 2024", "2024-02-01T00:00:00.000Z"],
    ["Start date: 1 July 2024", "2024-06-30T23:00:00.000Z"],
    ["We launched the survey on 3 June 2024.", "2024-06-02T23:00:00.000Z"],
    ["This consultation will open on Tuesday 1 July 2025", "2025-06-30T23:00:00.000Z"],
  ])("%s", (text, expected) => {
    expect(opens(text)).toBe(expected);
  });

  it("runs from X to Y, with the year taken from the end of the range", () => {
    expect(dates("The consultation runs from 1 June to 24 August 2024.")).toMatchObject({
      opensAt: "2024-05-31T23:00:00.000Z",
      closesAt: "2024-08-24T22:59:59.999Z",
    });
  });

  it("a range over the new year opens in the earlier year", () => {
    expect(dates("Our short survey runs from 1 December to 24 January 2025.")).toMatchObject({
      opensAt: "2024-12-01T00:00:00.000Z",
      closesAt: "2025-01-24T23:59:59.999Z",
    });
    expect(dates("Our short survey runs from 1 December to 24 January.", "2024-12-10")).toMatchObject({
      opensAt: "2024-12-01T00:00:00.000Z",
      closesAt: "2025-01-24T23:59:59.999Z",
    });
  });

  it("ran from a time on one day to a time on another", () => {
    expect(dates("This consultation ran from 9:30am on 14 December 2023 to 11:59pm on 25 January 2024")).toMatchObject({
      opensAt: "2023-12-14T09:30:00.000Z",
      closesAt: "2024-01-25T23:59:00.000Z",
    });
  });

  it.each([
    ["Consultation period: 03/06/2024 - 26/08/2024", "2024-06-02T23:00:00.000Z", "2024-08-26T22:59:59.999Z"],
    ["Consultation dates: 10 February 2025 – 4 May 2025", "2025-02-10T00:00:00.000Z", "2025-05-04T22:59:59.999Z"],
    ["Open for comments between 1 June and 24 August 2024", "2024-05-31T23:00:00.000Z", "2024-08-24T22:59:59.999Z"],
    ["The engagement period runs from 1st to 28th February 2025.", "2025-02-01T00:00:00.000Z", "2025-02-28T23:59:59.999Z"],
    ["The consultation opened on 1 June 2024 and closes on 24 August 2024", "2024-05-31T23:00:00.000Z", "2024-08-24T22:59:59.999Z"],
    ["Runs: 2 September to 25 November 2024", "2024-09-01T23:00:00.000Z", "2024-11-25T23:59:59.999Z"],
  ])("%s", (text, opensAt, closesAt) => {
    expect(dates(text)).toMatchObject({ opensAt, closesAt });
  });

  it("a dated list with no consultation words is not a range", () => {
    expect(dates("Drop-in sessions: 3 June 2024 - 5 June 2024")).toMatchObject({ opensAt: null, closesAt: null });
  });
});

describe("British time: GMT in winter, BST in summer, and the days the clocks change", () => {
  it.each([
    // Clocks go forward at 01:00 UTC on Sunday 31 March 2024.
    ["closes at 11:59pm on 30 March 2024", "2024-03-30T23:59:00.000Z"],
    ["closes at 11:59pm on 31 March 2024", "2024-03-31T22:59:00.000Z"],
    ["closes on 30 March 2024", "2024-03-30T23:59:59.999Z"],
    ["closes on 31 March 2024", "2024-03-31T22:59:59.999Z"],
    // Clocks go back at 01:00 UTC on Sunday 27 October 2024.
    ["closes at 11:59pm on 26 October 2024", "2024-10-26T22:59:00.000Z"],
    ["closes at 11:59pm on 27 October 2024", "2024-10-27T23:59:00.000Z"],
    ["closes at 9am on 27 October 2024", "2024-10-27T09:00:00.000Z"],
    ["closes on 27 October 2024", "2024-10-27T23:59:59.999Z"],
  ])("%s", (text, expected) => {
    expect(closes(text)).toBe(expected);
  });

  it("an opening date without a time starts at London midnight, an hour before UTC midnight in summer", () => {
    expect(opens("Opens 1 July 2024")).toBe("2024-06-30T23:00:00.000Z");
    expect(opens("Opens 1 December 2024")).toBe("2024-12-01T00:00:00.000Z");
  });
});

describe("day, month and year as written in Britain", () => {
  it("numeric dates are always day first", () => {
    expect(closes("Closing date: 03/05/2024")).toBe("2024-05-03T22:59:59.999Z");
    expect(closes("Closing date: 05/03/2024")).toBe("2024-03-05T23:59:59.999Z");
    expect(closes("Closing date: 5.3.24")).toBe("2024-03-05T23:59:59.999Z");
    expect(closes("Closing date: 2024-03-05")).toBe("2024-03-05T23:59:59.999Z");
  });

  it.each([
    ["1st March 2024", 1],
    ["2nd March 2024", 2],
    ["3rd March 2024", 3],
    ["22nd March 2024", 22],
    ["12 th March 2024", 12],
    ["the 5th of March 2024", 5],
    ["Friday, 8th March, 2024", 8],
    ["Fri 8 Mar. 2024", 8],
    ["March 8th, 2024", 8],
  ])("%s", (text, day) => {
    const [m] = findDateMentions(`Closes ${text}`);
    expect(m).toMatchObject({ day, month: 3, year: 2024 });
  });

  it.each(
    ["jan", "Feb", "March", "Apr", "may", "June", "Jul", "Aug.", "Sept", "Oct", "Nov", "December"].map((name, i) => [name, i + 1] as const),
  )("month name %s is month %i", (name, month) => {
    const [m] = findDateMentions(`Closes 10 ${name} 2024`);
    expect(m).toMatchObject({ day: 10, month, year: 2024 });
  });

  it("does not read dates where there are none", () => {
    expect(findDateMentions("You may 3 times a week visit the marketing suite")).toEqual([]);
    expect(findDateMentions("Tel 01632 960123, ext 12.")).toEqual([]);
    expect(findDateMentions("31 June 2024 and 29 February 2025 do not exist")).toEqual([]);
    expect(findDateMentions("We have 12 Marketing staff")).toEqual([]);
  });

  it("a stated weekday that does not match the date keeps the date", () => {
    // 4 May 2024 was a Saturday: the day and month are more often right than the weekday.
    expect(closes("Closing date: Friday 4 May 2024")).toBe("2024-05-04T22:59:59.999Z");
  });
});

describe("years left unstated", () => {
  it("roll over to next year after the publication date", () => {
    expect(closes("Closing date: 5 January", "2024-01-01", "2025-11-20")).toBe("2026-01-05T23:59:59.999Z");
  });

  it("stay in the current year for a date a little in the past (a page read after it closed)", () => {
    expect(closes("This consultation closed on 1 November", "2025-11-20")).toBe("2025-11-01T23:59:59.999Z");
  });

  it("follow the weekday when it names one of the three nearest years", () => {
    // 3 May was a Friday in 2024; in 2025 a Saturday, in 2026 a Sunday.
    expect(closes("Have your say by Friday 3 May", "2024-03-20")).toBe("2024-05-03T22:59:59.999Z");
    expect(closes("Have your say by Friday 3 May", "2025-09-01")).toBe("2024-05-03T22:59:59.999Z");
  });

  it("resolveYear picks the first date not far before the reference", () => {
    expect(resolveYear(1, 5, "2025-11-20")).toBe("2026-01-05");
    expect(resolveYear(11, 1, "2025-11-20")).toBe("2025-11-01");
    expect(resolveYear(9, 1, "2025-11-20")).toBe("2026-09-01");
    expect(resolveYear(12, 31, "2025-12-31")).toBe("2025-12-31");
    expect(resolveYear(2, 29, "2027-01-10")).toBe("2028-02-29");
    expect(resolveYear(5, 3, "2025-09-01", 5)).toBe("2024-05-03");
    expect(resolveYear(5, 3, "2025-09-01", 0)).toBe("2026-05-03");
  });
});

describe("the words before a date", () => {
  it.each([
    ["This consultation closes ", "closes"],
    ["Have your say by ", "closes"],
    ["The survey is open until ", "closes"],
    ["It opened on ", "opens"],
    ["Live from ", "opens"],
    ["Published ", "published"],
    ["Last updated ", "ignored"],
    ["We will report back by ", "ignored"],
    ["The meeting is on ", null],
    ["Closing date for comments, which we welcome from everyone, is ", "closes"],
  ] as const)("%s", (context, role) => {
    expect(roleFromContext(context)).toBe(role);
  });
});

describe("machine-readable dates (JSON-LD, microdata, meta tags)", () => {
  it("reads a date, a London wall-clock time, and an exact instant", () => {
    expect(parseMachineDate("2024-03-12")).toEqual({ date: "2024-03-12", time: null });
    expect(parseMachineDate("2024-06-12T17:00")).toEqual({ date: "2024-06-12", time: "17:00" });
    expect(parseMachineDate("2024-06-12T17:00:00+01:00")).toEqual({
      date: "2024-06-12",
      time: "17:00",
      instant: "2024-06-12T16:00:00.000Z",
    });
    expect(parseMachineDate("2024-06-12T23:30:00Z")).toEqual({ date: "2024-06-13", time: "00:30", instant: "2024-06-12T23:30:00.000Z" });
    expect(parseMachineDate("2024-06-12T17:00:00+0100")?.instant).toBe("2024-06-12T16:00:00.000Z");
    expect(parseMachineDate("12 March 2024")).toEqual({ date: "2024-03-12", time: null });
  });

  it("refuses what is not a date", () => {
    expect(parseMachineDate("")).toBeNull();
    expect(parseMachineDate(null)).toBeNull();
    expect(parseMachineDate("2024-02-30")).toBeNull();
    expect(parseMachineDate("soon")).toBeNull();
  });

  it("turns a wall-clock time into an instant, and a bare date into the start or end of the London day", () => {
    expect(whenToIso({ date: "2024-06-12", time: "17:00" }, "end")).toBe("2024-06-12T16:00:00.000Z");
    expect(whenToIso({ date: "2024-06-12", time: null }, "end")).toBe("2024-06-12T22:59:59.999Z");
    expect(whenToIso({ date: "2024-06-12", time: null }, "start")).toBe("2024-06-11T23:00:00.000Z");
    expect(whenToIso({ date: "2024-06-12", time: "17:00", instant: "2024-06-12T16:00:05.000Z" }, "end")).toBe("2024-06-12T16:00:05.000Z");
    expect(whenToIso(null, "end")).toBeNull();
  });
});

describe("relative days, counted from the page's own date", () => {
  it.each([
    ["Our survey ends today, so there is still time.", "2022-03-14", "2022-03-14T23:59:59.999Z"],
    ["The consultation closes tomorrow.", "2021-09-30", "2021-10-01T22:59:59.999Z"],
    ["The survey closes a week tomorrow.", "2019-11-21", "2019-11-29T23:59:59.999Z"],
    ["Our survey closes this Sunday.", "2025-01-13", "2025-01-19T23:59:59.999Z"],
    ["Our survey closes this Sunday.", "2025-01-19", "2025-01-19T23:59:59.999Z"],
    ["Responses are welcome until 5pm today.", "2024-06-12", "2024-06-12T16:00:00.000Z"],
  ])("%s (page dated %s)", (text, published, expected) => {
    expect(closes(text, "2030-01-01", published)).toBe(expected);
  });

  it("a date in brackets after the relative word is the one read, with a time after the bracket", () => {
    expect(closes("Colleagues now have until tomorrow (Friday 24 June) at 5pm.", "2030-01-01", "2022-06-23")).toBe(
      "2022-06-24T16:00:00.000Z",
    );
    expect(closes("The consultation closes at midnight today (Tuesday 11 September 2018).")).toBe("2018-09-11T22:59:59.999Z");
  });

  it("the nearest dated context anchors them when the page has no date of its own; without one they are not guessed from the clock", () => {
    expect(closes(["30 September 2021", "The consultation closes tomorrow."], "2030-01-01")).toBe("2021-10-01T22:59:59.999Z");
    expect(closes("The consultation closes tomorrow.", "2030-01-01")).toBeNull();
    expect(closes("The survey closes this sunday.", "2030-01-01", "2025-01-13")).toBeNull();
  });
});

describe("years from the page rather than the clock", () => {
  it("the nearest date that states a year, when the page has no date of its own", () => {
    expect(
      closes(
        ["Update – 4 February 2021: we have extended the deadline to 26 February.", "The consultation closes on 12 February."],
        "2023-01-01",
      ),
    ).toBe("2021-02-26T23:59:59.999Z");
    expect(closes(["Date: 28 April 2022", "Please give feedback by 18 May."], "2023-06-01")).toBe("2022-05-18T22:59:59.999Z");
  });

  it("the page's own date comes before any other date on it", () => {
    expect(closes(["Following the review of 3 March 2019, we are consulting.", "Closing date: 5 May"], "2030-01-01", "2024-04-01")).toBe(
      "2024-05-05T22:59:59.999Z",
    );
  });

  it("month first, ending a sentence", () => {
    expect(closes("The closing date for comments is September 2.", "2030-01-01", "2020-08-25")).toBe("2020-09-02T22:59:59.999Z");
  });
});

describe("several periods on one page: the current one", () => {
  it("an extension moves the closing date; its 'from' date is the old one", () => {
    const found = dates(
      "We have decided to extend the deadline by a week, from 28 June to 5pm on Friday 5 July.",
      "2030-01-01",
      "2019-06-24",
    );
    expect(found).toMatchObject({ opensAt: null, closesAt: "2019-07-05T16:00:00.000Z" });
    expect(closes("CCG extends online consultation to Friday 24 June, 5pm", "2030-01-01", "2022-06-23")).toBe("2022-06-24T16:00:00.000Z");
  });

  it("a period the page says is over gives way to the current one", () => {
    expect(
      dates([
        "Representations were invited from 3 July 2023 to 14 August 2023.",
        "Representations on the amended application can be made from 1 September 2023 to 29 September 2023.",
      ]),
    ).toMatchObject({ opensAt: "2023-08-31T23:00:00.000Z", closesAt: "2023-09-29T22:59:59.999Z" });
    expect(closes("Last year's survey closed on 12 January 2023. This year's survey closes on 15 January 2024.")).toBe(
      "2024-01-15T23:59:59.999Z",
    );
    // Alone, a past closing date is still the closing date.
    expect(closes("This consultation ran from 3 Jun 2024 to 26 Aug 2024.")).toBe("2024-08-26T22:59:59.999Z");
  });

  it("when a result is due is not a closing date", () => {
    expect(closes("Our annual report will be published by 30 June 2024.")).toBeNull();
    expect(closes("The results will be available by 1 July 2024.")).toBeNull();
  });
});

describe("opening words about something other than the consultation", () => {
  it.each([
    "The new service will start on 1 October 2024. Rehabilitation will continue at the community hospital.",
    "From 1 July 2022, integrated care boards took on the duties of clinical commissioning groups.",
    "We added a call-back service, which started on 15 January 2024.",
  ])("%s", (text) => {
    expect(opens(text)).toBeNull();
  });

  it("an opening date after the closing date is not the consultation's: an earlier one is", () => {
    expect(
      dates([
        "We are consulting about merging into one practice from 1st April 2023.",
        "The consultation will start from 5th December 2022 and ending on 9th January 2023.",
      ]),
    ).toMatchObject({ opensAt: "2022-12-05T00:00:00.000Z", closesAt: "2023-01-09T23:59:59.999Z" });
  });

  it("but a label or a sentence about the consultation opens it", () => {
    expect(opens("Community dental service review: Opened 7 October 2024")).toBe("2024-10-06T23:00:00.000Z");
    expect(opens("The eight-week consultation began on 6 August 2021 and closes in October.")).toBe("2021-08-05T23:00:00.000Z");
  });
});

describe("relative days on a page with no date of its own", () => {
  it("give way to a closing date that can be read", () => {
    expect(closes(["The consultation closes tomorrow.", "Closing date: 5 May 2024"], "2030-01-01")).toBe("2024-05-05T22:59:59.999Z");
  });
});
