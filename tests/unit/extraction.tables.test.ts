import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import type { DomDocument } from "../../shared/extraction";
import { mainRoot, textLines } from "../../shared/extraction/dom";
import { dateInAddress, pageDate } from "../../shared/extraction/pageDate";
import { cellRole } from "../../shared/extraction/tables";

function linesOf(body: string): string[] {
  const doc = parseHTML(`<!doctype html><html><body><main>${body}</main></body></html>`).document as unknown as DomDocument;
  return textLines(mainRoot(doc));
}

describe("tables of dates", () => {
  it("a date under a heading takes the heading's role", () => {
    expect(
      linesOf(
        "<table><thead><tr><th>Start Date</th><th>Closing Date</th><th>Status</th></tr></thead><tbody><tr><td>14 January 2020</td><td>8 March 2020</td><td>Open</td></tr></tbody></table>",
      ),
    ).toEqual(["Opening date: 14 January 2020", "Closing date: 8 March 2020"]);
  });

  it("a row labelled with a role gives it to its date; other rows stay as they are", () => {
    expect(
      linesOf(
        "<table><tr><td>Date published</td><td>10 April 2019</td></tr><tr><td>Closing date</td><td>4 June 2019</td></tr><tr><td>Contact</td><td>Engagement team</td></tr></table>",
      ),
    ).toEqual(["Date published 10 April 2019", "Closing date: 4 June 2019", "Contact Engagement team"]);
  });

  it("in a timetable only the public stage's dates open and close the consultation", () => {
    expect(
      linesOf(`<table><tr><th>Stage</th><th>Start</th><th>Target date</th></tr>
        <tr><td>Steering group agrees the draft</td><td>1 July 2024</td><td>12 July 2024</td></tr>
        <tr><td>Public notification</td><td>2 September 2024</td><td>1 November 2024</td></tr>
        <tr><td>Final assessment published</td><td>—</td><td>1 October 2025</td></tr></table>`),
    ).toEqual([
      "Steering group agrees the draft 1 July 2024 12 July 2024",
      "Opening date: 2 September 2024",
      "Closing date: 1 November 2024",
      "Final assessment published — 1 October 2025",
    ]);
  });

  it.each([
    [null, "Closing Date", "", "closes"],
    [null, "Date", "Consultation closes", "closes"],
    [null, "Date", "Drop-in at the library", null],
    ["Public notification", "Due", "", "closes"],
    ["Public notification", "Start", "", "opens"],
    ["Public consultation event", "Due", "", null],
    ["Primary care committee decision", "Due", "", null],
    ["Application received", "Start", "", null],
    ["Consultation launch", "Date", "", "opens"],
  ] as const)("row %j under %j (other cells %j): %j", (label, heading, others, role) => {
    expect(cellRole(label, heading, others)).toBe(role);
  });

  it("a table that lays out the page is read as blocks, not as cells", () => {
    expect(linesOf("<table><tr><td><p>Closes on 5 May 2024.</p><p>Tell us what you think.</p></td></tr></table>")).toEqual([
      "Closes on 5 May 2024.",
      "Tell us what you think.",
    ]);
  });
});

describe("page furniture", () => {
  it("cookie banners, related stories and news feeds are left out; a side column only when asked for", () => {
    const doc = parseHTML(`<!doctype html><html><body>
      <div class="cookie-banner"><p>Changes take effect from 1 May 2023.</p></div>
      <div class="related-stories"><p>Dental survey closes 3 April</p></div>
      <div class="content"><h1>Minor injuries</h1><p>Have your say before 22 March.</p></div>
      <div class="news-feed"><p>Volunteer evening on 16 April 2024</p></div>
      <div class="sidebar"><p>Survey closes 15 March 2024</p></div>
    </body></html>`).document as unknown as DomDocument;
    expect(textLines(doc.body)).toEqual(["Minor injuries: Have your say before 22 March."]);
    expect(textLines(doc.body, { asides: true })).toEqual([
      "Minor injuries: Have your say before 22 March.",
      "Survey closes 15 March 2024",
    ]);
  });

  it("never the block that holds the page's heading, whatever its class", () => {
    expect(linesOf('<div class="content-sidebar-wrap"><h1>Survey</h1><p>Closes 5 May 2024.</p></div>')).toEqual([
      "Survey: Closes 5 May 2024.",
    ]);
    const doc = parseHTML(
      '<!doctype html><html><body><div class="menu-open page"><article><p>Closes 5 May 2024.</p></article></div></body></html>',
    ).document as unknown as DomDocument;
    expect(textLines(doc.body)).toEqual(["Closes 5 May 2024."]);
  });

  it("a question answered by a date on the next line is read as one", () => {
    expect(linesOf("<h3>When does the consultation close?</h3><p>Friday 21 February 2025 at 5pm.</p>")).toEqual([
      "When does the consultation close: Friday 21 February 2025 at 5pm.",
    ]);
  });
});

describe("the page's own date", () => {
  it.each([
    ["https://www.example.co.uk/news/2018/07/25/views-sought/", "2018-07-25"],
    ["https://www.example.co.uk/news/2022-03-14/last-day", "2022-03-14"],
    ["https://www.example.co.uk/2017/11/have-your-say/", "2017-11-01"],
    ["https://www.example.co.uk/news/article-2018", null],
    ["https://www.example.co.uk/consultations/12345/2024", null],
    ["not an address", null],
  ])("%s", (url, date) => {
    expect(dateInAddress(url)).toBe(date);
  });

  it("metadata first, then a byline's <time> (not the closing date's), then the address", () => {
    const doc = (body: string) =>
      parseHTML(`<!doctype html><html><body><main>${body}</main></body></html>`).document as unknown as DomDocument;
    const byline = doc(
      '<p>Closes <time datetime="2024-11-29">29 November</time></p><p>Posted <time datetime="2024-10-09">9 October</time></p>',
    );
    expect(pageDate(byline, mainRoot(byline), "https://x.example/2019/01/02/a", null)).toBe("2024-10-09");
    expect(pageDate(byline, mainRoot(byline), "https://x.example/a", "2024-01-05")).toBe("2024-01-05");
    const bare = doc("<p>Closes <time datetime='2024-11-29'>29 November</time></p>");
    expect(pageDate(bare, mainRoot(bare), "https://x.example/2019/01/02/a", null)).toBe("2019-01-02");
  });
});
