import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import type { DomDocument } from "../../shared/extraction";
import { mainRoot, textLines } from "../../shared/extraction/dom";
import { cleanTitle, findOrganisation, findTitle, looksLikeOrganisation, organisationsIn } from "../../shared/extraction/organisation";
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
