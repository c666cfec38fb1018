// Data rights: a signer or petitioner erases their own personal details (confirmed by a link
// emailed to the address), and the retention job erases signers' details a set time after a
// petition closes. A signature stays counted: erasure never changes a counted signature's
// state, so the counting triggers never fire; the postcode district stays for the aggregates.
import { sql, type SqlBool } from "kysely";
import { canonicalEmail } from "../../shared/petitions/signatures";
import { hmac, randomToken, sha256 } from "../platform/crypto";
import { batch, type DB } from "../platform/db";
import { enqueueEmail, redactPublicEmails } from "../email/outbox";
import { auditIfChanged } from "../platform/audit";
import { enforceLimit, type Limit } from "../platform/rateLimit";
import type { Deps } from "../platform/deps";

/** How long the emailed link works. */
export const ERASURE_LINK_HOURS = 24;

export const ERASURE_LIMITS = {
  ip: { what: "requests to remove details", max: 10, windowSeconds: 3600 },
  email: { what: "requests to remove details for this email address", max: 3, windowSeconds: 3600 },
} satisfies Record<string, Limit>;

export const yourDataUrl = (publicUrl: string) => new URL("/your-data", publicUrl).toString();

/**
 * What an erased signature keeps in place of the canonical email: a keyed hash, so the same
 * person signing the same petition again is still recognised (and not counted twice), while
 * the address itself cannot be read back.
 */
export async function erasedEmailKey(secret: string, canonical: string): Promise<string> {
  return `erased:${(await hmac(secret, `erased-signer:${canonical}`)).slice(0, 32)}`;
}

function heldFor(db: DB, email: string, canonical: string) {
  return db
    .selectNoFrom((eb) => [
      eb.exists(db.selectFrom("signatures").select("id").where("email_canonical", "=", canonical)).as("signed"),
      eb.exists(db.selectFrom("petitions").select("id").where("petitioner_email", "=", email)).as("started"),
    ])
    .executeTakeFirstOrThrow();
}

/**
 * Emails a link to erase what we hold for this address, if we hold anything. The answer to
 * the person asking is the same either way, so nobody learns whether an address signed.
 */
export async function requestErasure(ctx: Deps, input: { email: string; ipHash: string }): Promise<void> {
  const { db, now } = ctx;
  const { email, ipHash } = input;
  const canonical = canonicalEmail(email);
  await enforceLimit(db, `erase:ip:${ipHash}`, ERASURE_LIMITS.ip, now);
  await enforceLimit(db, `erase:email:${await sha256(canonical)}`, ERASURE_LIMITS.email, now);
  const held = await heldFor(db, email, canonical);
  if (!held.signed && !held.started) return;
  const token = randomToken();
  const link = new URL(`/your-data/remove?token=${encodeURIComponent(token)}`, ctx.publicUrl).toString();
  await batch(ctx.d1, [
    db.insertInto("erasure_requests").values({
      token_hash: await sha256(token),
      email,
      email_canonical: canonical,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + ERASURE_LINK_HOURS * 3_600_000).toISOString(),
    }),
    enqueueEmail(
      db,
      {
        to: email,
        category: "erasure_confirm",
        subject: "Remove your details",
        text:
          "Someone (probably you) asked us to remove the personal details we hold for this email address: " +
          "your name, email address and postcode on the petitions you signed or started.\n\n" +
          `To remove them, use this link within ${ERASURE_LINK_HOURS} hours:\n\n${link}\n\n` +
          "Your signatures stay counted. If you did not ask for this, you can ignore this email: nothing will change." +
          "\n\nHealth involvement tracker",
      },
      now,
    ),
  ]);
}

export interface ErasureRequest {
  token_hash: string;
  email: string;
  email_canonical: string;
}

export async function erasureRequest(ctx: Pick<Deps, "db" | "now">, token: string): Promise<ErasureRequest | null> {
  return (
    (await ctx.db
      .selectFrom("erasure_requests")
      .select(["token_hash", "email", "email_canonical"])
      .where("token_hash", "=", await sha256(token))
      .where("expires_at", ">", ctx.now.toISOString())
      .executeTakeFirst()) ?? null
  );
}

/** What an erasure would remove: the petitions the address signed and started (titles only). */
export async function erasureSummary(db: DB, req: ErasureRequest): Promise<{ signed: string[]; started: string[] }> {
  const [signed, started] = await Promise.all([
    db
      .selectFrom("signatures as s")
      .innerJoin("petitions as p", "p.id", "s.petition_id")
      .select("p.title")
      .where("s.email_canonical", "=", req.email_canonical)
      .orderBy("s.id")
      .limit(200)
      .execute(),
    db.selectFrom("petitions").select("title").where("petitioner_email", "=", req.email).orderBy("id").limit(200).execute(),
  ]);
  return { signed: signed.map((r) => r.title), started: started.map((r) => r.title) };
}

/**
 * Erases everything held for the request's address, in one batch: each signature's name,
 * email, postcode and hashed IP (a signature never confirmed is deleted: it was never
 * counted), the petitioner's name and email on petitions they started, and the request
 * itself. Every statement is conditional on the request still existing, so a second click
 * changes nothing. Audit entries say what was erased, never the erased values.
 */
