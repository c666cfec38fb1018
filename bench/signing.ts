// Signing one hot petition as the public does: sign (POST), the confirmation email lands in the
// outbox, the link is followed (POST confirm). Signers and confirmers run concurrently for the
// whole window; afterwards the petition's counter must equal its confirmed rows.
import { DatabaseSync } from "node:sqlite";
import { d1File } from "./load";

export interface SigningResult {
  seconds: number;
  signed: number;
  confirmed: number;
  rejected: number;
  confirmedPerSecond: number;
  signP99Ms: number;
  confirmP99Ms: number;
  countBefore: number;
  countAfter: number;
  confirmedRows: number;
  countExact: boolean;
}

function p99(samples: number[]): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))]!);
}

export async function signingBenchmark(opts: {
  base: string;
  persistDir: string;
  petitionId: number;
  seconds: number;
  concurrency?: number;
}): Promise<SigningResult> {
  const { base, petitionId, seconds } = opts;
  const concurrency = opts.concurrency ?? 24;
  const db = new DatabaseSync(d1File(opts.persistDir), { readOnly: true });
  const readCount = () => (db.prepare("SELECT signature_count AS n FROM petitions WHERE id = ?").get(petitionId) as { n: number }).n;
  const readRows = () =>
    (db.prepare("SELECT count(*) AS n FROM signatures WHERE petition_id = ? AND state = 'confirmed'").get(petitionId) as { n: number }).n;
  let lastOutboxId = (db.prepare("SELECT coalesce(max(id), 0) AS id FROM outbox").get() as { id: number }).id;
  const countBefore = readCount();

  const tokens: string[] = [];
  const signTimes: number[] = [];
  const confirmTimes: number[] = [];
  let signed = 0;
  let confirmed = 0;
  let rejected = 0;
  let next = 0;
  const started = Date.now();
  const signUntil = started + seconds * 1000;
  let signingDone = false;

  async function signer() {
    while (Date.now() < signUntil) {
      const n = next++;
      const t = performance.now();
      const res = await fetch(`${base}/api/v1/petitions/${petitionId}/signatures`, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          // A viral petition is signed from many addresses; the rate limit is per address.
          "CF-Connecting-IP": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
        },
        body: JSON.stringify({
          name: `Hot Signer ${n}`,
          email: `hot${n}.${started}@bench.example`,
          postcode: "NR1 1AA",
          contactConsent: n % 2 === 0,
        }),
      });
      signTimes.push(performance.now() - t);
      await res.arrayBuffer();
      if (res.status === 202) signed++;
      else rejected++;
    }
  }

  // The "mail reader": picks new confirmation emails out of the outbox and queues their links.
  async function mailReader() {
    while (!signingDone || tokens.length > 0 || confirmed + rejected < signed) {
      const rows = db
        .prepare("SELECT id, body_text FROM outbox WHERE id > ? AND category = 'signature_confirm' ORDER BY id LIMIT 5000")
        .all(lastOutboxId) as { id: number; body_text: string }[];
      for (const row of rows) {
        const token = /\/signatures\/confirm\?token=([A-Za-z0-9_-]+)/.exec(row.body_text)?.[1];
        if (token) tokens.push(token);
        lastOutboxId = row.id;
      }
      if (signingDone && rows.length === 0 && tokens.length === 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async function confirmer() {
    for (;;) {
      const token = tokens.shift();
      if (!token) {
        if (signingDone && Date.now() > signUntil + 30_000) return;
        if (signingDone && confirmed >= signed) return;
        await new Promise((r) => setTimeout(r, 5));
        continue;
      }
      const t = performance.now();
      const res = await fetch(`${base}/api/v1/signatures/confirmation`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ token }),
      });
      confirmTimes.push(performance.now() - t);
      await res.arrayBuffer();
      if (res.ok) confirmed++;
      else rejected++;
    }
  }

  const reader = mailReader();
  const confirmers = Array.from({ length: concurrency }, confirmer);
  await Promise.all(Array.from({ length: concurrency }, signer));
  signingDone = true;
  await Promise.all([reader, ...confirmers]);
  const elapsed = (Date.now() - started) / 1000;
  const countAfter = readCount();
  const confirmedRows = readRows();
  db.close();
  return {
    seconds: Math.round(elapsed * 10) / 10,
    signed,
    confirmed,
    rejected,
    confirmedPerSecond: Math.round(confirmed / elapsed),
    signP99Ms: p99(signTimes),
    confirmP99Ms: p99(confirmTimes),
    countBefore,
    countAfter,
    confirmedRows,
    countExact: countAfter === confirmedRows && countAfter - countBefore === confirmed,
  };
}
