// Consultations: create (or clip) once per address per area, edit, publish the outcome ("you said, we
// did"), withdraw and reinstate, and record the LINk's response. Each operation is (deps, acting, record, input).
import { type ConsultationEvent, consultationMachine } from "../../shared/consultations/machine";
import { isStillOpen } from "../../shared/consultations/rules";
import type {
  ConsultationInput,
  ConsultationUpdate,
  ConsultationWithdrawInput,
  LinkResponseInput,
  OutcomeInput,
} from "../../shared/schemas/consultations";
import { nextState } from "../../shared/stateMachine";
import { formatLondonDateTime, londonDate, londonInstant } from "../../shared/time";
import { canonicalUrl } from "../../shared/urls";
import { ensureWatches, targetChanged } from "../alerts/service";
import { requireAllowed } from "../auth/middleware";
import { enqueueEmail } from "../email/outbox";
import type { Acting, Actor } from "../platform/actor";
import { auditIfChanged, INSERTED } from "../platform/audit";
import { randomToken } from "../platform/crypto";
import { batch, chunks } from "../platform/db";
import type { Deps } from "../platform/deps";
import { AppError, validationFailed } from "../platform/errors";
import { type ConsultationRow, consultationQuery } from "./queries";

export interface SaveResult {
  consultation: ConsultationRow;
  created: boolean;
  watching: boolean;
}

const isUniqueViolation = (err: unknown) => err instanceof Error && /UNIQUE constraint failed/i.test(err.message);
/** Another change got there first: the write was conditional on what was read, and changed nothing. */
const conflict = (message: string) => new AppError(409, "edit_conflict", message);
const addressTaken = () => validationFailed({ url: "Another consultation in this area already has this web address" });

/**
 * Creates a consultation, or returns the one already saved for the same canonical address in
 * the area (or by the same clientId). Either way the caller watches it afterwards.
 */