export async function eraseByRequest(
  ctx: Deps,
  req: ErasureRequest,
): Promise<{ signatures: number; petitions: number; emails: number } | null> {
  const { db, now } = ctx;
  const at = now.toISOString();
  const live = sql<SqlBool>`EXISTS (SELECT 1 FROM erasure_requests WHERE token_hash = ${req.token_hash})`;
  const erasedKey = await erasedEmailKey(ctx.secret, req.email_canonical);
  const mine = (qb: ReturnType<typeof signaturesOf>) => qb.where("s.email_canonical", "=", req.email_canonical).where(live);
  const signaturesOf = () => db.selectFrom("signatures as s").innerJoin("petitions as p", "p.id", "s.petition_id");
  const auditColumns = [
    "at",
    "actor_id",
    "actor_label",
    "area_id",
    "entity",
    "entity_id",
    "action",
    "from_state",
    "to_state",
    "details",
  ] as const;
  // Every address the person used: each signature's (before it is erased) and the one asked with.
  const theirAddresses = sql<SqlBool>`to_email IN (SELECT email FROM signatures WHERE email_canonical = ${req.email_canonical} AND email IS NOT NULL UNION SELECT ${req.email})`;
  const results = await batch(ctx.d1, [
    // The emails we sent them (or were about to) lose address and text; then the count is audited.
    redactPublicEmails(db, at, (qb) => qb.where(theirAddresses).where(live)),
    redactedAudit(db, now, "public", { requestedBy: "the person, by email link" }),
    db
      .insertInto("audit_log")
      .columns(auditColumns)
      .expression(
        mine(signaturesOf()).select((eb) => [
          eb.val(at).as("at"),
          sql<null>`NULL`.as("actor_id"),
          eb.val("signer").as("actor_label"),
          "p.area_id",
          eb.val("signature").as("entity"),
          "s.id",
          sql<string>`CASE WHEN s.state = 'pending' THEN 'deleted' ELSE 'erased' END`.as("action"),
          "s.state",
          sql<string | null>`CASE WHEN s.state = 'pending' THEN NULL ELSE s.state END`.as("to_state"),
          sql<string>`json_object('petitionId', s.petition_id, 'erased', json_array('name', 'email', 'postcode'), 'requestedBy', 'the signer, by email link')`.as(
            "details",
          ),
        ]),
      ),
    db.deleteFrom("signatures").where("email_canonical", "=", req.email_canonical).where("state", "=", "pending").where(live),
    db
      .updateTable("signatures")
      .set({ name: null, email: null, email_canonical: erasedKey, postcode: null, ip_hash: null, confirm_hash: null, erased_at: at })
      .where("email_canonical", "=", req.email_canonical)
      .where(live),
    db
      .insertInto("audit_log")
      .columns(auditColumns)
      .expression(
        db
          .selectFrom("petitions")
          .select((eb) => [
            eb.val(at).as("at"),
            sql<null>`NULL`.as("actor_id"),
            eb.val("petitioner").as("actor_label"),
            "area_id",
            eb.val("petition").as("entity"),
            "id",
            eb.val("petitioner_erased").as("action"),
            sql<null>`NULL`.as("from_state"),
            sql<null>`NULL`.as("to_state"),
            sql<string>`json_object('erased', json_array('name', 'email'), 'requestedBy', 'the petitioner, by email link')`.as("details"),
          ])
          .where("petitioner_email", "=", req.email)
          .where(live),
      ),
    db
      .updateTable("petitions")
      .set({ petitioner_name: null, petitioner_email: null, updated_at: at })
      .where("petitioner_email", "=", req.email)
      .where(live),
    // Every open request for the address goes: the erasure is done.
    db.deleteFrom("erasure_requests").where("email_canonical", "=", req.email_canonical),
  ]);
  const changed = (i: number) => results[i]?.meta.changes ?? 0;
  if (!changed(7)) return null;
  return { signatures: changed(3) + changed(4), petitions: changed(6), emails: changed(0) };
}

/** An audit entry saying how many emails the statement just before it redacted (none: no entry). */
function redactedAudit(db: DB, now: Date, actor: "public" | "system", why: Record<string, string | number>) {
  return auditIfChanged(
    db,
    { at: now, actor, areaId: null, entity: "outbox", entityId: null, action: "emails_redacted" },
    sql<string>`json_patch(json_object('emails', changes(), 'erased', json_array('address', 'text')), ${JSON.stringify(why)})`,
  );
}

// ---------------------------------------------------------------- retention

/** Signatures erased per statement, and per run of the scheduled job at most. */
export const RETENTION_BATCH = 200;
export const RETENTION_PER_RUN = 2000;

/**
 * Erases the personal details of signers of petitions that closed longer ago than their
 * area's `signer_data_retention_days`, RETENTION_BATCH at a time, at most RETENTION_PER_RUN a
 * run; a petition is stamped `signers_erased_at` when none is left, so it is not read again.
 * Counts and district figures stay as they are: no signature changes state.
 */
