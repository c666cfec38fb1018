// No text field can forget the text rule: every string that any input schema takes (every export of
// shared/schemas/*.ts that is not a response, and every request body, query and path of the API,
// inline ones included) must be built from plainText() in shared/schemas/common.ts. The API's routes
// are read here only to tell the schemas it answers with (free text, not checked) from the ones it takes.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { multiLine, singleLine, textRuleOf } from "../../shared/schemas/common";
import { buildApi } from "../../worker/api";

/** Where a schema takes text without the rule (or takes anything at all), one line for each. */
function textWithoutRule(schema: z.ZodType, path: string, texts: string[] = []): string[] {
  const at = (part: string) => (path ? `${path}.${part}` : part);
  const type = schema._zod.def.type;
  if (type === "string" || type === "template_literal") {
    if (textRuleOf(schema)) texts.push(path);
    else return [`${path || "(the schema)"}: a string not built from plainText()`];
    return [];
  }
  if (type === "any" || type === "unknown" || type === "custom" || type === "transform") return [`${path}: takes any value`];
  if (schema instanceof z.ZodObject)
    return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, value]) => textWithoutRule(value, at(key), texts));
  if (schema instanceof z.ZodArray) return textWithoutRule(schema.element as z.ZodType, at("0"), texts);
  if (schema instanceof z.ZodUnion) return (schema.options as z.ZodType[]).flatMap((option) => textWithoutRule(option, path, texts));
  if (schema instanceof z.ZodRecord)
    return [
      ...textWithoutRule(schema.keyType as z.ZodType, at("(key)"), texts),
      ...textWithoutRule(schema.valueType as z.ZodType, at("*"), texts),
    ];
  if (schema instanceof z.ZodIntersection)
    return [
      ...textWithoutRule(schema._zod.def.left as z.ZodType, path, texts),
      ...textWithoutRule(schema._zod.def.right as z.ZodType, path, texts),
    ];
  // A preprocess hands the raw input to what follows it; any other pipe checks its input on the way in.
  if (schema instanceof z.ZodPipe)
    return schema.in instanceof z.ZodTransform
      ? textWithoutRule(schema.out as z.ZodType, path, texts)
      : textWithoutRule(schema.in as z.ZodType, path, texts);
  if ("innerType" in schema._zod.def) return textWithoutRule(schema._zod.def.innerType as z.ZodType, path, texts);
  if (["number", "int", "boolean", "enum", "literal", "null", "undefined", "nan", "date", "bigint"].includes(type)) return [];
  return [`${path}: a ${type} schema, which this test does not know how to read`];
}

/** Every schema inside `schema`, itself included. */
function within(schema: z.ZodType, found = new Set<z.ZodType>()): Set<z.ZodType> {
  if (found.has(schema)) return found;
  found.add(schema);
  const def = schema._zod.def as unknown as Record<string, unknown>;
  const children = [
    def.shape ? Object.values(def.shape) : [],
    def.element,
    def.options,
    def.in,
    def.out,
    def.innerType,
    def.left,
    def.right,
  ]
    .flat()
    .filter((child): child is z.ZodType => child instanceof z.ZodType);
  for (const child of children) within(child, found);
  return found;
}

interface RouteSchemas {
  name: string;
  takes: z.ZodType[];
  gives: z.ZodType[];
}

const zodSchemas = (values: unknown[]) => values.flat().filter((s): s is z.ZodType => s instanceof z.ZodType);

/** The schemas of a request body or response, whatever their media types. */
function contentSchemas(body: unknown): z.ZodType[] {
  const content = (body as { content?: Record<string, { schema?: unknown } | undefined> } | undefined)?.content ?? {};
  return zodSchemas(Object.values(content).map((media) => media?.schema));
}

function routes(): RouteSchemas[] {
  return buildApi().openAPIRegistry.definitions.flatMap((d) => {
    if (d.type !== "route") return [];
    const { request, responses, method, path } = d.route;
    return [
      {
        name: `${method.toUpperCase()} ${path}`,
        takes: [...zodSchemas([request?.query, request?.params, request?.headers, request?.cookies]), ...contentSchemas(request?.body)],
        gives: Object.values(responses).flatMap(contentSchemas),
      },
    ];
  });
}

async function exportedSchemas(): Promise<{ name: string; schema: z.ZodType }[]> {
  const dir = new URL("../../shared/schemas/", import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith(".ts"));
  const modules = await Promise.all(files.map(async (f) => [f, (await import(new URL(f, dir).href)) as Record<string, unknown>] as const));
  return modules.flatMap(([file, exports]) =>
    Object.entries(exports)
      .filter((entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType)
      .map(([name, schema]) => ({ name: `${file} ${name}`, schema })),
  );
}

describe("every text field of every input is built from the text rule", () => {
  it("finds a string that is not, and passes one that is", () => {
    expect(textWithoutRule(z.object({ name: z.string().trim().max(10) }), "")).toEqual(["name: a string not built from plainText()"]);
    expect(textWithoutRule(z.object({ tags: z.array(z.string()).optional() }), "")).toEqual([
      "tags.0: a string not built from plainText()",
    ]);
    expect(textWithoutRule(z.object({ anything: z.unknown() }), "")).toEqual(["anything: takes any value"]);
    const texts: string[] = [];
    const ok = z.object({
      name: singleLine("your name", { max: 10 }).optional(),
      notes: z.preprocess((v) => v, multiLine("notes", { max: 99 }).pipe(z.string().transform((s) => s.length))),
    });
    expect(textWithoutRule(ok, "", texts)).toEqual([]);
    expect(texts).toEqual(["name", "notes"]);
  });

  it("holds for every schema in shared/schemas that the API does not answer with, and for every request of every API route", async () => {
    const all = routes();
    expect(all.length).toBeGreaterThanOrEqual(50);
    const outputs = new Set(all.flatMap((r) => r.gives).flatMap((s) => [...within(s)]));
    const texts: string[] = [];
    const problems = [
      ...all.flatMap((r) => r.takes.flatMap((s) => textWithoutRule(s, "", texts).map((p) => `${r.name} ${p}`))),
      ...(await exportedSchemas())
        .filter(({ schema }) => !outputs.has(schema))
        .flatMap(({ name, schema }) => textWithoutRule(schema, "", texts).map((p) => `${name} ${p}`)),
    ];
    expect(problems).toEqual([]);
    // Titles, names, emails, postcodes, messages, search words, dates, addresses…: the walk reached them.
    expect(new Set(texts).size).toBeGreaterThanOrEqual(30);
  });
});
