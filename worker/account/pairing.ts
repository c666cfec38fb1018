// Pairing the browser extension with an account: a short code shown on the web, exchanged for a revocable API token.
import { randomCode, randomToken, sha256 } from "../platform/crypto";
import { batch, type DB } from "../platform/db";
import { auditIfChanged } from "../platform/audit";

export const PAIRING_CODE_MINUTES = 10;

export async function createPairingCode(db: DB, personId: number, now: Date): Promise<{ code: string; expiresAt: Date }> {
  const code = randomCode(8);
  const expiresAt = new Date(now.getTime() + PAIRING_CODE_MINUTES * 60_000);
  await db
    .insertInto("pairing_codes")
    .values({
      code_hash: await sha256(code),
      person_id: personId,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
      used_at: null,
    })
    .execute();
  return { code, expiresAt };
}

/** "K7MQ2XDP" -> "K7MQ-2XDP" */
export function formatPairingCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

export type PairingResult = { ok: true; token: string; tokenId: number; personId: number } | { ok: false };

/**
 * Exchanges an unused, unexpired code for a new API token. The token is inserted
 * only while the code is still unused, then the code is marked used, in one atomic
 * batch: of two racing requests, one gets a token and the other nothing.
 */
export async function redeemPairingCode(db: DB, d1: D1Database, code: string, label: string, now: Date): Promise<PairingResult> {
  const codeHash = await sha256(code);
  const token = randomToken();
  const tokenHash = await sha256(token);
  const nowIso = now.toISOString();
  const usable = db
    .selectFrom("pairing_codes")
    .where("code_hash", "=", codeHash)
    .where("used_at", "is", null)
    .where("expires_at", ">", nowIso);
  const [inserted] = await batch(d1, [
    db
      .insertInto("api_tokens")
      .columns(["token_hash", "person_id", "label", "created_at"])
      .expression(
        usable.select((eb) => [
          eb.val(tokenHash).as("token_hash"),
          "person_id",
          eb.val(label).as("label"),
          eb.val(nowIso).as("created_at"),
        ]),
      ),
    db
      .insertInto("audit_log")
      .columns(["at", "actor_id", "actor_label", "area_id", "entity", "entity_id", "action", "details"])
      .expression(
        usable.select((eb) => [
          eb.val(nowIso).as("at"),
          "person_id as actor_id",
          eb.val("system").as("actor_label"),
          eb.val(null).as("area_id"),
          eb.val("api_token").as("entity"),
          eb.val(null).as("entity_id"),
          eb.val("paired_extension").as("action"),
          eb.val(JSON.stringify({ label })).as("details"),
        ]),
      ),
    db.updateTable("pairing_codes").set({ used_at: nowIso }).where("code_hash", "=", codeHash).where("used_at", "is", null),
  ]);
  if (inserted?.meta.changes !== 1) return { ok: false };
  const row = await db.selectFrom("api_tokens").select(["id", "person_id"]).where("token_hash", "=", tokenHash).executeTakeFirstOrThrow();
  return { ok: true, token, tokenId: row.id, personId: row.person_id };
}

export async function revokeApiToken(db: DB, d1: D1Database, personId: number, tokenId: number, now: Date): Promise<boolean> {
  const [result] = await batch(d1, [
    db
      .updateTable("api_tokens")
      .set({ revoked_at: now.toISOString() })
      .where("id", "=", tokenId)
      .where("person_id", "=", personId)
      .where("revoked_at", "is", null),
    // Only when it was this person's live token: asking to revoke someone else's writes nothing.
    auditIfChanged(db, {
      actor: "system",
      areaId: null,
      entity: "api_token",
      entityId: tokenId,
      action: "revoked",
      at: now,
      details: { personId },
    }),
  ]);
  return (result?.meta.changes ?? 0) > 0;
}
