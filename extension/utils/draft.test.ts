import { describe, expect, it } from "vitest";
import { bestOrganisation, draftErrorsFromServer, draftFromExtracted } from "./draft";
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
    expect(bestOrganisation("Northshire Hospitals NHS Foundation Trust", northshire)?.name).toBe("Northshire Hospitals NHS Trust");
    expect(bestOrganisation("Northshire Primary Care Trust", northshire)?.name).toBe("NHS Northshire (Primary Care Trust)");
    // Could be the PCT or either trust: the person chooses.
    expect(bestOrganisation("NHS Northshire", northshire)).toBeNull();
    expect(bestOrganisation("Department of Health and Social Care", northshire)).toBeNull();
    expect(bestOrganisation(null, northshire)).toBeNull();
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
