// Scheduled data-rights job: erase signers' details once their area's retention period has passed.
import type { ScheduledJob } from "../scheduled";
import { eraseExpiredSignerData } from "./service";

export const privacyJobs: ScheduledJob[] = [
  { name: "privacy.signer-retention", run: ({ db, env, now }) => eraseExpiredSignerData(db, env.DB, now) },
];