export async function createConsultation(deps: Deps, actor: Actor, input: ConsultationInput): Promise<SaveResult> {
  const { db, d1, now } = deps;
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
      entityId: INSERTED,
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

/** The details a change can set, in the order the audit entry lists them. */
const DETAILS = ["title", "url", "canonical_url", "summary", "opens_at", "closes_at", "stage", "method"] as const;

/** The row's details after the change (unchanged where it says nothing), refusing dates the wrong way round. */
function detailsAfter(row: ConsultationRow, patch: ConsultationUpdate) {
  const opensAt = patch.opensAt === undefined ? row.opens_at : patch.opensAt && new Date(patch.opensAt).toISOString();
  const closesAt = patch.closesAt === undefined ? row.closes_at : patch.closesAt && new Date(patch.closesAt).toISOString();
  if (opensAt && closesAt && Date.parse(opensAt) >= Date.parse(closesAt)) {
    throw validationFailed({ closesAt: "The closing date must be after the opening date" });
  }
  const url = patch.url === undefined ? row.url : patch.url;
  return {
    title: patch.title ?? row.title,
    url,
    canonical_url: url ? canonicalUrl(url) : null,
    summary: patch.summary ?? row.summary,
    opens_at: opensAt,
    closes_at: closesAt,
    stage: patch.stage === undefined ? row.stage : patch.stage,
    method: patch.method === undefined ? row.method : patch.method,
  };
}

/** Changes details; a new closing date moves every watcher's alerts with it. */
export async function updateConsultation(deps: Deps, acting: Acting, row: ConsultationRow, input: ConsultationUpdate): Promise<void> {
  const { db, d1, now } = deps;
  const details = detailsAfter(row, input);
  if (details.canonical_url && details.canonical_url !== row.canonical_url) {
    const clash = await db
      .selectFrom("consultations")
      .select("id")
      .where("area_id", "=", row.area_id)
      .where("canonical_url", "=", details.canonical_url)
      .executeTakeFirst();
    if (clash) throw addressTaken();
  }
  const changed = Object.fromEntries(DETAILS.filter((k) => row[k] !== details[k]).map((k) => [k, details[k]]));
  if (Object.keys(changed).length === 0) return;
  let results: D1Result[];
  try {
    results = await batch(d1, [
      // Only over the version read, so two people's edits cannot silently overwrite each other.
      db
        .updateTable("consultations")
        .set({ ...details, updated_at: now.toISOString() })
        .where("id", "=", row.id)
        .where("updated_at", "=", row.updated_at),
      auditIfChanged(db, {
        actor: acting.actor,
        areaId: row.area_id,
        entity: "consultation",
        entityId: row.id,
        action: "edited",
        at: now,
        details: changed,
      }),
    ]);
  } catch (err) {
    if (isUniqueViolation(err)) throw addressTaken();
    throw err;
  }
  if ((results[0]?.meta.changes ?? 0) < 1)
    throw conflict("Someone else changed this consultation while you were editing it. Reload it and try again.");
  if (details.closes_at !== row.closes_at) await targetChanged(db, d1, { kind: "consultation", id: row.id }, now);
}

/**
 * Publishes (or amends) the outcome. Only once the consultation has closed; watchers are told,
 * once each, because people not hearing what happened to their views is the failure to fix.
 */
export async function publishOutcome(deps: Deps, acting: Acting, row: ConsultationRow, input: OutcomeInput): Promise<void> {
  const { db, d1, now } = deps;
  const event = row.state === "outcome_published" ? "amend_outcome" : "publish_outcome";
  const to = nextState(consultationMachine, row.state, event, acting.roles);
  if (row.closes_at && isStillOpen(row, now)) {
    throw new AppError(
      409,
      "still_open",
      `This consultation is still open. Publish the outcome after it closes at ${formatLondonDateTime(row.closes_at)}.`,
    );
  }
  const first = row.state === "active";
  const [update] = await batch(d1, [
    db
      .updateTable("consultations")
      .set({
        state: to,
        outcome_said: input.said,
        outcome_decided: input.decided,
        outcome_changed: input.changed,
        outcome_published_at: first ? now.toISOString() : row.outcome_published_at,
        outcome_published_by: acting.actor.personId,
        updated_at: now.toISOString(),
      })
      .where("id", "=", row.id)
      .where("state", "=", row.state)
      .where("updated_at", "=", row.updated_at),
    auditIfChanged(db, {
      actor: acting.actor,
      areaId: row.area_id,
      entity: "consultation",
      entityId: row.id,
      action: event,
      from: row.state,
      to,
      at: now,
      details: input,
    }),
  ]);
  if ((update?.meta.changes ?? 0) < 1) throw conflict("Someone else changed this consultation at the same time. Reload it and try again.");
  if (first) {
    await targetChanged(db, d1, { kind: "consultation", id: row.id }, now);
    await tellWatchers(deps, row, input);
  }
}

/** Withdraws it (cancelled, or not a consultation at all), saying why; watchers' alerts stop. */
export function withdrawConsultation(deps: Deps, acting: Acting, row: ConsultationRow, input: ConsultationWithdrawInput): Promise<void> {
  return moveState(deps, acting, row, "withdraw", { reason: input.reason });
}

/** Reinstates a withdrawn consultation; watchers' alerts resume. */
export function reinstateConsultation(deps: Deps, acting: Acting, row: ConsultationRow): Promise<void> {
  return moveState(deps, acting, row, "reinstate", {});
}

async function moveState(
  deps: Deps,
  acting: Acting,
  row: ConsultationRow,
  event: Extract<ConsultationEvent, "withdraw" | "reinstate">,
  details: Record<string, string>,
): Promise<void> {
  const { db, d1, now } = deps;
  const to = nextState(consultationMachine, row.state, event, acting.roles);
  const [update] = await batch(d1, [
    db
      .updateTable("consultations")
      .set({ state: to, updated_at: now.toISOString() })
      .where("id", "=", row.id)
      .where("state", "=", row.state),
    auditIfChanged(db, {
      actor: acting.actor,
      areaId: row.area_id,
      entity: "consultation",
      entityId: row.id,
      action: event,
      from: row.state,
      to,
      at: now,
      details,
    }),
  ]);
  if ((update?.meta.changes ?? 0) < 1) throw conflict("Someone else changed this consultation at the same time. Reload it and try again.");
  await targetChanged(db, d1, { kind: "consultation", id: row.id }, now);
}

/** Records the date the LINk sent its response to the consultation. */
export async function markLinkResponded(deps: Deps, acting: Acting, row: ConsultationRow, input: LinkResponseInput): Promise<void> {
  const { db, d1, now } = deps;
  const { respondedOn } = input;
  const today = londonDate(now);
  if (respondedOn > today) throw validationFailed({ respondedOn: "The date the LINk responded cannot be in the future" });
  const at = respondedOn === today ? now.toISOString() : londonInstant(respondedOn, "12:00").toISOString();
  await batch(d1, [
    db.updateTable("consultations").set({ link_responded_at: at, updated_at: now.toISOString() }).where("id", "=", row.id),
    auditIfChanged(db, {
      actor: acting.actor,
      areaId: row.area_id,
      entity: "consultation",
      entityId: row.id,
      action: "link_responded",
      at: now,
      details: { respondedOn },
    }),
  ]);
}

async function tellWatchers(deps: Deps, row: ConsultationRow, outcome: OutcomeInput) {
  const { db, d1, now } = deps;
  const watchers = await db
    .selectFrom("watches as w")
    .innerJoin("people as p", "p.id", "w.person_id")
    .select(["p.id", "p.email"])
    .where("w.target_kind", "=", "consultation")
    .where("w.target_id", "=", row.id)
    .execute();
  const page = new URL(`/consultations/${row.id}`, deps.publicUrl).toString();
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
