import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import type { DomDocument } from "../../shared/extraction";
import { mainRoot, textLines } from "../../shared/extraction/dom";
import { looksLikeOrganisation, organisationsIn } from "../../shared/extraction/names";
import { findOrganisation, matchOrganisation } from "../../shared/extraction/organisation";
import { cleanTitle, findTitle } from "../../shared/extraction/title";
import { readStructured } from "../../shared/extraction/structured";

function page(head: string, body = ""): DomDocument {
  return parseHTML(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).document as unknown as DomDocument;
}
function organisationOf(doc: DomDocument): string | null {
  return findOrganisation(doc, readStructured(doc), textLines(mainRoot(doc)));
}
function titleOf(doc: DomDocument): string | null {
  const structured = readStructured(doc);
  return findTitle(doc, structured, findOrganisation(doc, structured, textLines(mainRoot(doc))));
}
const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe("organisation names in text", () => {
  it.each([
    ["NHS Northshire Clinical Commissioning Group is reviewing urgent care", "NHS Northshire Clinical Commissioning Group"],
    ["Tell NHS Northshire CCG what you think", "NHS Northshire CCG"],
    ["Run by NHS Southvale Integrated Care Board", "NHS Southvale Integrated Care Board"],
    ["Contact Northshire Hospitals NHS Foundation Trust on 01632 960 123", "Northshire Hospitals NHS Foundation Trust"],
    ["The Newcastle upon Tyne Hospitals NHS Foundation Trust", "Newcastle upon Tyne Hospitals NHS Foundation Trust"],
    ["Southvale and Westvale Mental Health NHS Trust runs the service", "Southvale and Westvale Mental Health NHS Trust"],
    ["Tell Northshire County Council what you think", "Northshire County Council"],
    ["Westvale Metropolitan Borough Council's cabinet", "Westvale Metropolitan Borough Council"],
    ["Royal Borough of Kensington and Chelsea", "Royal Borough of Kensington and Chelsea"],
    ["Northshire Primary Care Trust is consulting", "Northshire Primary Care Trust"],
    ["Share your views with Healthwatch Northshire today", "Healthwatch Northshire"],
    ["Northshire LINk is gathering experiences", "Northshire LINk"],
    ["The Eastmoor Health and Wellbeing Board has published", "Eastmoor Health and Wellbeing Board"],
    ["From the Department of Health and Social Care", "Department of Health and Social Care"],
  ])("%s", (text, name) => {
    expect(organisationsIn(text)[0]).toBe(name);
  });

  it("finds several in order, and none in ordinary prose", () => {
    expect(organisationsIn("Northshire County Council and NHS Northshire ICB are working together")).toEqual([
      "Northshire County Council",
      "NHS Northshire ICB",
    ]);
    expect(organisationsIn("the council and the trust will decide")).toEqual([]);
  });

  it("tells organisation-like names from people and phrases", () => {
    expect(looksLikeOrganisation("Northshire Hospitals")).toBe(true);
    expect(looksLikeOrganisation("Jane Smith")).toBe(false);
    expect(looksLikeOrganisation("the health service")).toBe(false);
    expect(looksLikeOrganisation("Department of Health and Social Care")).toBe(true);
    // A project or a bulletin, named with words in lower case.
    expect(looksLikeOrganisation("Southvale Community Hospital redevelopment")).toBe(false);
    expect(looksLikeOrganisation("Westmoor Royal Hospitals weekly")).toBe(false);
  });
});

