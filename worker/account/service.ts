// A person's own account: their alert preferences, and the record of signing out.
import type { Preferences } from "../../shared/schemas/preferences";
import { preferencesChanged } from "../alerts/service";
import type { Actor } from "../platform/actor";
import { auditIfChanged, auditInsert } from "../platform/audit";
import { batch } from "../platform/db";
import type { Deps } from "../platform/deps";

/** Saves when to be reminded of deadlines and whether in one daily email; every watch's next alert moves to match. */
export async function savePreferences(deps: Deps, actor: Actor, input: Preferences): Promise<void> {
  const { db, now } = deps;
  await batch(deps.d1, [
    db
      .updateTable("people")
      .set({ lead_times: JSON.stringify(input.leadTimes), daily_digest: input.dailyDigest ? 1 : 0 })
      .where("id", "=", actor.personId),
    auditIfChanged(db, {
      actor,
      areaId: null,
      entity: "person",
      entityId: actor.personId,
      action: "preferences_changed",
      at: now,
      details: input,
    }),
  ]);
  await preferencesChanged(db, deps.d1, actor.personId, now);
}

export async function recordSignOut(deps: Deps, actor: Actor): Promise<void> {
  await auditInsert(deps.db, {
    actor,
    areaId: null,
    entity: "person",
    entityId: actor.personId,
    action: "signed_out",
    at: deps.now,
  }).execute();
}
