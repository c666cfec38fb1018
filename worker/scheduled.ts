// The Cron Trigger (every 15 minutes): each job moves things on, then the outbox is delivered.
import { alertJobs } from "./alerts/jobs";
import { deliverOutbox, type DeliveryReport, type EmailSender, senderFor } from "./email/sender";
import { obligationJobs } from "./obligations/jobs";
import { petitionJobs } from "./petitions/jobs";
import { depsForTick, type ScheduledJob } from "./platform/deps";
import type { Env } from "./platform/env";
import { privacyJobs } from "./privacy/jobs";

// Each feature adds its jobs here, in the order they should run.
export const scheduledJobs: ScheduledJob[] = [...petitionJobs, ...obligationJobs, ...alertJobs, ...privacyJobs];

export interface TickReport {
  jobs: Record<string, Record<string, number> | { error: string }>;
  delivery: DeliveryReport | null;
}

/** One run of the scheduled handler. A failing job is reported and the rest still run. */
export async function runScheduled(env: Env, now: Date, sender: EmailSender | null = senderFor(env)): Promise<TickReport> {
  const deps = depsForTick(env, now);
  const report: TickReport = { jobs: {}, delivery: null };
  for (const job of scheduledJobs) {
    try {
      report.jobs[job.name] = await job.run(deps);
    } catch (err) {
      console.error(`scheduled job ${job.name} failed`, err);
      report.jobs[job.name] = { error: err instanceof Error ? err.message : String(err) };
    }
  }
  if (sender) report.delivery = await deliverOutbox(deps.db, sender, env.EMAIL_FROM, now, { limit: 200 });
  return report;
}
