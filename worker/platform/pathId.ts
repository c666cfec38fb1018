// A record id from the path: decimal digits only, a positive safe integer; anything else is "no such
// record" (null). `Number()` alone would take "0x10" as 16, "1e3" as 1000 and " 7 " as 7.
import type { Context } from "hono";

export function parseId(text: string | undefined): number | null {
  if (!text || !/^[0-9]{1,16}$/.test(text)) return null;
  const id = Number(text);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

export function pathId(c: Context, name = "id"): number | null {
  return parseId(c.req.param(name));
}
