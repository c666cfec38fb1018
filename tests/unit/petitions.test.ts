import { describe, expect, it } from "vitest";
import { canonicalEmail, normalisePostcode, postcodeDistrict } from "../../shared/petitions/signatures";
import { petitionStatus } from "../../shared/petitions/rules";
import { SignatureInput } from "../../shared/schemas/petitions";

describe("canonical email (one signature per person)", () => {
  it("lower-cases, and for Gmail ignores dots and +tags and treats googlemail as gmail", () => {
    expect(canonicalEmail("Jo.Bloggs+petitions@Gmail.com")).toBe("jobloggs@gmail.com");
    expect(canonicalEmail("j.o.bloggs@googlemail.com")).toBe("jobloggs@gmail.com");
  });

  it("drops only a +tag elsewhere, keeping dots", () => {
    expect(canonicalEmail("Jo.Bloggs+nhs@Example.org")).toBe("jo.bloggs@example.org");
    expect(canonicalEmail("jo.bloggs@example.org")).not.toBe(canonicalEmail("jobloggs@example.org"));
  });

  it("keeps a name that starts with + (nothing before the tag to keep)", () => {
    expect(canonicalEmail("+x@example.org")).toBe("+x@example.org");
  });
});

describe("UK postcodes", () => {
  it.each([
    ["nr1 1aa", "NR1 1AA", "NR1"],
    ["NR11AA", "NR1 1AA", "NR1"],
    ["  sw1a   2aa ", "SW1A 2AA", "SW1A"],
    ["W1A 0AX", "W1A 0AX", "W1A"],
    ["M1 1AE", "M1 1AE", "M1"],
    ["B33 8TH", "B33 8TH", "B33"],
    ["CR2 6XH", "CR2 6XH", "CR2"],
    ["DN55 1PT", "DN55 1PT", "DN55"],
    ["EC1A 1BB", "EC1A 1BB", "EC1A"],
    ["GIR 0AA", "GIR 0AA", "GIR"],
  ])("%s is %s in district %s", (input, normalised, district) => {
    expect(normalisePostcode(input)).toBe(normalised);
    expect(postcodeDistrict(normalised)).toBe(district);
  });

  it.each(["", "NR1", "12345", "NR1 1A", "QR1 1AA", "NR1 1CA", "GIR 1AA", "NR1 1AAA", "N R 1 1 A A X"])("rejects %j", (input) => {
    expect(normalisePostcode(input)).toBeNull();
  });

  it("the signing schema names the postcode field when it is wrong, and normalises it when right", () => {
    const bad = SignatureInput.safeParse({ name: "Jo Bloggs", email: "jo@example.org", postcode: "NOT A CODE" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["postcode"]);
    expect(bad.error?.issues[0]?.message).toBe("Enter a real UK postcode, like NR1 1AA");
    const good = SignatureInput.parse({ name: "Jo Bloggs", email: "Jo@Example.org", postcode: "nr14 6ab", contactConsent: "yes" });
    expect(good).toEqual({ name: "Jo Bloggs", email: "jo@example.org", postcode: "NR14 6AB", contactConsent: true });
    expect(SignatureInput.parse({ name: "Jo Bloggs", email: "jo@example.org", postcode: "NR1 1AA" }).contactConsent).toBe(false);
    expect(
      SignatureInput.safeParse({ name: "Jo Bloggs", email: "jo@example.org", postcode: "NR1 1AA", contactConsent: { $gt: "" } }).success,
    ).toBe(false);
  });
});

describe("petition status in words", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  const base = { state: "open", response_state: "not_due", scrutiny_state: "none", response_due_at: null as string | null };

  it("follows the furthest step of the three machines", () => {
    expect(petitionStatus(base, now)).toBe("open");
    expect(petitionStatus({ ...base, state: "closed" }, now)).toBe("closed");
    expect(petitionStatus({ ...base, response_state: "owed", response_due_at: "2026-06-05T22:59:59.999Z" }, now)).toBe("response_owed");
    expect(petitionStatus({ ...base, response_state: "owed", response_due_at: "2026-05-29T22:59:59.999Z" }, now)).toBe("response_overdue");
    expect(petitionStatus({ ...base, response_state: "responded" }, now)).toBe("responded");
    expect(petitionStatus({ ...base, response_state: "responded", scrutiny_state: "referred" }, now)).toBe("referred");
    expect(petitionStatus({ ...base, scrutiny_state: "considered" }, now)).toBe("considered");
  });

  it("says rejected, removed, draft and pending whatever the other machines say", () => {
    expect(petitionStatus({ ...base, state: "rejected" }, now)).toBe("rejected");
    expect(petitionStatus({ ...base, state: "hidden", response_state: "owed" }, now)).toBe("removed");
    expect(petitionStatus({ ...base, state: "draft" }, now)).toBe("draft");
    expect(petitionStatus({ ...base, state: "pending" }, now)).toBe("pending");
  });
});
