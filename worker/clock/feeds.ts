// Calendar (iCalendar) feeds of deadlines, per person (what they watch) and per organisation (its clock).
// The address carries a secret token; only its hash is stored, and it can be revoked.
import { londonDate } from "../../shared/time";
import { deadlineLabel, liveWatched } from "../alerts/targets";
import { sha256 } from "../platform/crypto";
import type { DB } from "../platform/db";
import type { CalendarEntry } from "../feeds/ical";
import { clockItems, scopeOf, type ClockOrganisation } from "./queries";

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

async function organisationEntries(
  db: DB,
  organisation: ClockOrganisation,
  now: Date,
  publicUrl: string,
  host: string,
): Promise<CalendarEntry[]> {
  const items = await clockItems(db, scopeOf(organisation), now, publicUrl);
  return items.map((i) => ({
    uid: `${i.key}@${host}`,
    title: `${i.label}: ${i.title}`,
    description: i.owedTo ? `${i.owedBy} owes ${i.owedTo}` : i.owedBy,
    url: i.webUrl,
    when: i.allDay ? { date: londonDate(i.deadlineAt) } : { instant: i.deadlineAt },
  }));
}

/** The calendar a live token opens, or null for an unknown or revoked one. */
export async function calendarForToken(
  db: DB,
  token: string,
  now: Date,
  publicUrl: string,
): Promise<{ name: string; filename: string; entries: CalendarEntry[] } | null> {
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
    return {
      name: `Deadlines: ${org.name}`,
      filename: "organisation-deadlines",
      entries: await organisationEntries(db, org, now, publicUrl, host),
    };
  }
  const person = await db.selectFrom("people").select(["id", "name"]).where("id", "=", feed.person_id!).executeTakeFirst();
  if (!person) return null;
  return {
    name: `Deadlines I watch (${person.name})`,
    filename: "my-deadlines",
    entries: await personEntries(db, person.id, publicUrl, host),
  };
}
