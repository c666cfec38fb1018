// Consultations: create (or clip) once per address per area, edit, and publish the outcome ("you said, we did").
import { consultationMachine, type ConsultationState } from "../../shared/consultations/machine";
import type { ConsultationInput, ConsultationUpdate, OutcomeInput } from "../../shared/schemas/consultations";
import type { Role } from "../../shared/roles";
import { nextState } from "../../shared/stateMachine";
import { formatLondonDateTime, londonDate, londonInstant } from "../../shared/time";
import { canonicalUrl } from "../../shared/urls";
import { ensureWatches, targetChanged } from "../alerts/service";
import type { Actor } from "../platform/actor";
import { requireAllowed } from "../auth/middleware";
import { auditIfChanged } from "../platform/audit";
import { randomToken } from "../platform/crypto";
import { batch, chunks } from "../platform/db";
import type { Deps } from "../platform/deps";
import { enqueueEmail } from "../email/outbox";
import { AppError, validationFailed } from "../platform/errors";
import { consultationQuery, findConsultation, type ConsultationRow } from "./queries";

export interface SaveResult {
  consultation: ConsultationRow;
  created: boolean;
  watching: boolean;
}

const isUniqueViolation = (err: unknown) => err instanceof Error && /UNIQUE constraint failed/i.test(err.message);

/**
 * Creates a consultation, or returns the one already saved for the same canonical address in
 * the area (or by the same clientId). Either way the caller watches it afterwards.
 */
