import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { extractConsultation, type DomDocument } from "../../shared/extraction";
import { mainRoot, textLines, timeElementText } from "../../shared/extraction/dom";
import { readabilityContent } from "../../shared/extraction/readability";
import { readStructured } from "../../shared/extraction/structured";
import { cutText, summarise } from "../../shared/extraction/summary";

function page(head: string, body = ""): DomDocument {
  return parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).document as unknown as DomDocument;
}
const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
const now = new Date("2024-05-01T12:00:00Z");

describe("structured data", () => {
  it("reads an Event's name and dates from a JSON-LD array, skipping a broken block", () => {
    const doc = page(
      `<script type="application/ld+json">{ not json</script>${ld([
        { "@type": "WebSite", name: "Trust site" },
        { "@type": "Event", name: "Public meeting", startDate: "2024-10-15T18:30:00+01:00", endDate: "2024-10-15" },
      ])}`,
    );
    const s = readStructured(doc);
    expect(s.title).toBe("Public meeting");
    expect(s.siteName).toBe("Trust site");
    expect(s.opens).toEqual({ date: "2024-10-15", time: "18:30", instant: "2024-10-15T17:30:00.000Z" });
    expect(s.closes).toEqual({ date: "2024-10-15", time: null });
  });

  it("an Event named unlike the page's heading is a side event: its dates are not the page's", () => {
    const doc = page(
      ld({ "@type": "Event", name: "Drop-in at the library", startDate: "2025-02-11T14:00", endDate: "2025-02-11T16:00" }),
      "<h1>Surgery merger</h1>",
    );
    const s = readStructured(doc);
    expect(s.opens).toBeNull();
    expect(s.closes).toBeNull();
    expect(s.title).toBeNull();
  });

  it("reads microdata with nested items, without mixing the inner item's name into the outer", () => {
    const doc = page(
      "",
      `<div itemscope itemtype="https://schema.org/Event">
        <p itemprop="organizer" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">Westvale Community NHS Trust</span></p>
        <h1 itemprop="name">Listening event</h1>
        <meta itemprop="startDate" content="2024-09-02"><time itemprop="endDate" datetime="2024-11-25">25 November</time>
      </div>`,
    );
    const s = readStructured(doc);
    expect(s.title).toBe("Listening event");
    expect(s.organisations).toEqual(["Westvale Community NHS Trust"]);
    expect(s.opens?.date).toBe("2024-09-02");
    expect(s.closes?.date).toBe("2024-11-25");
  });

  it("reads Open Graph, Dublin Core periods and publication dates from meta tags", () => {
    const doc = page(
      `<meta property="og:title" content="Dementia strategy"><meta property="og:site_name" content="Fenmoor City Council">
       <meta name="description" content="Our draft strategy.">
       <meta name="dcterms.valid" content="start=2024-06-03; end=2024-08-26; scheme=W3C-DTF">
       <meta name="DC.date.issued" content="2024-05-20">`,
    );
    const s = readStructured(doc);
    expect(s).toMatchObject({
      title: "Dementia strategy",
      siteName: "Fenmoor City Council",
      description: "Our draft strategy.",
      published: "2024-05-20",
    });
    expect(s.opens?.date).toBe("2024-06-03");
    expect(s.closes?.date).toBe("2024-08-26");
  });
});

describe("page text", () => {
  it("one line per block, with labels joined to their values (a table cell to its heading) and scripts, navigation and hidden parts left out", () => {
    const doc = page(
      "",
      `<main><nav>Home</nav><script>var x = "Closes 1 May 2024"</script><p hidden>Closes 2 May 2024</p>
       <h1>Birth centre</h1><dl><dt>Closes</dt><dd>12<sup>th</sup> March 2024</dd></dl>
       <table><tr><th>Start date</th><td>1 July 2024</td></tr></table>
       <ul><li><span>Consultation opens</span><span>01 June 2024</span></li></ul>
       <aside>Other consultation closes 9 May 2024</aside></main>`,
    );
    expect(textLines(mainRoot(doc))).toEqual([
      "Birth centre: Closes: 12th March 2024",
      "Opening date: 1 July 2024",
      "Consultation opens 01 June 2024",
    ]);
  });

  it("reads <time datetime> as a full UK date, in London time when the value is exact", () => {
    expect(timeElementText("2024-11-29T17:00:00Z", "Friday 29 November, 5pm")).toBe("29 November 2024 at 17:00");
    expect(timeElementText("2024-06-29T17:00:00Z", "29 June")).toBe("29 June 2024 at 18:00");
    expect(timeElementText("2024-10-07", "Monday 7 October")).toBe("7 October 2024");
    expect(timeElementText("2024-10-07", "7 October 2024, 5pm")).toBeNull();
    expect(timeElementText("2024-10-07T09:30", "7 October")).toBe("7 October 2024 at 09:30");
    expect(timeElementText("PT2H", "two hours")).toBeNull();
  });
});

