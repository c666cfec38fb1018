// Generators of hostile input for the API's write routes, driven by each route's JSON schema in the
// OpenAPI document: bodies with at least one field that is certainly wrong (and the others random,
// often nasty, sometimes valid), malformed JSON, wrong content types, non-objects, and bad path ids.
// Text fields (marked x-text by the shared text rule) also get text that breaks only that rule.
import fc from "fast-check";
import { type Lines, normaliseText, textProblem } from "../../shared/schemas/plainText";

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  example?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  maxItems?: number;
  $ref?: string;
  discriminator?: { propertyName: string };
  "x-text"?: Lines;
}

/** A request body's schema: one object, or (a discriminated union) one of several objects told apart by one property. */
export interface BodySchema {
  branches: JsonSchema[];
  discriminator: string | null;
}

/** Resolves $refs (those of properties and array items too), and splits a oneOf into its object branches. */
export function resolveSchema(schema: JsonSchema, components: Record<string, JsonSchema>): BodySchema {
  const deref = (s: JsonSchema): JsonSchema => {
    if (s.$ref) return deref(components[s.$ref.split("/").pop()!]!);
    const properties = s.properties && Object.fromEntries(Object.entries(s.properties).map(([name, p]) => [name, deref(p)]));
    return {
      ...s,
      ...(properties && { properties }),
      ...(s.items && { items: deref(s.items) }),
      ...(s.anyOf && { anyOf: s.anyOf.map(deref) }),
    };
  };
  const top = deref(schema);
  if (top.oneOf) return { branches: top.oneOf.map(deref), discriminator: top.discriminator?.propertyName ?? null };
  return { branches: [top], discriminator: null };
}

/** Text a form field would send for a number ("12"): numberFromText in shared/schemas/common.ts reads it as one. */
const NUMBER_TEXT = /^\s*-?\d{1,16}(\.\d{1,16})?\s*$/;

const HOSTILE_STRINGS = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "</textarea><svg onload=alert(1)>",
  "'; DROP TABLE petitions; --",
  "' OR '1'='1",
  "1; DELETE FROM audit_log",
  "\u0000",
  "a\u0000b",
  "Ann\u0000Lee",
  "Ann\u0007Lee\u001b[31m",
  "a\u007fb\u0085c\u009bd",
  "\ud800",
  "\udfff",
  "x\ud83dy",
  "\u202eevil\u202c",
  "\u2066isolate\u2069 \u202doverride\u202c",
  "Rene\u0301e",
  "\u212bngstr\u00f6m",
  "line\u2028separator",
  "\u200f\u200e\u200b",
  "😀👍🏽👨‍👩‍👧",
  "𝕳𝖊𝖑𝖑𝖔",
  "\ufeff",
  "\r\n\t",
  '=HYPERLINK("http://evil.example")',
  "+1",
  "-1",
  "@SUM(1)",
  "../../etc/passwd",
  "%00",
  "${7*7}{{7*7}}",
  "__proto__",
  "constructor",
  "javascript:alert(1)",
  "null",
  "NaN",
  "-0",
  "1e309",
  "2026-02-30",
  " ",
  "",
];

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((n) => String.fromCharCode(n));
const codeUnit = (min: number, max: number) => fc.integer({ min, max }).map((n) => String.fromCharCode(n));

/** Characters the text rule refuses in every text field: control characters other than tab and line breaks, lone surrogates. */
const refusedEverywhere: fc.Arbitrary<string> = fc.oneof(
  fc.constant("\u0000"),
  codeUnit(0x01, 0x08),
  fc.constantFrom("\u000b", "\u000c"),
  codeUnit(0x0e, 0x1f),
  codeUnit(0x7f, 0x9f),
  loneSurrogate,
);
/** …and in single-line fields: tabs, line breaks, and bidirectional overrides and isolates. */
const refusedOnOneLine: fc.Arbitrary<string> = fc.oneof(
  refusedEverywhere,
  fc.constantFrom("\t", "\n", "\r", "\r\n", "\u2028", "\u2029"),
  codeUnit(0x202a, 0x202e),
  codeUnit(0x2066, 0x2069),
);
/** Text typed in decomposed forms (letter + accent) and other forms that NFC changes: stored composed, never refused. */
const nonNfc = fc.constantFrom("Rene\u0301e", "e\u0301", "\u212b", "\u1e9b\u0323", "A\u030a", "\u0071\u0307\u0323");

