// Scheduled petition jobs: close petitions whose closing date has passed, and finish mailings to signers.
import { petitionMachine } from "../../shared/petitions/machine";
import { nextState } from "../../shared/stateMachine";
import { batch } from "../platform/db";
import type { ScheduledJob } from "../platform/deps";
import { closedEmail } from "./emails";
import { advanceMailings, deadlinesChanged, linksFor } from "./service";
import { auditIfChanged } from "../platform/audit";
import { previousChanged } from "../platform/writes";
import { emailToColumn, thresholdStatements } from "./statements";

/** Petitions closed per run: a backlog is worked through over the next runs. */
export const CLOSE_BATCH = 50;
/** Mailing chunks (of 100 signers) written per run. */
export const MAILING_CHUNKS_PER_RUN = 50;

/**
 * The petition machine's `close` (by the system) for every open petition whose closing
 * time has passed. If the response threshold was reached but the response clock has not
 * started (only possible when the count reached it at the very end), it starts now, from
 * the closing. Idempotent: each close is conditional on the petition still being open.
 */
export const closePetitions: ScheduledJob = {
  name: "petitions.close",
  async run({ db, env, now }) {
    const nowIso = now.toISOString();
    const due = await db
      .selectFrom("petitions as p")
      .innerJoin("organisations as o", "o.id", "p.organisation_id")
      .select([
        "p.id",
        "p.area_id",
        "p.organisation_id",
        "p.title",
        "p.closes_at",
        "p.signature_count",
        "p.response_working_days",
        "p.response_threshold",
        "o.name as organisation_name",
      ])
      .where("p.state", "=", "open")
      .where("p.closes_at", "<=", nowIso)
      .orderBy("p.closes_at")
      .limit(CLOSE_BATCH)
      .execute();
    const to = nextState(petitionMachine, "open", "close", ["system"]);
    const links = linksFor(env.PUBLIC_URL);
    let closed = 0;
    for (const p of due) {
      const closesAt = new Date(p.closes_at!);
      const thresholds = thresholdStatements(db, p, closesAt, now, links);
      const results = await batch(env.DB, [
        ...thresholds,
        db
          .updateTable("petitions")
          .set({ state: to, closed_at: p.closes_at, updated_at: nowIso })
          .where("id", "=", p.id)
          .where("state", "=", "open")
          .where("closes_at", "<=", nowIso),
        auditIfChanged(db, {
          actor: "system",
          areaId: p.area_id,
          entity: "petition",
          entityId: p.id,
          action: "close",
          from: "open",
          to,
          details: { signatures: p.signature_count },
          at: now,
        }),
        emailToColumn(
          db,
          p.id,
          "p.petitioner_email",
          {
            ...closedEmail({ title: p.title, signatures: p.signature_count }, links.petition(p.id)),
            category: "petition_closed",
            dedupeKey: `petition-closed:${p.id}`,
          },
          now,
          (qb) => qb.where("state", "=", "closed"),
          previousChanged,
        ),
      ]);
      if ((results[thresholds.length]?.meta.changes ?? 0) > 0) {
        closed++;
        await deadlinesChanged({ db, d1: env.DB, now }, p.id);
      }
    }
    return { closed };
  },
};

export const finishMailings: ScheduledJob = {
  name: "petitions.mailings",
  async run({ db, env, now }) {
    return { chunks: await advanceMailings({ db, d1: env.DB, now }, { maxChunks: MAILING_CHUNKS_PER_RUN }) };
  },
};

export const petitionJobs: ScheduledJob[] = [closePetitions, finishMailings];