export async function createConsultation(s: Deps, actor: Actor, input: ConsultationInput): Promise<SaveResult> {
  const { db, d1, now } = s;
  const org = await db.selectFrom("organisations").select(["id", "area_id"]).where("id", "=", input.organisationId).executeTakeFirst();
  if (!org || org.area_id !== input.areaId) throw validationFailed({ organisationId: "Choose an organisation in this area" });
  requireAllowed(actor, "consultation.create", { areaId: org.area_id, organisationIds: [org.id] });
  const canonical = input.url ? canonicalUrl(input.url) : null;
  const clientId = input.clientId ?? `server-${randomToken(12)}`;
  const at = now.toISOString();
  const onBehalfOf = actor.memberships.find((m) => m.organisationId === org.id) ?? actor.memberships.find((m) => m.areaId === org.area_id);
  const [inserted] = await batch(d1, [
    // Any unique key (the address in the area, or the clientId) makes this a no-op.
    db
      .insertInto("consultations")
      .values({
        area_id: org.area_id,
        organisation_id: org.id,
        title: input.title,
        url: input.url ?? null,
        canonical_url: canonical,
        summary: input.summary,
        opens_at: input.opensAt ? new Date(input.opensAt).toISOString() : null,
        closes_at: input.closesAt ? new Date(input.closesAt).toISOString() : null,
        stage: input.stage,
        method: input.method,
        created_by: actor.personId,
        created_by_organisation_id: onBehalfOf?.organisationId ?? null,
        client_id: clientId,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.doNothing()),
    auditIfChanged(db, {
      actor,
      areaId: org.area_id,
      entity: "consultation",
      entityId: "inserted",
      action: "created",
      to: "active",
      at: now,
      details: { title: input.title, url: canonical, organisationId: org.id },
    }),
  ]);
  const matches = await consultationQuery(db)
    .where((eb) =>
      eb.or([
        eb("c.client_id", "=", clientId),
        ...(canonical ? [eb.and([eb("c.area_id", "=", org.area_id), eb("c.canonical_url", "=", canonical)])] : []),
      ]),
    )
    .execute();
  const consultation = matches.find((m) => m.client_id === clientId) ?? matches[0];
  if (!consultation) throw new AppError(500, "internal_error", "The consultation could not be saved. Please try again.");
  await ensureWatches(db, d1, [{ personId: actor.personId, target: { kind: "consultation", id: consultation.id } }], now);
  return { consultation, created: inserted?.meta.changes === 1, watching: true };
}

/** Changes details; a new closing date moves every watcher's alerts with it. */
export async function updateConsultation(s: Deps, actor: Actor, row: ConsultationRow, patch: ConsultationUpdate): Promise<ConsultationRow> {
  const { db, d1, now } = s;
  const opensAt = patch.opensAt === undefined ? row.opens_at : patch.opensAt && new Date(patch.opensAt).toISOString();
  const closesAt = patch.closesAt === undefined ? row.closes_at : patch.closesAt && new Date(patch.closesAt).toISOString();
  if (opensAt && closesAt && Date.parse(opensAt) >= Date.parse(closesAt)) {
    throw validationFailed({ closesAt: "The closing date must be after the opening date" });
  }
  const url = patch.url === undefined ? row.url : patch.url;
  const canonical = url ? canonicalUrl(url) : null;
  if (canonical && canonical !== row.canonical_url) {
    const clash = await db
      .selectFrom("consultations")
      .select("id")
      .where("area_id", "=", row.area_id)
      .where("canonical_url", "=", canonical)
      .executeTakeFirst();
    if (clash) throw validationFailed({ url: "Another consultation in this area already has this web address" });
  }
  const changes = {
    title: patch.title ?? row.title,
    url,
    canonical_url: canonical,
    summary: patch.summary ?? row.summary,
    opens_at: opensAt,
    closes_at: closesAt,
    stage: patch.stage === undefined ? row.stage : patch.stage,
    method: patch.method === undefined ? row.method : patch.method,
  };
  const changed = Object.fromEntries(Object.entries(changes).filter(([k, v]) => row[k as keyof typeof changes] !== v));
  if (Object.keys(changed).length === 0) return row;
  let results: D1Result[];
  try {
    results = await batch(d1, [
      // Only over the version read, so two people's edits cannot silently overwrite each other.
      db
        .updateTable("consultations")
        .set({ ...changes, updated_at: now.toISOString() })
        .where("id", "=", row.id)
        .where("updated_at", "=", row.updated_at),
      auditIfChanged(db, {
        actor,
        areaId: row.area_id,
        entity: "consultation",
        entityId: row.id,
        action: "edited",
        at: now,
        details: changed,
      }),
    ]);
  } catch (err) {
    if (isUniqueViolation(err)) throw validationFailed({ url: "Another consultation in this area already has this web address" });
    throw err;
  }
  if ((results[0]?.meta.changes ?? 0) < 1)
    throw new AppError(409, "edit_conflict", "Someone else changed this consultation while you were editing it. Reload it and try again.");
  if (changes.closes_at !== row.closes_at) await targetChanged(db, d1, { kind: "consultation", id: row.id }, now);
  return (await findConsultation(db, row.id))!;
}

/**
 * Publishes (or amends) the outcome. Only once the consultation has closed; watchers are told,
 * once each, because people not hearing what happened to their views is the failure to fix.
 */
export async function publishOutcome(
  s: Deps,
  actor: Actor,
  actingRoles: Role[],
  row: ConsultationRow,
  outcome: OutcomeInput,
): Promise<ConsultationRow> {
  const { db, d1, now } = s;
  const current = row.state as ConsultationState;
  const event = current === "outcome_published" ? "amend_outcome" : "publish_outcome";
  const to = nextState(consultationMachine, current, event, actingRoles);
  if (current === "active" && row.closes_at && Date.parse(row.closes_at) > now.getTime()) {
    throw new AppError(
      409,
      "still_open",
      `This consultation is still open. Publish the outcome after it closes at ${formatLondonDateTime(row.closes_at)}.`,
    );
  }
  const [update] = await batch(d1, [
    db
      .updateTable("consultations")
      .set({
        state: to,
        outcome_said: outcome.said,
        outcome_decided: outcome.decided,
        outcome_changed: outcome.changed,
        outcome_published_at: current === "active" ? now.toISOString() : row.outcome_published_at,
        outcome_published_by: actor.personId,
        updated_at: now.toISOString(),
      })
      .where("id", "=", row.id)
      .where("state", "=", current)
      .where("updated_at", "=", row.updated_at),
    auditIfChanged(db, {
      actor,
      areaId: row.area_id,
      entity: "consultation",
      entityId: row.id,
      action: event,
      from: current,
      to,
      at: now,
      details: outcome,
    }),
  ]);
  if ((update?.meta.changes ?? 0) < 1)
    throw new AppError(409, "edit_conflict", "Someone else changed this consultation at the same time. Reload it and try again.");
  if (current === "active") {
    await targetChanged(db, d1, { kind: "consultation", id: row.id }, now);
    await tellWatchers(s, row, outcome);
  }
  return (await findConsultation(db, row.id))!;
}

/** Withdraws (cancelled, or not a consultation at all) or reinstates it; watchers' alerts stop or resume. */
export async function changeState(
  s: Deps,
  actor: Actor,
  actingRoles: Role[],
  row: ConsultationRow,
  event: "withdraw" | "reinstate",
  reason?: string,
): Promise<ConsultationRow> {
  const { db, d1, now } = s;
  const current = row.state as ConsultationState;
  const to = nextState(consultationMachine, current, event, actingRoles);
  const [update] = await batch(d1, [
    db.updateTable("consultations").set({ state: to, updated_at: now.toISOString() }).where("id", "=", row.id).where("state", "=", current),
    auditIfChanged(db, {
      actor,
      areaId: row.area_id,
      entity: "consultation",
      entityId: row.id,
      action: event,
      from: current,
      to,
      at: now,
      details: reason ? { reason } : {},
    }),
  ]);
  if ((update?.meta.changes ?? 0) < 1)
    throw new AppError(409, "edit_conflict", "Someone else changed this consultation at the same time. Reload it and try again.");
  await targetChanged(db, d1, { kind: "consultation", id: row.id }, now);
  return (await findConsultation(db, row.id))!;
}

/** Records the date the LINk sent its response to the consultation. */
export async function markLinkResponded(s: Deps, actor: Actor, row: ConsultationRow, respondedOn: string): Promise<ConsultationRow> {
  const { db, d1, now } = s;
  const today = londonDate(now);
  if (respondedOn > today) throw validationFailed({ respondedOn: "The date the LINk responded cannot be in the future" });
  const at = respondedOn === today ? now.toISOString() : londonInstant(respondedOn, "12:00").toISOString();
  await batch(d1, [
    db.updateTable("consultations").set({ link_responded_at: at, updated_at: now.toISOString() }).where("id", "=", row.id),
    auditIfChanged(db, {
      actor,
      areaId: row.area_id,
      entity: "consultation",
      entityId: row.id,
      action: "link_responded",
      at: now,
      details: { respondedOn },
    }),
  ]);
  return (await findConsultation(db, row.id))!;
}

async function tellWatchers(s: Deps, row: ConsultationRow, outcome: OutcomeInput) {
  const { db, d1, now } = s;
  const watchers = await db
    .selectFrom("watches as w")
    .innerJoin("people as p", "p.id", "w.person_id")
    .select(["p.id", "p.email"])
    .where("w.target_kind", "=", "consultation")
    .where("w.target_id", "=", row.id)
    .execute();
  const page = new URL(`/consultations/${row.id}`, s.publicUrl).toString();
  const text = [
    `${row.organisation_name} has published the outcome of "${row.title}".`,
    "",
    "What people said:",
    outcome.said,
    "",
    "What was decided:",
    outcome.decided,
    "",
    "What changed as a result:",
    outcome.changed,
    "",
    `Read it on the tracker: ${page}`,
  ].join("\n");
  const emails = watchers.map((w) =>
    enqueueEmail(
      db,
      {
        to: w.email,
        personId: w.id,
        subject: `You said, we did: ${row.title}`,
        text,
        category: "outcome",
        dedupeKey: `outcome:${row.id}:${w.id}`,
      },
      now,
    ),
  );
  for (const part of chunks(emails, 50)) await batch(d1, part);
}