/** Short nasty text: payloads, any code unit, any grapheme, lone surrogates, control characters, direction changes, non-NFC forms. */
const shortHostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: fc.oneof(loneSurrogate, fc.constantFrom(...HOSTILE_STRINGS)), maxLength: 6 }),
  fc.string({ unit: fc.oneof(refusedOnOneLine, nonNfc, fc.constantFrom("a", " ", "é")), maxLength: 12 }),
);

/** Nasty text, now and then huge (up to 100,000 characters, several times any field's limit). */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: shortHostileString },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 100_000 }).map((n) => "Ω".repeat(n)) },
);

const leaf: fc.Arbitrary<unknown> = fc.oneof(
  shortHostileString,
  fc.integer(),
  fc.constantFrom(-1, 0, -0, 1.5, -2.5, 1e308, -1e308, 2 ** 53 + 2, 1e20),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);

/** Any JSON value, often nasty. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: leaf },
  { weight: 1, arbitrary: fc.array(leaf, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(shortHostileString, leaf, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.constant({ $gt: "" }) },
);

const typesOf = (s: JsonSchema): string[] => {
  if (s.anyOf) return s.anyOf.flatMap(typesOf);
  return s.type === undefined ? [] : [s.type].flat();
};

const isCalendarDate = (s: JsonSchema) => typeof s.example === "string" && /^\d{4}-\d{2}-\d{2}$/.test(s.example);

const textBranch = (s: JsonSchema): JsonSchema => s.anyOf?.find((b) => typesOf(b).some((t) => t !== "null")) ?? s;
const codePoints = (text: string) => [...text];

/** Whether the field's text rule and lengths accept the text (zod counts code points, after normalising). */
function textAccepted(text: string, s: JsonSchema, lines: Lines): boolean {
  const stored = normaliseText(text);
  const length = codePoints(stored).length;
  return textProblem(stored, lines, "") === null && length >= (s.minLength ?? 0) && length <= (s.maxLength ?? 1000);
}

/** A value the property's schema accepts, as far as the schema says (for the fields that are not the wrong one). */
function validFor(name: string, s: JsonSchema): fc.Arbitrary<unknown> {
  const branch = textBranch(s);
  const types = typesOf(branch);
  if (branch.enum) return fc.constantFrom(...branch.enum.filter((v) => v !== null));
  if (types.includes("integer") || types.includes("number")) {
    const min = Math.max(branch.minimum ?? 1, branch.exclusiveMinimum !== undefined ? branch.exclusiveMinimum + 1 : 1);
    return fc.integer({ min, max: Math.max(min, Math.min(branch.maximum ?? 1000, 1000)) });
  }
  if (types.includes("boolean")) return fc.boolean();
  if (types.includes("array")) return fc.constant([]);
  if (types.includes("string")) {
    if (branch.format === "date-time")
      return fc.date({ min: new Date("2020-01-01"), max: new Date("2030-01-01"), noInvalidDate: true }).map((d) => d.toISOString());
    if (isCalendarDate(branch)) return fc.constant("2026-03-12");
    if (branch.pattern) return fc.constant("client-id-12345");
    if (/email/i.test(name)) return fc.constant("someone@example.org");
    if (/url/i.test(name)) return fc.constant("https://example.org/page");
    const min = branch.minLength ?? 0;
    const max = branch.maxLength ?? 1000;
    const fitted = fc.oneof(hostileString, nonNfc).map((v) =>
      codePoints(v.trim().length >= min ? v : `${v}${"x".repeat(min)}`)
        .slice(0, max)
        .join(""),
    );
    const lines = branch["x-text"];
    // Nasty but acceptable: decomposed accents, emoji, payloads, and (in paragraphs) line breaks and direction changes.
    return lines ? fitted.filter((v) => textAccepted(v, branch, lines)) : fitted;
  }
  return hostileValue;
}

