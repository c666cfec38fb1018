// Numbers in the shared schemas: a JSON number, or the text a form field or path sends; nothing else.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { IdParam, numberFromText } from "../../shared/schemas/common";

describe("numberFromText", () => {
  const schema = numberFromText(z.number().int().positive());

  it("reads a JSON number, or a form's text of one", () => {
    for (const [input, out] of [
      [12, 12],
      ["12", 12],
      [" 7 ", 7],
      ["007", 7],
    ] as const)
      expect(schema.parse(input)).toBe(out);
  });

  it("refuses what z.coerce would have turned into a number", () => {
    for (const input of [true, false, null, [], [5], {}, "", " ", "0x10", "1e3", "Infinity", "NaN", "+5", "5abc", "1_000"]) {
      expect(schema.safeParse(input).success, JSON.stringify(input)).toBe(false);
    }
  });

  it("path ids: positive whole numbers only, no larger than a safe integer", () => {
    expect(IdParam.parse({ id: "42" })).toEqual({ id: 42 });
    for (const id of ["0", "-1", "1.5", "9007199254740993", "abc", "0x10", "1e3", ""])
      expect(IdParam.safeParse({ id }).success, id).toBe(false);
  });
});
