// Sign-in by one-time email link: single use, short-lived, and the same answer whether or not the email is known.
import { enqueueEmail } from "../email/outbox";
import { deliverOutbox, senderFor } from "../email/sender";
import { randomToken, sha256 } from "../platform/crypto";
import { batch } from "../platform/db";
import type { Deps } from "../platform/deps";
import { enforceLimit } from "../platform/rateLimit";

export const SIGN_IN_LINK_MINUTES = 20;

export interface SignInLinkInput {
  email: string;
  /** Hash of the caller's IP address (clientIpHash). */
  ipHash: string;
  /** Where to go once signed in (followed only if isSafeNext). */
  next?: string | undefined;
}

/**
 * Emails a sign-in link if the address belongs to someone. Returns the outbox id
 * of the message (null when nothing was sent); callers must not reveal which.
 */
export async function requestSignInLink(deps: Deps, input: SignInLinkInput): Promise<number | null> {
  const { db, now } = deps;
  const { email } = input;
  await enforceLimit(db, `sign-in:ip:${input.ipHash}`, { what: "sign-in requests", max: 20, windowSeconds: 3600 }, now);
  await enforceLimit(db, `sign-in:email:${await sha256(email)}`, { what: "sign-in requests", max: 5, windowSeconds: 3600 }, now);
  const person = await db.selectFrom("people").select(["id", "name"]).where("email", "=", email).executeTakeFirst();
  if (!person) return null;
  const token = randomToken();
  const expires = new Date(now.getTime() + SIGN_IN_LINK_MINUTES * 60_000);
  const link = new URL("/sign-in/confirm", deps.publicUrl);
  link.searchParams.set("token", token);
  if (input.next && isSafeNext(input.next)) link.searchParams.set("next", input.next);
  const results = await batch(deps.d1, [
    db.insertInto("sign_in_tokens").values({
      token_hash: await sha256(token),
      person_id: person.id,
      created_at: now.toISOString(),
      expires_at: expires.toISOString(),
      used_at: null,
    }),
    enqueueEmail(
      db,
      {
        to: email,
        personId: person.id,
        category: "sign_in",
        subject: "Your sign-in link",
        text:
          `Hello ${person.name},\n\nUse this link to sign in to the Health involvement tracker:\n\n${link}\n\n` +
          `The link works once and expires in ${SIGN_IN_LINK_MINUTES} minutes. ` +
          "If you did not ask to sign in, you can ignore this email.",
      },
      now,
    ).returning("id"),
  ]);
  const row = results[1]?.results?.[0] as { id: number } | undefined;
  return row?.id ?? null;
}

/**
 * Asks for a sign-in link and, when one was queued, sends it now rather than at the next
 * scheduled run (which retries it if this fails). The answer is the same either way.
 */
export async function emailSignInLink(deps: Deps, input: SignInLinkInput, ctx: Pick<ExecutionContext, "waitUntil">): Promise<void> {
  const outboxId = await requestSignInLink(deps, input);
  const sender = senderFor(deps.env);
  if (outboxId === null || !sender) return;
  ctx.waitUntil(deliverOutbox(deps.db, sender, deps.env.EMAIL_FROM, deps.now, { ids: [outboxId] }).catch(() => undefined));
}

export type RedeemResult = { ok: true; personId: number } | { ok: false; reason: "invalid" | "expired" | "used" };

/** Uses up a sign-in token. A token works once, and only before it expires. */
export async function redeemSignInToken(deps: Deps, token: string): Promise<RedeemResult> {
  const { db, now } = deps;
  const hash = await sha256(token);
  const row = await db
    .selectFrom("sign_in_tokens")
    .select(["person_id", "expires_at", "used_at"])
    .where("token_hash", "=", hash)
    .executeTakeFirst();
  if (!row) return { ok: false, reason: "invalid" };
  if (row.used_at) return { ok: false, reason: "used" };
  if (row.expires_at <= now.toISOString()) return { ok: false, reason: "expired" };
  // Audit first, while the token is still unused, then claim it; in one atomic batch,
  // so of two racing clicks only one signs in.
  const nowIso = now.toISOString();
  const [, claim] = await batch(deps.d1, [
    db
      .insertInto("audit_log")
      .columns(["at", "actor_id", "actor_label", "entity", "entity_id", "action"])
      .expression(
        db
          .selectFrom("sign_in_tokens")
          .where("token_hash", "=", hash)
          .where("used_at", "is", null)
          .select((eb) => [
            eb.val(nowIso).as("at"),
            "person_id as actor_id",
            eb.val("system").as("actor_label"),
            eb.val("person").as("entity"),
            "person_id as entity_id",
            eb.val("signed_in").as("action"),
          ]),
      ),
    db.updateTable("sign_in_tokens").set({ used_at: nowIso }).where("token_hash", "=", hash).where("used_at", "is", null),
  ]);
  if (claim?.meta.changes !== 1) return { ok: false, reason: "used" };
  return { ok: true, personId: row.person_id };
}

/** Only same-site paths are followed after sign-in. */
export function isSafeNext(next: string): boolean {
  return next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\");
}