/** A value the field accepts but for one character its text rule refuses, put inside it (where trimming cannot take it away). */
function textRuleBroken(name: string, s: JsonSchema, lines: Lines): fc.Arbitrary<string> {
  const max = s.maxLength ?? 1000;
  const refused = lines === "single-line" ? refusedOnOneLine : refusedEverywhere;
  return fc.tuple(validFor(name, s), refused, fc.nat()).map(([valid, character, at]) => {
    // From the text as stored, so that the character lands between two that trimming keeps.
    const chars = codePoints(normaliseText(String(valid)));
    while (chars.length < 2) chars.push("x");
    const room = max - codePoints(character).length;
    if (chars.length > room) chars.splice(1, chars.length - room);
    chars.splice(1 + (at % (chars.length - 1)), 0, character);
    return chars.join("");
  });
}

/** Where, below a field, only the text rule is broken, and the end of the message that must say so (its subject left out). */
interface TextRuleBroken {
  path: string[];
  problem: string;
}

/** A value certainly refused, and how, when it breaks only the text rule. */
interface Refused {
  value: unknown;
  textRule?: TextRuleBroken;
}

/**
 * Values the property's schema certainly refuses. The schemas are shared with the web forms, so
 * the text a form would send is documented as accepted: "" for a field that is not required or
 * may be null (left blank), "yes"/"on" for a boolean (a ticked checkbox) and "12" for a number (see NUMBER_TEXT).
 */
function invalidFor(name: string, s: JsonSchema, required: boolean): fc.Arbitrary<Refused> {
  // A blank field means "none" where the field may be left out or may be null.
  const blankAccepted = !required || typesOf(s).includes("null");
  const others = invalidValues(s)
    .filter((v) => !(v === "" && blankAccepted) && !(typesOf(s).includes("boolean") && (v === "yes" || v === "on")))
    .map((value): Refused => ({ value }));
  const branch = textBranch(s);
  const lines = branch["x-text"];
  const items = branch.items;
  // Text that breaks only the text rule gets twice the cases of all the other ways of being wrong together.
  if (lines)
    return fc.oneof(
      { weight: 1, arbitrary: others },
      {
        weight: 2,
        arbitrary: textRuleBroken(name, branch, lines).map((value) => ({
          value,
          textRule: {
            path: [],
            problem: textProblem(normaliseText(value), lines, "") ?? "(nothing: the generator made text the rule accepts)",
          },
        })),
      },
    );
  // A list of records (a reply's links): mostly one of them wrong, as a whole body would be, so its text fields are reached too.
  if (items?.properties)
    return fc.oneof(
      { weight: 1, arbitrary: others },
      {
        weight: 3,
        arbitrary: invalidRecord(items).map(({ body, field, textRule }) => ({
          value: [body],
          ...(textRule && { textRule: { ...textRule, path: ["0", field, ...textRule.path] } }),
        })),
      },
    );
  return others;
}

