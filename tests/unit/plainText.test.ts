// The text rule every text field is built from: what it stores, what it refuses, and the words it uses.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Email, multiLine, singleLine, textRuleOf } from "../../shared/schemas/common";
import { normaliseText, subjectOf, textProblem } from "../../shared/schemas/plainText";
import { UkPostcode } from "../../shared/schemas/petitions";

const name = singleLine("your name", { min: 2, max: 100 });
const background = multiLine("why", { min: 10, max: 3000, subject: "Why it matters" });

function messageOf(result: { success: boolean; error?: { issues: { message: string }[] } }): string | undefined {
  return result.error?.issues[0]?.message;
}

const C0 = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i));
const C1 = Array.from({ length: 0x21 }, (_, i) => String.fromCharCode(0x7f + i));
const DIRECTION_CHANGES = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"];

describe("the text rule", () => {
  it("refuses a NUL inside a name, naming the field in plain English", () => {
    expect(messageOf(name.safeParse("Ann\u0000Lee"))).toBe("Your name contains a character we cannot accept");
  });

  it("refuses every C0 and C1 control character in a single-line field, and all but tab, line feed and carriage return in a multi-line one", () => {
    for (const c of [...C0, ...C1]) {
      expect(name.safeParse(`Ann${c}Lee`).success, `U+${c.charCodeAt(0).toString(16)} in a name`).toBe(false);
      const allowed = c === "\t" || c === "\n" || c === "\r";
      expect(background.safeParse(`First line${c}second line`).success, `U+${c.charCodeAt(0).toString(16)} in a textarea`).toBe(allowed);
    }
  });

  it("says a single-line field must be on one line, and keeps the paragraphs of a multi-line one", () => {
    expect(messageOf(name.safeParse("Ann\nLee"))).toBe("Your name must not contain line breaks or tabs");
    expect(messageOf(name.safeParse("Ann\tLee"))).toBe("Your name must not contain line breaks or tabs");
    expect(messageOf(name.safeParse("Ann\u2028Lee"))).toBe("Your name must not contain line breaks or tabs");
    expect(background.parse("We need it.\r\n\r\n\tIt is far.")).toBe("We need it.\r\n\r\n\tIt is far.");
  });

  it("refuses bidirectional overrides and isolates in names and titles, not in paragraphs", () => {
    const title = singleLine("a title", { max: 300 });
    for (const c of DIRECTION_CHANGES) {
      expect(messageOf(name.safeParse(`Ann${c}Lee`))).toBe(
        "Your name must not contain hidden characters that change the direction of text",
      );
      expect(messageOf(title.safeParse(`Clinic${c}closure`))).toBe(
        "The title must not contain hidden characters that change the direction of text",
      );
      // Right-to-left writing in a paragraph may need them.
      expect(background.safeParse(`Arabic quote: ${c}مرحبا\u2069 in the text`).success).toBe(true);
    }
  });

  it("refuses lone surrogates (half a character, which cannot be stored as UTF-8) but keeps whole ones", () => {
    for (const half of ["\ud800", "\udbff", "\udc00", "\udfff"]) {
      expect(messageOf(name.safeParse(`Ann${half}Lee`))).toBe("Your name contains a character we cannot accept");
      expect(messageOf(background.safeParse(`Long enough ${half} text`))).toBe("Why it matters contains a character we cannot accept");
    }
    expect(name.parse("Ann 😀 Lee")).toBe("Ann 😀 Lee");
    expect(messageOf(name.safeParse("Ann \ude00\ud83d Lee"))).toBe("Your name contains a character we cannot accept");
  });

  it("stores text in NFC, trimmed, and measures it after that", () => {
    expect(name.parse("  Rene\u0301e\u00a0")).toBe("Ren\u00e9e");
    expect(name.parse("Rene\u0301e")).toHaveLength(5);
    // 100 accented letters typed as letter + accent are 200 code units, but 100 characters once composed.
    expect(name.safeParse("e\u0301".repeat(100)).success).toBe(true);
    expect(name.safeParse("e\u0301".repeat(101)).success).toBe(false);
    // Control characters at the ends that trimming removes (tab, vertical tab, form feed) leave nothing to refuse.
    expect(name.parse("\t\u000b\u000cAnn Lee\n")).toBe("Ann Lee");
  });

  it("is the rule of emails and postcodes too", () => {
    expect(messageOf(Email.safeParse("ann\u0000@example.org"))).toBe("The email address contains a character we cannot accept");
    expect(Email.parse(" Ann@Example.ORG ")).toBe("ann@example.org");
    expect(messageOf(UkPostcode.safeParse("NR1\u00001AA"))).toBe("Your postcode contains a character we cannot accept");
    expect(UkPostcode.parse("nr1 1aa")).toBe("NR1 1AA");
  });

  it("accepts, stored as typed, any text of ordinary characters", () => {
    const note = multiLine("a note", { max: 5000 });
    const title = singleLine("a title", { max: 5000 });
    const ordinary = fc.string({ unit: "grapheme", minLength: 1, maxLength: 60 }).map(normaliseText);
    fc.assert(
      fc.property(ordinary, (text) => {
        fc.pre(text.length > 0 && !/[\p{Cc}\p{Cs}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u.test(text));
        expect(title.parse(text)).toBe(text);
        expect(note.parse(text)).toBe(text);
      }),
    );
  });

  it("knows a schema built from it, and its kind, even after limits and formats are chained on", () => {
    expect(textRuleOf(name)).toBe("single-line");
    expect(textRuleOf(background.optional().unwrap())).toBe("multi-line");
    expect(textRuleOf(Email.in.in)).toBe("single-line");
  });

  it("makes the subject of its sentences from the field's label", () => {
    expect(subjectOf("a title")).toBe("The title");
    expect(subjectOf("an explanation")).toBe("The explanation");
    expect(subjectOf("your name")).toBe("Your name");
    expect(subjectOf("what people said")).toBe("What people said");
    expect(textProblem("fine", "single-line", "Your name")).toBeNull();
  });
});
