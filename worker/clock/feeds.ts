// Deadlines people take away: iCalendar feeds per person (what they watch) and per organisation (its
// clock), and a clock as CSV. A feed's address carries a secret token; only its hash is stored, and it
// can be revoked (worker/platform/feedTokens.ts).
import { Hono } from "hono";
import type { Clock } from "../../shared/schemas/clock";
import { formatLondonDateTime, londonDate } from "../../shared/time";
import { deadlineLabel, liveWatched } from "../alerts/targets";
import { publicAccess } from "../auth/middleware";
import { csvResponse } from "../feeds/csv";
import { type CalendarEntry, calendarResponse } from "../feeds/ical";
import { sha256 } from "../platform/crypto";
import type { DB } from "../platform/db";
import { type Deps, depsOf } from "../platform/deps";
import type { AppEnv } from "../platform/env";
import { notFound } from "../platform/errors";
import { type ClockOrganisation, clockItems, scopeOf } from "./queries";

export function feedUrl(publicUrl: string, token: string): string {
  return new URL(`/feeds/calendar/${token}.ics`, publicUrl).toString();
}

async function personEntries(db: DB, personId: number, publicUrl: string, host: string): Promise<CalendarEntry[]> {
  // Only watches whose target still has a deadline (live_until, kept by triggers), each read once with its target.
  const watched = await liveWatched(db, personId, null);
  return watched.flatMap(({ target: t }) => {
    return t.deadlines.map((d) => ({
      uid: `${t.kind}-${t.id}-${d.kind}@${host}`,
      title: `${deadlineLabel(t.kind, d.kind)}: ${t.title}`,
      url: new URL(t.path, publicUrl).toString(),
      // A closing is an exact time; a reply or response is due by the end of its day.
      when: d.kind === "closes" ? { instant: d.at } : { date: londonDate(d.at) },
    }));
  });
}

async function organisationEntries(deps: Deps, organisation: ClockOrganisation, host: string): Promise<CalendarEntry[]> {
  const items = await clockItems(deps, scopeOf(organisation));
  return items.map((i) => ({
    uid: `${i.key}@${host}`,
    title: `${i.label}: ${i.title}`,
    description: i.owedTo ? `${i.owedBy} owes ${i.owedTo}` : i.owedBy,
    url: i.webUrl,
    when: i.allDay ? { date: londonDate(i.deadlineAt) } : { instant: i.deadlineAt },
  }));
}

interface Calendar {
  name: string;
  filename: string;
  entries: CalendarEntry[];
}

/** The calendar a live token opens, or null for an unknown or revoked one. */
export async function calendarForToken(deps: Deps, token: string): Promise<Calendar | null> {
  const { db, publicUrl } = deps;
  const feed = await db
    .selectFrom("feed_tokens")
    .select(["person_id", "organisation_id"])
    .where("token_hash", "=", await sha256(token))
    .where("revoked_at", "is", null)
    .executeTakeFirst();
  if (!feed) return null;
  const host = new URL(publicUrl).host;
  if (feed.organisation_id !== null) {
    const org = await db
      .selectFrom("organisations")
      .select(["id", "area_id", "name", "kind"])
      .where("id", "=", feed.organisation_id)
      .executeTakeFirst();
    if (!org) return null;
    return { name: `Deadlines: ${org.name}`, filename: "organisation-deadlines", entries: await organisationEntries(deps, org, host) };
  }
  if (feed.person_id === null) return null;
  const person = await db.selectFrom("people").select(["id", "name"]).where("id", "=", feed.person_id).executeTakeFirst();
  if (!person) return null;
  return {
    name: `Deadlines I watch (${person.name})`,
    filename: "my-deadlines",
    entries: await personEntries(db, person.id, publicUrl, host),
  };
}

/** A clock as a spreadsheet, for committee papers: one row an item, soonest due first. */
export function clockCsv(clock: Clock, filename: string): Response {
  const rows = clock.items.map((i) => [
    londonDate(i.deadlineAt),
    i.allDay ? "end of day" : formatLondonDateTime(i.deadlineAt),
    i.overdue ? "Overdue" : "Open",
    i.label,
    i.title,
    i.owedBy,
    i.owedTo ?? "",
    i.webUrl,
  ]);
  async function* one() {
    yield rows;
  }
  return csvResponse(filename, ["Due date", "Due time", "Status", "What", "Title", "Who must act", "For", "Link"], one());
}

/** The subscribed calendar: the secret token in the address is the only credential. */
export const calendarFeed = new Hono<AppEnv>().get("/feeds/calendar/:file{[A-Za-z0-9_-]+\\.ics}", publicAccess, async (c) => {
  const deps = depsOf(c);
  const calendar = await calendarForToken(deps, c.req.param("file").replace(/\.ics$/, ""));
  if (!calendar) throw notFound("calendar");
  return calendarResponse(calendar.name, calendar.filename, calendar.entries, deps.now);
});