describe("the publishing organisation of a page", () => {
  it("GOV.UK: the JSON-LD author, not the platform publisher", () => {
    const doc = page(
      ld({
        "@type": "Article",
        name: "X",
        publisher: { "@type": "Organization", name: "GOV.UK" },
        author: { "@type": "Organization", name: "Department of Health and Social Care" },
      }),
    );
    expect(organisationOf(doc)).toBe("Department of Health and Social Care");
  });

  it("follows @id references in an @graph to the site's publisher", () => {
    const doc = page(
      ld({
        "@context": "https://schema.org",
        "@graph": [
          { "@type": "WebPage", name: "Plans", author: { "@type": "Person", name: "Jo Bloggs" } },
          { "@type": "WebSite", "@id": "#site", name: "Our site", publisher: { "@id": "#org" } },
          { "@type": "Organization", "@id": "#org", name: "Fenmoor Community Healthcare NHS Trust" },
        ],
      }),
    );
    expect(organisationOf(doc)).toBe("Fenmoor Community Healthcare NHS Trust");
  });

  it("skips a person named as meta author and reads the DC.publisher", () => {
    expect(
      organisationOf(page('<meta name="author" content="Jane Smith"><meta name="DC.publisher" content="Northshire Primary Care Trust">')),
    ).toBe("Northshire Primary Care Trust");
  });

  it("reads a microdata organiser", () => {
    const doc = page(
      "",
      '<div itemscope itemtype="https://schema.org/Event"><h1 itemprop="name">Listening event</h1><p itemprop="organizer" itemscope itemtype="https://schema.org/Organization">By <span itemprop="name">Westvale Community NHS Trust</span></p></div>',
    );
    expect(organisationOf(doc)).toBe("Westvale Community NHS Trust");
  });

  it("a GOV.UK style From: label", () => {
    expect(organisationOf(page("", "<main><dl><dt>From:</dt><dd><a>Department of Health and Social Care</a></dd></dl></main>"))).toBe(
      "Department of Health and Social Care",
    );
  });

  it("says who runs a consultation hosted on someone else's site", () => {
    const doc = page(
      '<meta property="og:site_name" content="Have Your Say Southvale">',
      "<main><p>This consultation is being run by NHS Southvale Integrated Care Board, working with Southvale Hospitals NHS Trust.</p></main>",
    );
    expect(organisationOf(doc)).toBe("NHS Southvale Integrated Care Board");
  });

  it("uses the site name unless it is a platform or an engagement brand", () => {
    expect(organisationOf(page('<meta property="og:site_name" content="Westvale Borough Council">'))).toBe("Westvale Borough Council");
    expect(organisationOf(page('<meta property="og:site_name" content="GOV.UK">'))).toBeNull();
    expect(organisationOf(page('<meta property="og:site_name" content="Have Your Say Northshire">'))).toBeNull();
    expect(organisationOf(page('<meta property="og:site_name" content="NHS Northshire ICB - Citizen Space">'))).toBe("NHS Northshire ICB");
  });

  it("the title's suffix, then the logo's alt text", () => {
    expect(organisationOf(page("<title>Urgent care review | NHS Northshire CCG</title>"))).toBe("NHS Northshire CCG");
    expect(
      organisationOf(page("<title>Urgent care review</title>", '<header><img alt="Fenmoor City Council logo" src="l.png"></header>')),
    ).toBe("Fenmoor City Council");
  });

  it("last, the name a copyright line and the text give most", () => {
    const doc = page(
      "<title>Transport policy</title>",
      "<main><p>We worked with NHS England on this.</p><p>Westmoor District Council wants your views.</p></main><footer>© 2024 Westmoor District Council. All rights reserved.</footer>",
    );
    expect(organisationOf(doc)).toBe("Westmoor District Council");
  });

  it("null when the page names no organisation", () => {
    expect(organisationOf(page("<title>Survey</title>", "<main><p>Tell us what you think.</p></main>"))).toBeNull();
  });
});

