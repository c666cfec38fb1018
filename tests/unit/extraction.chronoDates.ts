// chrono-node's en-GB parser as the extraction core's date recogniser, so the saved pages can be
// read with it and with ours and the figures compared (extraction.fixtures.test.ts). Only the
// recognising is chrono's: which date opens or closes the consultation is still decided by
// shared/extraction/periods.ts, with our conventions (midnight is the end of the day; "today" and
// "this Sunday" are counted from the page's own date).
import * as chrono from "chrono-node";
import type { DateFinder, DateMention } from "../../shared/extraction";

/** Any fixed day: chrono needs a reference, and relative days are kept relative (counted later from the page). */
const REFERENCE = new Date("2024-01-15T12:00:00Z");
/** Words chrono takes into a date that our role reader needs to see before it. */
const LEADING = /^(?:\(\s*|(?:from|between|at|on|by|until|till|to)\s+)+/i;
const CONNECTOR = /\s*(?:-|–|—|\bto\b|\buntil\b|\btill\b|\band\b)\s*/i;

function mention(components: chrono.ParsedComponents, text: string, start: number, end: number, casual: string | null): DateMention | null {
  const hour = components.isCertain("hour") ? components.get("hour") : null;
  const minute = components.get("minute") ?? 0;
  const time = hour === null || (hour === 0 && minute === 0) ? null : `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
  const base = { start, end, from: start, to: end, time, year: null, weekday: null, day: 0, month: 0 };
  if (casual === "today" || casual === "tonight") return { ...base, relative: { days: 0 } };
  if (casual === "tomorrow") return { ...base, relative: { days: 1 } };
  const weekday = components.isCertain("weekday") ? components.get("weekday") : null;
  if (!components.isCertain("day")) return weekday === null || /\d/.test(text) ? null : { ...base, relative: { weekday } };
  return {
    ...base,
    day: components.get("day") ?? 0,
    month: components.get("month") ?? 0,
    year: components.isCertain("year") ? components.get("year") : null,
    weekday,
  };
}

export const chronoDates: DateFinder = (line) => {
  const found: DateMention[] = [];
  const results = chrono.en.GB.parse(line, REFERENCE);
  for (const [i, result] of results.entries()) {
    // As ours does: "tomorrow (Friday 24 June)" is read as the date in brackets.
    const next = results[i + 1];
    if (next && /^\s*\(?\s*$/.test(line.slice(result.index + result.text.length, next.index)) && line[next.index] === "(") continue;
    const lead = LEADING.exec(result.text)?.[0].length ?? 0;
    const start = result.index + lead;
    const text = result.text.slice(lead);
    const casual = [...result.tags()].find((t) => t.startsWith("casualReference/"))?.split("/")[1] ?? null;
    const split = result.end ? CONNECTOR.exec(text) : null;
    if (result.end && split) {
      const first = mention(result.start, text.slice(0, split.index), start, start + split.index, casual);
      const secondStart = start + split.index + split[0].length;
      const second = mention(result.end, text.slice(split.index + split[0].length), secondStart, start + text.length, null);
      for (const m of [first, second]) if (m) found.push(m);
    } else {
      const m = mention(result.start, text, start, start + text.length, casual);
      if (m) found.push(m);
    }
  }
  return found;
};