function invalidValues(s: JsonSchema): fc.Arbitrary<unknown> {
  const types = typesOf(s);
  const nullable = types.includes("null");
  const branch = s.anyOf?.find((b) => typesOf(b).some((t) => t !== "null")) ?? s;
  const options: fc.Arbitrary<unknown>[] = [];
  const wrongTypes: fc.Arbitrary<unknown>[] = [];
  const numeric = types.includes("integer") || types.includes("number");
  if (!types.includes("string")) wrongTypes.push(numeric ? hostileString.filter((v) => !NUMBER_TEXT.test(v)) : hostileString);
  if (!numeric && !branch.enum) wrongTypes.push(fc.integer(), fc.constantFrom(-1, 0, 1.5));
  if (!types.includes("boolean")) wrongTypes.push(fc.boolean());
  if (!types.includes("array")) wrongTypes.push(fc.array(leaf, { maxLength: 3 }));
  if (!types.includes("object")) wrongTypes.push(fc.dictionary(shortHostileString, leaf, { maxKeys: 3 }), fc.constant({ $gt: "" }));
  if (!nullable) wrongTypes.push(fc.constant(null));
  options.push(fc.oneof(...wrongTypes));
  if (branch.enum) {
    const allowed = new Set(branch.enum);
    options.push(hostileString.filter((v) => !allowed.has(v)));
  }
  if (types.includes("integer")) options.push(fc.constantFrom(1.5, 0.1, -2.5, 1e-9 + 3));
  const low = branch.exclusiveMinimum ?? (branch.minimum !== undefined ? branch.minimum - 1 : undefined);
  if (low !== undefined) options.push(fc.integer({ min: -1_000_000_000, max: low }));
  if (branch.maximum !== undefined) options.push(fc.integer({ min: branch.maximum + 1, max: branch.maximum + 1_000_000_000 }));
  if (branch.maxLength !== undefined) {
    const max = branch.maxLength;
    // zod measures strings in code points, after NFC: each of these is one character (e + accent composes to é).
    options.push(
      fc
        .integer({ min: max + 1, max: max + 2000 })
        .chain((n) => fc.constantFrom("a", "😀", "\u202e", "<", "'", "e\u0301").map((c) => c.repeat(n))),
    );
  }
  if ((branch.minLength ?? 0) >= 1) options.push(fc.constant("x".repeat(branch.minLength! - 1)));
  if (branch.format === "date-time" || isCalendarDate(branch))
    options.push(
      fc.constantFrom("yesterday", "2026-13-01T00:00:00Z", "2026-01-01T25:61:00Z", "31/12/2026", "2026-13-45", "0", "9999-99-99"),
    );
  if (types.includes("array") && branch.maxItems !== undefined)
    options.push(fc.array(leaf, { minLength: branch.maxItems + 1, maxLength: branch.maxItems + 3 }));
  return fc.oneof(...options);
}

export type BodyCase =
  | {
      kind: "invalid object";
      body: string;
      contentType: string;
      field: string;
      /** Where a text field breaks only the text rule ("name", "links.0.title"), and the end of the message for it. */
      textRule?: { path: string; problem: string };
    }
  | { kind: "malformed JSON"; body: string; contentType: string }
  | { kind: "not an object"; body: string; contentType: string }
  | { kind: "wrong content type"; body: string; contentType: string };

const JSON_TYPE = "application/json";

interface InvalidRecord {
  body: Record<string, unknown>;
  field: string;
  textRule?: TextRuleBroken;
}

/**
 * A record that certainly breaks the schema in one named field; the other fields are valid, nasty,
 * or left out (except a union's discriminator, which stays valid so that the branch is checked).
 */
function invalidRecord(schema: JsonSchema, discriminator: string | null = null): fc.Arbitrary<InvalidRecord> {
  const props = Object.entries(schema.properties ?? {});
  const required = new Set(schema.required ?? []);
  return fc
    .record({
      // Unbiased, so that the last fields are broken as often as the first.
      broken: fc.noBias(fc.constantFrom(...props.map(([name]) => name))),
      // A required field is left out in a quarter of the cases that break it.
      omit: fc.nat(3).map((n) => n === 0),
      others: fc.tuple(
        ...props.map(([name, s]) =>
          name === discriminator ? validFor(name, s) : fc.option(fc.oneof(validFor(name, s), hostileValue), { nil: undefined, freq: 4 }),
        ),
      ),
      extra: fc.dictionary(shortHostileString, hostileValue, { maxKeys: 2 }),
    })
    .chain(({ broken, omit, others, extra }) => {
      const brokenSchema = schema.properties![broken]!;
      const remove = omit && required.has(broken);
      return (remove ? fc.constant<Refused>({ value: undefined }) : invalidFor(broken, brokenSchema, required.has(broken))).map(
        ({ value, textRule }) => {
          const body: Record<string, unknown> = { ...extra };
          props.forEach(([name], i) => {
            if (others[i] !== undefined) body[name] = others[i];
          });
          if (remove) delete body[broken];
          else body[broken] = value;
          return { body, field: broken, ...(textRule && { textRule }) };
        },
      );
    });
}

