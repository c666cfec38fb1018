// Secret calendar addresses (iCalendar feeds): made, listed and turned off here, every change audited.
// The address carries a random token; only its hash is stored.
import type { Actor } from "./actor";
import { auditIfChanged, INSERTED } from "./audit";
import { randomToken, sha256 } from "./crypto";
import { batch, type DB } from "./db";
import type { Deps } from "./deps";

/** Whose deadlines a feed shows: one person's watches, or one organisation's (its clock, or a committee's petitions). */
export type FeedOwner = { personId: number } | { organisationId: number };

/** What the audit entry says about the feed: its area (null for a person's own) and what it lists. */
export interface FeedAudit {
  areaId: number | null;
  feed: string;
}

/** Makes a new feed address and audits it; the token is returned once and never stored. */
export async function createFeedToken(
  deps: Deps,
  actor: Actor,
  owner: FeedOwner,
  audit: FeedAudit,
): Promise<{ id: number; token: string }> {
  const { db, now } = deps;
  const token = randomToken(24);
  const [inserted] = await batch(deps.d1, [
    db
      .insertInto("feed_tokens")
      .values({
        token_hash: await sha256(token),
        person_id: "personId" in owner ? owner.personId : null,
        organisation_id: "organisationId" in owner ? owner.organisationId : null,
        created_by: actor.personId,
        created_at: now.toISOString(),
      })
      .returning("id"),
    auditIfChanged(db, {
      actor,
      areaId: audit.areaId,
      entity: "feed_token",
      entityId: INSERTED,
      action: "created",
      details: { ...owner, feed: audit.feed },
      at: now,
    }),
  ]);
  const id = (inserted?.results[0] as { id: number } | undefined)?.id;
  if (id === undefined) throw new Error("The calendar address was not stored");
  return { id, token };
}

/** The owner's live feed addresses (without their tokens), oldest first. */
export function liveFeeds(db: DB, owner: FeedOwner) {
  let q = db
    .selectFrom("feed_tokens as f")
    .innerJoin("people as p", "p.id", "f.created_by")
    .select(["f.id", "f.created_at", "p.name as created_by_name"])
    .where("f.revoked_at", "is", null);
  q = "personId" in owner ? q.where("f.person_id", "=", owner.personId) : q.where("f.organisation_id", "=", owner.organisationId);
  return q.orderBy("f.id").limit(50).execute();
}

/** Turns off one of the owner's feeds and audits it; false if it is not theirs or was already off. */
export async function revokeFeedToken(deps: Deps, actor: Actor, id: number, owner: FeedOwner, areaId: number | null): Promise<boolean> {
  const { db, now } = deps;
  let update = db.updateTable("feed_tokens").set({ revoked_at: now.toISOString() }).where("id", "=", id).where("revoked_at", "is", null);
  update =
    "personId" in owner ? update.where("person_id", "=", owner.personId) : update.where("organisation_id", "=", owner.organisationId);
  const [result] = await batch(deps.d1, [
    update,
    auditIfChanged(db, { actor, areaId, entity: "feed_token", entityId: id, action: "revoked", at: now }),
  ]);
  return (result?.meta.changes ?? 0) > 0;
}
