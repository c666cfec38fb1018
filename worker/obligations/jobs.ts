// The scheduled handler's work on requests: an open one past its due moment is stamped overdue
// once (the rule is shared/obligations/rules.ts's becomingOverdue), and the people who must answer are told.
import { at } from "../../shared/conditions";
import { awaitingOverdueStamp, becomingOverdue } from "../../shared/obligations/rules";
import { formatLondonDate } from "../../shared/time";
import { enqueueEmail } from "../email/outbox";
import { auditIfChanged } from "../platform/audit";
import { where } from "../platform/conditions";
import { batchGroups } from "../platform/db";
import type { Deps, ScheduledJob } from "../platform/deps";
import { peopleAnsweringFor } from "./queries";
import { changed } from "./service";

/** Obligations stamped overdue a run, at most; the rest wait for the next run. */
const OVERDUE_PER_RUN = 100;
/** Obligations stamped in one D1 batch (a round trip). */
const OVERDUE_PER_BATCH = 25;

/**
 * Moves statuses on: an open obligation past its due date is stamped overdue once, the
 * timeline says so, and the people who must answer are told. Reads only those just due.
 */
export async function markOverdueObligations({ db, d1, now, publicUrl }: Deps): Promise<Record<string, number>> {
  const due = await db
    .selectFrom("obligations as ob")
    .innerJoin("organisations as o", "o.id", "ob.owed_by_organisation_id")
    .select(["ob.id", "ob.area_id", "ob.title", "ob.due_at", "ob.owed_by_organisation_id", "o.name as owed_by_name"])
    .where(where(becomingOverdue, at(now), { alias: "ob" }))
    .orderBy("ob.due_at")
    .limit(OVERDUE_PER_RUN)
    .execute();
  if (due.length === 0) return { overdue: 0 };
  const answering = await peopleAnsweringFor(db, [...new Set(due.map((o) => o.owed_by_organisation_id))]);
  const statementsFor = (o: (typeof due)[number]) => {
    const page = new URL(`/obligations/${o.id}`, publicUrl).toString();
    return [
      // The audit entry follows its stamp directly: it is written only if the stamp changed a row.
      db.updateTable("obligations").set({ overdue_at: now.toISOString() }).where("id", "=", o.id).where(where(awaitingOverdueStamp)),
      auditIfChanged(db, {
        actor: "system",
        areaId: o.area_id,
        entity: "obligation",
        entityId: o.id,
        action: "became_overdue",
        from: "open",
        to: "overdue",
        at: now,
      }),
      ...answering
        .filter((p) => p.organisation_id === o.owed_by_organisation_id)
        .map((p) =>
          enqueueEmail(
            db,
            {
              to: p.email,
              personId: p.id,
              subject: `Overdue: ${o.title}`,
              text: `A reply from ${o.owed_by_name} to "${o.title}" was due by the end of ${formatLondonDate(o.due_at)} and has not been sent.\n\nReply now: ${page}`,
              category: "obligation",
              dedupeKey: `overdue:${o.id}:${p.id}`,
            },
            now,
          ),
        ),
    ];
  };
  // Several obligations a round trip; each batch is atomic, so a run stopped part-way leaves whole
  // obligations stamped (with their audit entry and emails) or untouched for the next run.
  let marked = 0;
  for (let i = 0; i < due.length; i += OVERDUE_PER_BATCH) {
    const perObligation = await batchGroups(d1, due.slice(i, i + OVERDUE_PER_BATCH).map(statementsFor));
    marked += perObligation.filter((results) => changed(results[0])).length;
  }
  return { overdue: marked };
}

export const obligationJobs: ScheduledJob[] = [{ name: "obligations-overdue", run: markOverdueObligations }];
