import { describe, expect, it } from "vitest";
import { canonicalUrl } from "../../shared/urls";

describe("canonicalUrl", () => {
  it("treats variants of one page as the same address", () => {
    const variants = [
      "https://www.nhs-northshire.example/have-your-say/urgent-care",
      "http://nhs-northshire.example/have-your-say/urgent-care/",
      "HTTPS://WWW.NHS-Northshire.example/have-your-say/urgent-care?utm_source=newsletter&utm_medium=email",
      "https://nhs-northshire.example:443/have-your-say/urgent-care#respond",
      "https://nhs-northshire.example/have-your-say/urgent-care?fbclid=abc",
    ];
    const canonical = new Set(variants.map(canonicalUrl));
    expect([...canonical]).toEqual(["https://nhs-northshire.example/have-your-say/urgent-care"]);
  });

  it("keeps parameters that choose the page, in a stable order", () => {
    expect(canonicalUrl("https://example.org/c?id=7&page=2")).toBe(canonicalUrl("https://example.org/c?page=2&id=7"));
    expect(canonicalUrl("https://example.org/c?id=7")).not.toBe(canonicalUrl("https://example.org/c?id=8"));
    expect(canonicalUrl("https://example.org/Case/Path")).toBe("https://example.org/Case/Path");
  });

  it("refuses what is not a web address", () => {
    expect(() => canonicalUrl("javascript:alert(1)")).toThrow(TypeError);
    expect(() => canonicalUrl("not a url")).toThrow(TypeError);
  });
});
