// Turning zod failures into the API's error shape and the web forms' field errors.
import type { Context } from "hono";
import type { z } from "zod";
import { appSecret, type AppEnv } from "./env";
import { hmac } from "./crypto";
import { validationFailed } from "./errors";

/** Field path -> first message for it. Fields at the top level are named "_body". */
export function zodFields(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "_body";
    fields[path] ??= issue.message;
  }
  return fields;
}

export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw validationFailed(zodFields(result.error));
  return result.data;
}

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: Record<string, string>; values: Record<string, string> };

/** Reads an urlencoded/multipart form and validates it; on failure returns what was typed, for re-display. */
export async function parseForm<T extends z.ZodType, E extends AppEnv>(c: Context<E>, schema: T): Promise<FormResult<z.output<T>>> {
  const body = await c.req.parseBody({ all: true });
  const values: Record<string, string> = {};
  const input: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === "_csrf") continue;
    if (Array.isArray(value)) {
      const strings = value.filter((v): v is string => typeof v === "string");
      input[key] = strings;
      values[key] = strings.join(",");
    } else if (typeof value === "string") {
      input[key] = value;
      values[key] = value;
    }
  }
  const result = schema.safeParse(input);
  if (!result.success) return { ok: false, errors: zodFields(result.error), values };
  return { ok: true, data: result.data };
}

/** A keyed hash of the caller's IP address: lets us rate-limit without storing the address. */
export async function clientIpHash<E extends AppEnv>(c: Context<E>): Promise<string> {
  const ip = c.req.header("CF-Connecting-IP") ?? c.req.header("X-Forwarded-For")?.split(",")[0]?.trim() ?? "unknown";
  return (await hmac(appSecret(c.env), `ip:${ip}`)).slice(0, 22);
}
