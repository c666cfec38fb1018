import { describe, expect, it } from "vitest";
import { matchOrganisation } from "#shared/extraction/organisation";
import { draftErrorsFromServer, draftFromExtracted } from "./draft";
import { areas, ben } from "./testing/fixtures";

const northshire = areas[0]!.organisations;
const extracted = {
  url: "https://www.northshire-hospitals.example/have-your-say/",
  title: "Birth centre plans",
  organisation: "Northshire Hospitals NHS Foundation Trust",
  opensAt: "2026-06-01T08:00:00.000Z",
  closesAt: "2026-07-03T22:59:59.999Z",
  summary: "We want to hear from families.",
};

describe("from a page to the clip form", () => {
  it("matches the page's organisation to the area's by shared words, and leaves the choice to the person when unsure", () => {
    const best = (name: string | null) => matchOrganisation(name, null, northshire);
    expect(best("Northshire Hospitals NHS Foundation Trust")?.name).toBe("Northshire Hospitals NHS Trust");
    expect(best("Northshire Primary Care Trust")?.name).toBe("NHS Northshire (Primary Care Trust)");
    // Could be the PCT or either trust: the person chooses.
    expect(best("NHS Northshire")).toBeNull();
    expect(best("Department of Health and Social Care")).toBeNull();
    expect(best(null)).toBeNull();
  });

  it("falls back on the page's address when the page names no organisation", () => {
    const draft = draftFromExtracted(
      { ...extracted, organisation: null, url: "https://www.northshirehospitals.nhs.uk/birth-centre" },
      ben,
      areas,
    );
    expect(draft.organisationId).toBe(6);
    const news = { ...extracted, organisation: null, url: "https://www.eastmoorgazette.co.uk/news/1" };
    expect(draftFromExtracted(news, ben, areas).organisationId).toBeNull();
  });

  it("starts the form in the person's area, with London dates and times (summer time)", () => {
    const draft = draftFromExtracted(extracted, ben, areas);
    expect(draft).toMatchObject({
      areaId: 1,
      organisationId: 6,
      opensDate: "2026-06-01",
      opensTime: "09:00",
      closesDate: "2026-07-03",
      closesTime: "23:59",
    });
  });

  it("puts the server's field messages beside the form's fields", () => {
    expect(draftErrorsFromServer({ closesAt: "Too late", title: "Enter a title" })).toEqual({
      closesDate: "Too late",
      title: "Enter a title",
    });
  });
});