export async function eraseExpiredSignerData(
  db: DB,
  d1: D1Database,
  now: Date,
  opts: { perRun?: number; batchSize?: number } = {},
): Promise<{ signatures: number; petitions: number; requests: number }> {
  const perRun = opts.perRun ?? RETENTION_PER_RUN;
  const batchSize = opts.batchSize ?? RETENTION_BATCH;
  const at = now.toISOString();
  const areas = await db.selectFrom("areas").select(["id", "signer_data_retention_days"]).orderBy("id").limit(500).execute();
  let budget = perRun;
  let erased = 0;
  let finished = 0;
  for (const area of areas) {
    if (budget <= 0) break;
    const cutoff = new Date(now.getTime() - area.signer_data_retention_days * 86_400_000).toISOString();
    const due = await db
      .selectFrom("petitions")
      .select("id")
      .where("area_id", "=", area.id)
      .where(sql.ref("state"), "=", sql.lit("closed"))
      .where("signers_erased_at", "is", null)
      .where("closed_at", "<=", cutoff)
      .orderBy("closed_at")
      .limit(20)
      .execute();
    for (const p of due) {
      while (budget > 0) {
        const limit = Math.min(batchSize, budget);
        const results = await batch(d1, eraseChunk(db, area, p.id, limit, now));
        const n = results[0]?.meta.changes ?? 0;
        erased += n;
        budget -= Math.max(n, 1);
        if (results[2]?.meta.changes) finished += 1;
        if (n < limit) break;
      }
    }
  }
  const expired = await db
    .deleteFrom("erasure_requests")
    .where("token_hash", "in", db.selectFrom("erasure_requests").select("token_hash").where("expires_at", "<=", at).limit(500))
    .executeTakeFirst();
  return { signatures: erased, petitions: finished, requests: Number(expired.numDeletedRows) };
}

/** One bounded step: erase up to `limit` signatures of a petition, audit how many, stamp the petition when none is left. */
function eraseChunk(db: DB, area: { id: number; signer_data_retention_days: number }, petitionId: number, limit: number, now: Date) {
  const at = now.toISOString();
  const chunk = db
    .selectFrom("signatures")
    .select("id")
    .where("petition_id", "=", petitionId)
    .where("erased_at", "is", null)
    .orderBy("id")
    .limit(limit);
  return [
    db
      .updateTable("signatures")
      .set({ name: null, email: null, email_canonical: null, postcode: null, ip_hash: null, confirm_hash: null, erased_at: at })
      .where("id", "in", chunk),
    auditIfChanged(
      db,
      { at: now, actor: "system", areaId: area.id, entity: "petition", entityId: petitionId, action: "signer_data_erased" },
      sql<string>`json_object('signatures', changes(), 'erased', json_array('name', 'email', 'postcode'), 'retentionDays', ${area.signer_data_retention_days})`,
    ),
    db
      .updateTable("petitions")
      .set({ signers_erased_at: at })
      .where("id", "=", petitionId)
      .where("signers_erased_at", "is", null)
      .where(({ not, exists }) =>
        not(exists(db.selectFrom("signatures").select("id").where("petition_id", "=", petitionId).where("erased_at", "is", null))),
      ),
  ];
}

// ---------------------------------------------------------------- the delivery log

/** Days an email to the public keeps its address and text in the outbox (the delivery log). */
export const EMAIL_RETENTION_DAYS = 90;
/** Emails redacted per statement, and per run at most. */
export const EMAIL_RETENTION_BATCH = 200;
export const EMAIL_RETENTION_PER_RUN = 2000;

/**
 * Removes the address and text of emails to the public created more than EMAIL_RETENTION_DAYS
 * ago (one not sent by then never will be), oldest first, a bounded number a run. Reads only
 * emails not yet redacted (a partial index), so the work does not grow with the log.
 */
export async function redactExpiredEmails(
  db: DB,
  d1: D1Database,
  now: Date,
  opts: { perRun?: number; batchSize?: number; keepDays?: number } = {},
): Promise<{ emails: number }> {
  const perRun = opts.perRun ?? EMAIL_RETENTION_PER_RUN;
  const batchSize = opts.batchSize ?? EMAIL_RETENTION_BATCH;
  const keepDays = opts.keepDays ?? EMAIL_RETENTION_DAYS;
  const at = now.toISOString();
  const cutoff = new Date(now.getTime() - keepDays * 86_400_000).toISOString();
  let redacted = 0;
  while (redacted < perRun) {
    const limit = Math.min(batchSize, perRun - redacted);
    const oldest = db
      .selectFrom("outbox")
      .select("id")
      .where("person_id", "is", null)
      .where("redacted_at", "is", null)
      .where("created_at", "<=", cutoff)
      .orderBy("created_at")
      .limit(limit);
    const results = await batch(d1, [
      redactPublicEmails(db, at, (qb) => qb.where("id", "in", oldest)),
      redactedAudit(db, now, "system", { retentionDays: keepDays }),
    ]);
    const n = results[0]?.meta.changes ?? 0;
    redacted += n;
    if (n < limit) break;
  }
  return { emails: redacted };
}