describe("titles", () => {
  it.each([
    ["Proposed changes to NHS dental contracts - GOV.UK", "Proposed changes to NHS dental contracts"],
    ["Maternity Voices Survey - NHS Northshire ICB - Citizen Space", "Maternity Voices Survey"],
    ["Community Diagnostic Centre | Have Your Say Southvale", "Community Diagnostic Centre"],
    ["Northshire County Council - Budget consultation 2025", "Budget consultation 2025"],
    ["Mental health: crisis support | Have your say | Westvale Council", "Mental health: crisis support"],
    ["Urgent care - what matters to you", "Urgent care - what matters to you"],
    ["Healthy Futures", "Healthy Futures"],
  ])("%s", (raw, title) => {
    expect(cleanTitle(raw, [])).toBe(title);
  });

  it("drops the site's own name even when it looks like nothing special", () => {
    expect(cleanTitle("Home care review – Westvale Together", ["Westvale Together"])).toBe("Home care review");
  });

  it("prefers the structured title, cut back to the heading when it only adds a site name", () => {
    expect(
      titleOf(page('<meta property="og:title" content="Ward 4 consultation - Eastmoor Hospitals">', "<h1>Ward 4 consultation</h1>")),
    ).toBe("Ward 4 consultation");
    expect(titleOf(page('<meta property="og:title" content="Pharmacy needs assessment consultation"><title>PNA</title>'))).toBe(
      "Pharmacy needs assessment consultation",
    );
    expect(
      titleOf(page("<title>Library review - Northshire County Council</title>", "<main><h1>Library opening hours review</h1></main>")),
    ).toBe("Library opening hours review");
    expect(titleOf(page("<title>   </title>"))).toBeNull();
  });
});

describe("the body the page says is consulting", () => {
  it("the subject of a sentence about asking, consulting or saying, ahead of a site name that is a bulletin or a brand", () => {
    const doc = page(
      '<meta property="og:site_name" content="Westmoor Royal Hospitals weekly">',
      "<main><p>A fault meant some people could not open the form, so NHS Westmoor CCG has extended its online consultation.</p></main>",
    );
    expect(organisationOf(doc)).toBe("NHS Westmoor CCG");
    expect(
      organisationOf(
        page(
          '<meta property="og:site_name" content="Healthwatch">',
          "<main><p>Healthwatch Westmoor is asking people about dentists.</p></main>",
        ),
      ),
    ).toBe("Healthwatch Westmoor");
  });

  it("the first of a compound subject, and an integrated care board by its operating name", () => {
    expect(
      organisationOf(page("", "<main><p>Fenmoor County Council and NHS Fenmoor CCG have published a draft strategy.</p></main>")),
    ).toBe("Fenmoor County Council");
    expect(organisationOf(page("", "<main><p>NHS Fenmoor and Brackenford is asking for views on urgent care.</p></main>"))).toBe(
      "NHS Fenmoor and Brackenford",
    );
    expect(organisationOf(page("", "<main><p>Oakfield Surgery and Riverside Medical Practice are proposing to merge.</p></main>"))).toBe(
      "Oakfield Surgery",
    );
  });

  it("not a body that merely wants something other than views", () => {
    const doc = page(
      '<meta property="og:site_name" content="NHS Fenmoor Integrated Care Board">',
      "<main><p>Fenton Surgery and Eastbridge Medical Practice want to merge.</p></main>",
    );
    expect(organisationOf(doc)).toBe("NHS Fenmoor Integrated Care Board");
  });

  it("a news story's publisher is the newspaper, not the body consulting", () => {
    const doc = page(
      ld({ "@type": "NewsArticle", headline: "Care homes", publisher: { "@type": "Organization", name: "Community Care Weekly" } }),
      "<h1>Care homes</h1><main><p>Westmoor City Council is consulting on closing two care homes.</p></main>",
    );
    expect(organisationOf(doc)).toBe("Westmoor City Council");
  });

  it("a programme's slogan is not an organisation: the footer says who leads it", () => {
    const doc = page(
      '<meta property="og:site_name" content="Our Health, Our Future Northshire">',
      "<main><p>Take part by 23 February.</p></main><footer><p>Our Health, Our Future is a programme led by NHS Northshire and Fenmoor Integrated Care Board with Northshire Hospitals NHS Foundation Trust.</p></footer>",
    );
    expect(organisationOf(doc)).toBe("NHS Northshire and Fenmoor Integrated Care Board");
  });

  it("a header link's label, when the logo is a drawing", () => {
    const doc = page(
      "<title>Outpatient letters survey</title>",
      '<header><a class="brand" href="/" aria-label="Southvale Teaching Hospitals NHS Foundation Trust home page"><svg></svg></a></header><main><p>The Trust wants to hear from you.</p></main>',
    );
    expect(organisationOf(doc)).toBe("Southvale Teaching Hospitals NHS Foundation Trust");
  });
});

