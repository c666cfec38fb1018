// Scheduled jobs for alerts: write each due alert to the outbox exactly once, and the daily digest.
//
// Exactly once: each watch keeps next_alert_at, the next alert moment at or after the last run.
// A run reads only watches with next_alert_at <= now (the partial index watches_due, with a
// LIMIT), enqueues each alert under the key alert:<watch>:<lead days>:<deadline> (a unique
// column, so a rerun or an overlapping run writes nothing twice), then moves next_alert_at on.
// Reads grow with the number of alerts due, never with the number of watches stored.
import { ALERT_TIME, dueAlerts, isMorningAlert, nextAlertAt, type Deadline } from "../../shared/alerts/timing";
import { calendarDaysBetween, formatLondonDate, formatLondonDateTime, londonDate, londonInstant } from "../../shared/time";
import type { NotNull } from "kysely";
import { batch, chunks, type DB } from "../platform/db";
import { enqueueEmail } from "../email/outbox";
import type { Deps, ScheduledJob } from "../platform/deps";
import { type AlertPerson, loadAlertPeople, refOf, type WatchRow } from "./service";
import { deadlineLabel, loadTargets, targetKey, type WatchTarget } from "./targets";

/** Watches handled a run; the rest wait for the next run (every 15 minutes). */
export const ALERTS_PER_RUN = 200;

function when(deadlineAt: string, now: Date): string {
  const days = calendarDaysBetween(now, deadlineAt);
  if (days <= 0) return "today";
  return days === 1 ? "tomorrow" : `in ${days} days`;
}

export function alertEmail(target: WatchTarget, deadline: Deadline, now: Date, publicUrl: string) {
  const rel = when(deadline.at, now);
  const page = new URL(target.path, publicUrl).toString();
  const what =
    deadline.kind === "closes"
      ? `"${target.title}" closes ${rel}, at ${formatLondonDateTime(deadline.at)}.`
      : `A ${deadline.kind === "reply_due" ? "reply" : "response"} to "${target.title}" is due ${rel}, by the end of ${formatLondonDate(deadline.at)}.`;
  const lines = [what, ""];
  if (target.url) lines.push(`Take part: ${target.url}`);
  lines.push(`Details: ${page}`, "", `You get this because you watch it. To stop, select "Stop watching" on ${page}`);
  lines.push(`To change when reminders come: ${new URL("/account#alerts", publicUrl).toString()}`);
  return { subject: `${deadlineLabel(target.kind, deadline.kind)} ${rel}: ${target.title}`, text: lines.join("\n") };
}

/** A watch whose next alert moment has come (read with next_alert_at <= now, so never null). */
type DueWatch = Pick<WatchRow, "id" | "person_id" | "target_kind" | "target_id"> & { next_alert_at: string };

function alertEmails(db: DB, w: DueWatch, target: WatchTarget, person: AlertPerson, { now, publicUrl }: Deps) {
  return dueAlerts(target.deadlines, person.leadTimes, new Date(w.next_alert_at), now).map((a) => {
    const { subject, text } = alertEmail(target, a.deadline, now, publicUrl);
    return enqueueEmail(
      db,
      {
        to: person.email,
        personId: person.id,
        subject,
        text,
        category: "alert",
        dedupeKey: `alert:${w.id}:${a.leadDays}:${a.deadline.at}`,
        // Morning alerts wait for the digest (made the same morning); an earlier "on the day" one cannot.
        digest: person.dailyDigest && isMorningAlert(a.deadline.at, a.leadDays),
      },
      now,
    );
  });
}

function alertStatements(db: DB, w: DueWatch, target: WatchTarget | undefined, person: AlertPerson | undefined, ctx: Deps) {
  const { now } = ctx;
  const emails = target && person ? alertEmails(db, w, target, person, ctx) : [];
  const next = target && person ? nextAlertAt(target.deadlines, person.leadTimes, new Date(now.getTime() + 1)) : null;
  // Conditional on the value read, so a concurrent change of deadline is not overwritten.
  const advance = db
    .updateTable("watches")
    .set({ next_alert_at: next?.toISOString() ?? null })
    .where("id", "=", w.id)
    .where("next_alert_at", "=", w.next_alert_at);
  return { emails, advance };
}

