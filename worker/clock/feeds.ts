// Calendar (iCalendar) feeds of deadlines, per person (what they watch) and per organisation (its clock).
// The address carries a secret token; only its hash is stored, and it can be revoked.
import { londonDate } from "../../shared/time";
import { deadlineLabel, liveWatched } from "../alerts/targets";
import { randomToken, sha256 } from "../crypto";
import type { DB } from "../db";
import type { CalendarEntry } from "../feeds/ical";
import { clockItems, scopeOf, type ClockOrganisation } from "./queries";

export type FeedOwner = { personId: number } | { organisationId: number };

export function feedUrl(publicUrl: string, token: string): string {
  return new URL(`/feeds/calendar/${token}.ics`, publicUrl).toString();
}

/** Makes a new feed address; the token is returned once and never stored. */
export async function createFeedToken(db: DB, createdBy: number, owner: FeedOwner, now: Date): Promise<string> {
  const token = randomToken(24);
  await db
    .insertInto("feed_tokens")
    .values({
      token_hash: await sha256(token),
      person_id: "personId" in owner ? owner.personId : null,
      organisation_id: "organisationId" in owner ? owner.organisationId : null,
      created_by: createdBy,
      created_at: now.toISOString(),
    })
    .execute();
  return token;
}

export function liveFeeds(db: DB, owner: FeedOwner) {
  let q = db
    .selectFrom("feed_tokens as f")
    .innerJoin("people as p", "p.id", "f.created_by")
    .select(["f.id", "f.created_at", "p.name as created_by_name"])
    .where("f.revoked_at", "is", null);
  q = "personId" in owner ? q.where("f.person_id", "=", owner.personId) : q.where("f.organisation_id", "=", owner.organisationId);
  return q.orderBy("f.id").limit(50).execute();
}

/** Revokes one of the owner's feeds; false if it is not theirs or already revoked. */
export async function revokeFeed(db: DB, id: number, owner: FeedOwner, now: Date): Promise<boolean> {
  let q = db.updateTable("feed_tokens").set({ revoked_at: now.toISOString() }).where("id", "=", id).where("revoked_at", "is", null);
  q = "personId" in owner ? q.where("person_id", "=", owner.personId) : q.where("organisation_id", "=", owner.organisationId);
  const result = await q.executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
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
