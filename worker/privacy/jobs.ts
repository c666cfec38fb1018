// Scheduled data-rights jobs: erase signers' details once their area's retention period has passed,
// and the address and text of emails to the public once the delivery log's has.
import type { ScheduledJob } from "../platform/deps";
import { eraseExpiredSignerData, redactExpiredEmails } from "./service";

export const privacyJobs: ScheduledJob[] = [
  { name: "privacy.signer-retention", run: ({ db, env, now }) => eraseExpiredSignerData(db, env.DB, now) },
  { name: "privacy.email-retention", run: ({ db, env, now }) => redactExpiredEmails(db, env.DB, now) },
];