export async function sendDueAlerts(ctx: Deps): Promise<Record<string, number>> {
  const { db, d1, now } = ctx;
  const due = await db
    .selectFrom("watches")
    .select(["id", "person_id", "target_kind", "target_id", "next_alert_at"])
    .where("next_alert_at", "<=", now.toISOString())
    .orderBy("next_alert_at")
    .limit(ALERTS_PER_RUN)
    .$narrowType<{ next_alert_at: NotNull }>()
    .execute();
  if (due.length === 0) return { due: 0, queued: 0 };
  const [targets, people] = await Promise.all([
    loadTargets(db, due.map(refOf)),
    loadAlertPeople(
      db,
      due.map((w) => w.person_id),
    ),
  ]);
  let queued = 0;
  for (let i = 0; i < due.length; i += 25) {
    const statements = due
      .slice(i, i + 25)
      .map((w) => alertStatements(db, w, targets.get(targetKey(refOf(w))), people.get(w.person_id), ctx));
    const results = await batch(
      d1,
      statements.flatMap((s) => [...s.emails, s.advance]),
    );
    let r = 0;
    for (const s of statements) {
      for (let e = 0; e < s.emails.length; e++) queued += results[r++]?.meta.changes ?? 0;
      r++;
    }
  }
  return { due: due.length, queued };
}

/** Held alerts combined a run, at most. */
const HELD_PER_RUN = 1000;
/** Alerts in one digest, at most (their ids are bound parameters; D1 allows 100). More wait for the next day's. */
const ALERTS_PER_DIGEST = 80;

/**
 * Once a day, at the first run after 07:00 London when every due alert has been written,
 * combines each person's held alerts into one email (key digest:<person>:<date>) and marks
 * them sent in it. Delivery never sends held alerts themselves: they have no next_attempt_at.
 */
export async function sendDailyDigests(ctx: Deps): Promise<Record<string, number>> {
  const { db, d1, now } = ctx;
  const today = londonDate(now);
  if (now.getTime() < londonInstant(today, ALERT_TIME).getTime()) return { digests: 0 };
  const backlog = await db.selectFrom("watches").select("id").where("next_alert_at", "<=", now.toISOString()).limit(1).executeTakeFirst();
  if (backlog) return { digests: 0, waitingForAlerts: 1 };
  const held = await db
    .selectFrom("outbox")
    .select(["id", "person_id", "subject", "body_text"])
    .where("digest", "=", 1)
    .where("sent_at", "is", null)
    .orderBy("person_id")
    .orderBy("id")
    .limit(HELD_PER_RUN)
    .execute();
  const byPerson = new Map<number, typeof held>();
  for (const m of held) {
    if (m.person_id === null) continue;
    const mine = byPerson.get(m.person_id) ?? [];
    if (mine.length < ALERTS_PER_DIGEST) byPerson.set(m.person_id, [...mine, m]);
  }
  if (byPerson.size === 0) return { digests: 0 };
  const keyOf = (personId: number) => `digest:${personId}:${today}`;
  const already = new Set<string>();
  for (const part of chunks([...byPerson.keys()].map(keyOf))) {
    const rows = await db.selectFrom("outbox").select("dedupe_key").where("dedupe_key", "in", part).execute();
    for (const r of rows) if (r.dedupe_key !== null) already.add(r.dedupe_key);
  }
  const people = await loadAlertPeople(db, [...byPerson.keys()]);
  let digests = 0;
  for (const [personId, messages] of byPerson) {
    const person = people.get(personId);
    // Today's digest already went: these wait for tomorrow's rather than arriving alone.
    if (!person || already.has(keyOf(personId))) continue;
    const text = [
      `Hello ${person.name}. You asked for one email a day: here ${messages.length === 1 ? "is today's reminder" : `are today's ${messages.length} reminders`}.`,
      ...messages.map((m) => `${m.subject}\n\n${m.body_text}`),
    ].join("\n\n----------\n\n");
    const key = keyOf(personId);
    const results = await batch(d1, [
      enqueueEmail(
        db,
        { to: person.email, personId, subject: `Your reminders for ${formatLondonDate(now)}`, text, category: "digest", dedupeKey: key },
        now,
      ),
      // Marked only if the digest just written (or an identical one) holds exactly these messages.
      db
        .updateTable("outbox")
        .set({ sent_at: now.toISOString(), last_error: null, next_attempt_at: null })
        .where(
          "id",
          "in",
          messages.map((m) => m.id),
        )
        .where("sent_at", "is", null)
        .where(({ exists, selectFrom }) =>
          exists(selectFrom("outbox as d").select("d.id").where("d.dedupe_key", "=", key).where("d.body_text", "=", text)),
        ),
    ]);
    digests += results[0]?.meta.changes ?? 0;
  }
  return { digests };
}

export const alertJobs: ScheduledJob[] = [
  { name: "alerts", run: sendDueAlerts },
  { name: "digests", run: sendDailyDigests },
];
