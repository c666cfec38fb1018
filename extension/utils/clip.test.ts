import { describe, expect, it } from "vitest";
import { ConsultationInput } from "#shared/schemas/consultations";
import { clipFromDraft } from "./clip";
import { draftFromClip, draftFromExtracted } from "./draft";
import { areas, ben } from "./testing/fixtures";

const extracted = {
  url: "https://www.northshire-hospitals.example/have-your-say/",
  title: "Birth centre plans",
  organisation: "Northshire Hospitals NHS Foundation Trust",
  opensAt: "2026-06-01T08:00:00.000Z",
  closesAt: "2026-07-03T22:59:59.999Z",
  summary: "We want to hear from families.",
};
const draft = draftFromExtracted(extracted, ben, areas);

describe("from the clip form to the API's clip, by the server's schemas", () => {
  it("turns the form into the API's clip: closing at 11:59pm when no time is given", () => {
    const built = clipFromDraft({ ...draft, closesDate: "2026-12-01", closesTime: "", stage: "procurement" }, "clip-0001-aaaa");
    expect(built).toEqual({
      clip: expect.objectContaining({
        clientId: "clip-0001-aaaa",
        areaId: 1,
        organisationId: 6,
        closesAt: "2026-12-01T23:59:00.000Z",
        opensAt: "2026-06-01T08:00:00.000Z",
        stage: "procurement",
        method: null,
      }),
    });
    if (!("clip" in built)) throw new Error("expected a clip");
    // What is sent is exactly what the clip route's body schema accepts.
    expect(ConsultationInput.parse(built.clip)).toEqual(built.clip);
    expect(draftFromClip(built.clip)).toMatchObject({ closesDate: "2026-12-01", closesTime: "23:59", clientId: "clip-0001-aaaa" });
  });

  it("says in plain words what to fix before sending, beside the form's own fields", () => {
    const empty = {
      ...draftFromExtracted({ ...extracted, title: null, organisation: null }, ben, areas),
      areaId: null,
      organisationId: null,
    };
    expect(clipFromDraft(empty, "clip-0001-aaaa")).toEqual({
      errors: { title: "Enter a title", areaId: "Choose the area", organisationId: "Choose who runs the consultation" },
    });
    expect(clipFromDraft({ ...draft, opensDate: "", closesDate: "", closesTime: "17:00" }, "clip-0001-aaaa")).toEqual({
      errors: { opensDate: "Enter the opening date as well as the time", closesDate: "Enter the closing date as well as the time" },
    });
    expect(clipFromDraft({ ...draft, closesDate: "2026-02-30" }, "clip-0001-aaaa")).toEqual({
      errors: { closesDate: "Enter a real date in the format YYYY-MM-DD" },
    });
  });

  it("checks the order of the dates once the rest is right, as the website's form does", () => {
    expect(clipFromDraft({ ...draft, closesDate: "2026-05-01" }, "clip-0001-aaaa")).toEqual({
      errors: { closesDate: "The closing date must be after the opening date" },
    });
  });

  it("refuses the characters the server's text rule refuses, in its words, and sends text as the server stores it", () => {
    expect(clipFromDraft({ ...draft, title: "Birth\u0000centre plans" }, "clip-0001-aaaa")).toEqual({
      errors: { title: "The title contains a character we cannot accept" },
    });
    expect(clipFromDraft({ ...draft, title: "Birth centre \u202eplans" }, "clip-0001-aaaa")).toEqual({
      errors: { title: "The title must not contain hidden characters that change the direction of text" },
    });
    expect(clipFromDraft({ ...draft, title: "Birth centre\nplans" }, "clip-0001-aaaa")).toEqual({
      errors: { title: "The title must not contain line breaks or tabs" },
    });
    expect(clipFromDraft({ ...draft, summary: "Half a character: \ud83d." }, "clip-0001-aaaa")).toEqual({
      errors: { summary: "The summary contains a character we cannot accept" },
    });
    expect(clipFromDraft({ ...draft, url: "https://example.org/a\u0007b" }, "clip-0001-aaaa")).toEqual({
      errors: { url: "The web address contains a character we cannot accept" },
    });
    // A summary keeps its paragraphs; the title goes composed (NFC) and trimmed.
    expect(clipFromDraft({ ...draft, title: " Cafe\u0301 opening hours ", summary: "One.\n\nTwo." }, "clip-0001-aaaa")).toMatchObject({
      clip: { title: "Caf\u00e9 opening hours", summary: "One.\n\nTwo." },
    });
  });

  it("applies the server's limits that the form does not show (length, web address)", () => {
    expect(clipFromDraft({ ...draft, title: "x".repeat(301) }, "clip-0001-aaaa")).toEqual({
      errors: { title: "A title must be 300 characters or fewer" },
    });
    expect(clipFromDraft({ ...draft, url: "ftp://files.example/consultation" }, "clip-0001-aaaa")).toEqual({
      errors: { url: "Enter a web address starting with http:// or https://" },
    });
    expect(clipFromDraft({ ...draft, url: "" }, "clip-0001-aaaa")).toMatchObject({ clip: { url: undefined } });
  });
});
