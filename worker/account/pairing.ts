// Pairing the browser extension with an account: a short code shown on the web, exchanged for a revocable API token.
import type { Actor } from "../platform/actor";
import { auditIfChanged } from "../platform/audit";
import { randomCode, randomToken, sha256 } from "../platform/crypto";
import { batch } from "../platform/db";
import type { Deps } from "../platform/deps";
import { enforceLimit } from "../platform/rateLimit";

export const PAIRING_CODE_MINUTES = 10;

export interface PairingCode {
  code: string;
  expiresAt: Date;
}

/** A new code for the person to type into the extension; it works once, for a few minutes. */
export async function createPairingCode(deps: Deps, actor: Actor): Promise<PairingCode> {
  const { db, now } = deps;
  const code = randomCode(8);
  const expiresAt = new Date(now.getTime() + PAIRING_CODE_MINUTES * 60_000);
  await db
    .insertInto("pairing_codes")
    .values({
      code_hash: await sha256(code),
      person_id: actor.personId,
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

export interface PairingInput {
  code: string;
  /** What the person will see the connection called on their account page. */
  label: string;
  /** Hash of the caller's IP address (clientIpHash): attempts from one place are limited. */
  ipHash: string;
}

/**
 * Exchanges an unused, unexpired code for a new API token. The token is inserted
 * only while the code is still unused, then the code is marked used, in one atomic
 * batch: of two racing requests, one gets a token and the other nothing.
 */
export async function redeemPairingCode(deps: Deps, input: PairingInput): Promise<PairingResult> {
  const { db, now } = deps;
  const { code, label } = input;
  await enforceLimit(db, `pairing:ip:${input.ipHash}`, { what: "pairing attempts", max: 10, windowSeconds: 600 }, now);
  const codeHash = await sha256(code);
  const token = randomToken();
  const tokenHash = await sha256(token);
  const nowIso = now.toISOString();
  const usable = db
    .selectFrom("pairing_codes")
    .where("code_hash", "=", codeHash)
    .where("used_at", "is", null)
    .where("expires_at", ">", nowIso);
  const [inserted] = await batch(deps.d1, [
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

/** Disconnects one of the person's own API tokens; false if it is not theirs or was already revoked. */
export async function revokeApiToken(deps: Deps, actor: Actor, tokenId: number): Promise<boolean> {
  const { db, now } = deps;
  const personId = actor.personId;
  const [result] = await batch(deps.d1, [
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