describe("matching the page's organisation to the area's", () => {
  const area = [
    { id: 1, name: "Northshire County Council" },
    { id: 2, name: "Northshire Health Overview and Scrutiny Committee" },
    { id: 3, name: "Northshire LINk" },
    { id: 4, name: "NHS Northshire (Primary Care Trust)" },
    { id: 5, name: "Northshire Clinical Commissioning Group" },
    { id: 6, name: "Northshire Hospitals NHS Trust" },
    { id: 7, name: "Northshire Community Health NHS Foundation Trust" },
    { id: 8, name: "Healthwatch Northshire", aliases: ["Healthwatch Northshire CIC"] },
    { id: 9, name: "NHS Northshire and Fenmoor Integrated Care Board", domains: ["northshireandfenmoor.icb.nhs.uk"] },
  ];
  const id = (name: string | null, url: string | null = null) => matchOrganisation(name, url, area)?.id ?? null;

  it("by name, with abbreviations written out", () => {
    expect(id("NHS Northshire CCG")).toBe(5);
    expect(id("Northshire Hospitals NHS Foundation Trust")).toBe(6);
    expect(id("Northshire Primary Care Trust")).toBe(4);
    expect(id("NHS Northshire and Fenmoor ICB")).toBe(9);
    expect(id("Healthwatch Northshire CIC")).toBe(8);
    expect(id("Northshire Local Involvement Network")).toBe(3);
  });

  it("by the page's address when the name does not decide", () => {
    expect(id(null, "https://www.northshire.gov.uk/consultations/x")).toBe(1);
    expect(id(null, "https://www.northshirehospitals.nhs.uk/have-your-say")).toBe(6);
    expect(id(null, "https://northshire-hospitals.nhs.uk/have-your-say")).toBe(6);
    expect(id(null, "https://www.healthwatchnorthshire.co.uk/survey")).toBe(8);
    expect(id(null, "https://www.northshireccg.nhs.uk/news/1")).toBe(5);
    expect(id("NHS Northshire", "https://consult.northshireandfenmoor.icb.nhs.uk/a")).toBe(9);
    expect(id("GOV.UK", "https://www.northshire.gov.uk/a")).toBe(1);
  });

  it("a body the page names that the area does not have is not replaced by the site's owner", () => {
    expect(id("Department of Health and Social Care", "https://www.northshirehospitals.nhs.uk/a")).toBeNull();
    // A name that could be several of the area's bodies: the address decides between them, and only them.
    expect(id("NHS Northshire", "https://www.northshirehospitals.nhs.uk/a")).toBe(6);
    expect(id("NHS Northshire", "https://www.northshire.gov.uk/a")).toBeNull();
  });

  it("null when none fits, or several fit equally: the person chooses", () => {
    expect(id("NHS Northshire")).toBeNull();
    expect(id("Department of Health and Social Care", "https://www.gov.uk/government/consultations/x")).toBeNull();
    expect(id(null, "https://www.southvale.gov.uk/a")).toBeNull();
    expect(id(null, "https://www.eastmoorgazette.co.uk/news/1")).toBeNull();
    expect(id(null, "not an address")).toBeNull();
    expect(id(null, null)).toBeNull();
  });
});