describe("summaries", () => {
  it("cuts at a word boundary to at most 500 characters, ending with an ellipsis", () => {
    const long = `${"word ".repeat(150)}end`;
    const cut = cutText(long);
    expect(cut.length).toBeLessThanOrEqual(500);
    expect(cut.endsWith("word…")).toBe(true);
    expect(cutText("Short  text\n here.")).toBe("Short text here.");
    expect(cutText(`${"x".repeat(600)}`)).toHaveLength(500);
  });

  it("uses the page's description when it has a real one", () => {
    const doc = page(
      '<meta name="description" content="We are asking for your views on where stroke rehabilitation beds should be.">',
      "<main><p>Other text that is long enough to count as a paragraph here.</p></main>",
    );
    expect(summarise(doc, readStructured(doc).description, mainRoot(doc))).toBe(
      "We are asking for your views on where stroke rehabilitation beds should be.",
    );
  });

  it("otherwise the main text's first substantial paragraphs, as plain text, leaving out the dates line", () => {
    const doc = page(
      '<meta name="description" content="Have your say">',
      `<main><h1>Urgent care</h1><p>Closes 5 May 2024.</p><p>The consultation runs from 1 June to 24 August 2024.</p>
       <p>Urgent care in <b>Eastmoor</b> can be confusing: there is NHS 111, two urgent treatment centres and a walk-in centre.</p>
       <p>We want to design a simpler system with you and the people who use it every day.</p></main>`,
    );
    const expected =
      "Urgent care in Eastmoor can be confusing: there is NHS 111, two urgent treatment centres and a walk-in centre. We want to design a simpler system with you and the people who use it every day.";
    expect(summarise(doc, readStructured(doc).description, mainRoot(doc))).toBe(expected);
    expect(summarise(doc, readStructured(doc).description, mainRoot(doc), readabilityContent)).toBe(expected);
  });

  it("with Readability, reads the article and not the page's furniture, leaving the page itself untouched", () => {
    const article = Array.from(
      { length: 4 },
      (_, i) =>
        `<p>Paragraph ${i + 1} of the consultation explains the proposal to move blood tests into four community hubs, with online booking and early appointments.</p>`,
    ).join("");
    const doc = page(
      "",
      `<div class="sidebar social-share"><p>Sign up to our newsletter to get news about the hospital sent to your inbox every week.</p></div><div class="article"><h1>Blood tests</h1>${article}</div>`,
    );
    const summary = summarise(doc, null, mainRoot(doc), readabilityContent);
    expect(summary).toMatch(/^Paragraph 1 of the consultation explains/);
    expect(summary!.length).toBeLessThanOrEqual(500);
    expect(summarise(doc, null, mainRoot(doc))).toMatch(/^Sign up to our newsletter/);
    expect(doc.querySelector("h1")?.textContent).toBe("Blood tests");
    expect(doc.querySelectorAll("p").length).toBe(5);
  });

  it("null for a page with nothing to summarise", () => {
    const doc = page("<title>Survey</title>", "<main><p>Start</p></main>");
    expect(summarise(doc, null, mainRoot(doc))).toBeNull();
  });
});

describe("extractConsultation", () => {
  it("takes the time from the text for the closing date structured data gives without one", () => {
    const doc = page(
      ld({ "@type": "Event", name: "Survey", endDate: "2024-06-30" }),
      "<main><h1>Survey</h1><p>The survey closes at 5pm on 30 June 2024.</p></main>",
    );
    expect(extractConsultation(doc, "https://example.org/s", { now }).closesAt).toBe("2024-06-30T16:00:00.000Z");
  });

  it("resolves years from `now` when the page has no publication date", () => {
    const doc = page("<title>Survey</title>", "<main><p>Closing date: 5 January</p></main>");
    expect(extractConsultation(doc, "https://example.org/s", { now: new Date("2025-11-20T12:00:00Z") }).closesAt).toBe(
      "2026-01-05T23:59:59.999Z",
    );
    expect(extractConsultation(doc, "https://example.org/s", { now: new Date("2024-12-20T12:00:00Z") }).closesAt).toBe(
      "2025-01-05T23:59:59.999Z",
    );
  });

  it("drops an opening date that is not before the closing date", () => {
    const doc = page("<title>Survey</title>", "<main><p>Opens 9 June 2024.</p><p>Closes 2 June 2024.</p></main>");
    const out = extractConsultation(doc, "https://example.org/s", { now });
    expect(out.opensAt).toBeNull();
    expect(out.closesAt).toBe("2024-06-02T22:59:59.999Z");
  });

  it("finds key dates in a sidebar when the main content has none", () => {
    const doc = page(
      "<title>Survey</title>",
      "<main><h1>Survey</h1><p>Tell us what you think.</p></main><aside><p>Closes: 12 June 2024</p></aside>",
    );
    expect(extractConsultation(doc, "https://example.org/s", { now }).closesAt).toBe("2024-06-12T22:59:59.999Z");
  });

  it("gives null for every field an empty page does not state, and echoes the address", () => {
    expect(extractConsultation(page(""), "https://example.org/empty", { now })).toEqual({
      title: null,
      organisation: null,
      opensAt: null,
      closesAt: null,
      summary: null,
      url: "https://example.org/empty",
    });
  });
});
