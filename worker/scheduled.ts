// The Cron Trigger (every 15 minutes): each job moves things on, then the outbox is delivered.
import { createDb, type DB } from "./db";
import { deliverOutbox, senderFor, type DeliveryReport, type EmailSender } from "./email/sender";
import type { Env } from "./env";
import { petitionJobs } from "./petitions/jobs";
import { alertJobs } from "./alerts/jobs";
import { markOverdueObligations } from "./obligations/service";
import { privacyJobs } from "./privacy/jobs";

export interface ScheduledJobContext {
  db: DB;
  env: Env;
  now: Date;
}

/** A job run on every tick; it must be safe to run twice or concurrently. */
export type ScheduledJob = { name: string; run: (ctx: ScheduledJobContext) => Promise<Record<string, number>> };

// Each feature adds its jobs here, in the order they should run.
export const scheduledJobs: ScheduledJob[] = [
  ...petitionJobs,
  { name: "obligations-overdue", run: markOverdueObligations },
  ...alertJobs,
  ...privacyJobs,
];

export interface TickReport {
  jobs: Record<string, Record<string, number> | { error: string }>;
  delivery: DeliveryReport | null;
}

/** One run of the scheduled handler. A failing job is reported and the rest still run. */
export async function runScheduled(env: Env, now: Date, sender: EmailSender | null = senderFor(env)): Promise<TickReport> {
  const db = createDb(env.DB);
  const report: TickReport = { jobs: {}, delivery: null };
  for (const job of scheduledJobs) {
    try {
      report.jobs[job.name] = await job.run({ db, env, now });
    } catch (err) {
      console.error(`scheduled job ${job.name} failed`, err);
      report.jobs[job.name] = { error: err instanceof Error ? err.message : String(err) };
    }
  }
  if (sender) report.delivery = await deliverOutbox(db, sender, env.EMAIL_FROM, now, { limit: 200 });
  return report;
}