/** A body that certainly breaks the schema in one named field (see invalidRecord). */
export function invalidObject(schema: JsonSchema, discriminator: string | null = null): fc.Arbitrary<BodyCase> {
  return invalidRecord(schema, discriminator).map(({ body, field, textRule }) => ({
    kind: "invalid object" as const,
    body: JSON.stringify(body),
    contentType: JSON_TYPE,
    field,
    ...(textRule && { textRule: { path: [field, ...textRule.path].join("."), problem: textRule.problem } }),
  }));
}

/** The paths of a body's text fields, those of its lists of records included ("links.0.title"). */
export function textFields({ branches }: BodySchema): string[] {
  const paths = branches.flatMap((branch) =>
    Object.entries(branch.properties ?? {}).flatMap(([name, s]) => {
      const b = textBranch(s);
      if (b["x-text"]) return [name];
      return Object.entries(b.items?.properties ?? {})
        .filter(([, item]) => textBranch(item)["x-text"])
        .map(([sub]) => `${name}.0.${sub}`);
    }),
  );
  return [...new Set(paths)];
}

export function bodyCases({ branches, discriminator }: BodySchema): fc.Arbitrary<BodyCase> {
  const validish = fc
    .constantFrom(...branches)
    .chain((schema) =>
      fc.tuple(...Object.entries(schema.properties ?? {}).map(([name, s]) => validFor(name, s).map((v) => [name, v] as const))),
    )
    .map((entries) => JSON.stringify(Object.fromEntries(entries)));
  return fc.oneof(
    { weight: 6, arbitrary: fc.oneof(...branches.map((b) => invalidObject(b, discriminator))) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(validish, fc.nat(), fc.constantFrom("", "{", "}", ",", "'", "\u0000", "]"))
        .map(([json, cut, junk]) => json.slice(0, cut % Math.max(json.length, 1)) + junk)
        .filter((text) => {
          try {
            JSON.parse(text);
            return false;
          } catch {
            return true;
          }
        })
        .map((body) => ({ kind: "malformed JSON" as const, body, contentType: JSON_TYPE })),
    },
    {
      weight: 1,
      arbitrary: fc
        .oneof(fc.array(hostileValue, { maxLength: 3 }), hostileString, fc.integer(), fc.boolean(), fc.constant(null))
        .map((v) => ({ kind: "not an object" as const, body: JSON.stringify(v), contentType: JSON_TYPE })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          validish,
          fc.constantFrom(
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=zz",
            "application/xml",
            "text/json",
            "application/jsonx",
            "",
          ),
        )
        .map(([body, contentType]) => ({ kind: "wrong content type" as const, body, contentType })),
    },
  );
}

/** Path ids that name no record: not numbers, not positive whole numbers, too big, or nasty text. */
export const badId: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    "abc",
    "-1",
    "0",
    "1.5",
    "1e3",
    "0x10",
    "99999999999999999999",
    "9007199254740993",
    "1;DROP TABLE people",
    "%00",
    "%F0%9F%98%80",
    "%E2%80%AE1",
    "NaN",
    "Infinity",
    "%20",
  ),
  shortHostileString.filter((s) => s.length > 0 && !/^\d+$/.test(s)).map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, "?"))),
  fc.integer({ min: -1_000_000, max: 0 }).map(String),
  fc.integer({ min: 100_000_000, max: 2_000_000_000 }).map(String),
);
