// The petition operations, for the API and the web alike: each checks the shared state
// machine, writes conditionally on the state it read, and audits (and emails) in the same batch.
import type { Context } from "hono";
import { sql, type Compilable, type SqlBool } from "kysely";
import { obligationMachine } from "../../shared/obligations/machine";
import {
  petitionMachine,
  petitionResponseMachine,
  petitionScrutinyMachine,
  rejectionReasons,
  type PetitionEvent,
  type PetitionState,
  type RejectionCode,
  type ResponseState,
  type ScrutinyState,
} from "../../shared/petitions/machine";
import { canonicalEmail, postcodeDistrict } from "../../shared/petitions/signatures";
import type { Actor as MachineActor, Role } from "../../shared/roles";
import type { ModerationDecision, NewPetition, RemovalInput, ScrutinyInput, SignatureInput } from "../../shared/schemas/petitions";
import { nextState } from "../../shared/stateMachine";
import { addCalendarDays, endOfLondonDay, londonDate } from "../../shared/time";
import { calendarDayDeadline } from "../../shared/workingDays";
import { organisationSettings } from "../areas/queries";
import type { Actor } from "../platform/actor";
import { auditIfChanged, auditInsert } from "../platform/audit";
import { insertWhen, previousChanged } from "../platform/writes";
import { hmac, randomToken, safeEqual, sha256 } from "../platform/crypto";
import { batch, type DB } from "../platform/db";
import { emailWhen, enqueueEmail } from "../email/outbox";
import { appSecret, type AppEnv } from "../platform/env";
import { AppError, validationFailed } from "../platform/errors";
import { checkLimit, enforceLimit, limitHit, limitUndo, overLimit, type Limit } from "../platform/rateLimit";
import { targetChanged } from "../alerts/service";
import { erasedEmailKey, yourDataUrl } from "../privacy/service";
import * as emails from "./emails";
import type { PetitionRow } from "./queries";
import { emailToColumn, oscEmails, petitionExists, thresholdStatements, type Links } from "./statements";
import type { Deps } from "../platform/deps";
import { createFeedToken, revokeFeedToken } from "../platform/feedTokens";
import { answerable, isAnswerable, isOpenForSigning, openForSigning, petitionParams } from "../../shared/petitions/rules";
import { where } from "../platform/conditions";

export function linksFor(publicUrl: string): Links & {
  confirmPetition: (token: string) => string;
  confirmSignature: (token: string) => string;
  moderate: (id: number) => string;
  refer: (id: number, token: string) => string;
} {
  const at = (path: string) => new URL(path, publicUrl).toString();
  return {
    petition: (id) => at(`/petitions/${id}`),
    respond: (id) => at(`/petitions/${id}/respond`),
    scrutiny: (id) => at(`/petitions/${id}/scrutiny`),
    moderate: (id) => at(`/petitions/${id}/moderate`),
    confirmPetition: (token) => at(`/petitions/confirm?token=${encodeURIComponent(token)}`),
    confirmSignature: (token) => at(`/signatures/confirm?token=${encodeURIComponent(token)}`),
    refer: (id, token) => at(`/petitions/${id}/refer?token=${encodeURIComponent(token)}`),
  };
}

/** Kinds of organisation a petition can be addressed to (those that commission or provide care, and the council). */
export const ADDRESSABLE_KINDS = [
  "pct",
  "ccg",
  "trust",
  "foundation_trust",
  "local_authority",
  "health_and_wellbeing_board",
  "other",
] as const;

// Abuse limits, counted per hashed IP address and per hashed canonical email.
export const LIMITS = {
  signIp: { what: "signatures", max: 60, windowSeconds: 3600 },
  signEmail: { what: "signatures with this email address", max: 5, windowSeconds: 3600 },
  startIp: { what: "new petitions", max: 10, windowSeconds: 3600 },
  startEmail: { what: "new petitions with this email address", max: 3, windowSeconds: 3600 },
} satisfies Record<string, Limit>;

/** The rate-limit keys for starting or signing: per client address and per email (both hashed). */
async function limitKeys(name: "sign" | "start", ipHash: string, canonical: string) {
  return { ip: `petition-${name}:ip:${ipHash}`, email: `petition-${name}:email:${await sha256(canonical)}` };
}

async function limitStart(ctx: Deps, ipHash: string, email: string) {
  const keys = await limitKeys("start", ipHash, canonicalEmail(email));
  await enforceLimit(ctx.db, keys.ip, LIMITS.startIp, ctx.now);
  await enforceLimit(ctx.db, keys.email, LIMITS.startEmail, ctx.now);
}

const conflict = (code: string, message: string) => new AppError(409, code, message);

/** "Someone else got there first": the conditional write changed nothing. */
function assertChanged(results: D1Result[], what: string) {
  if (!results[0]?.meta.changes) {
    throw conflict("changed_meanwhile", `This petition changed while you were ${what}. Reload the page to see where it is now.`);
  }
}

// ---------------------------------------------------------------- starting a petition

export async function startPetition(ctx: Deps, input: NewPetition, ipHash: string): Promise<void> {
  const { db, now } = ctx;
  const org = await db
    .selectFrom("organisations")
    .select(["id", "area_id", "name", "kind"])
    .where("id", "=", input.organisationId)
    .executeTakeFirst();
  if (!org || !(ADDRESSABLE_KINDS as readonly string[]).includes(org.kind)) {
    throw validationFailed({ organisationId: "Choose who the petition is addressed to from the list" });
  }
  await limitStart(ctx, ipHash, input.petitionerEmail);
  const token = randomToken();
  const hash = await sha256(token);
  const at = now.toISOString();
  const created = sql<number>`(SELECT id FROM petitions WHERE petitioner_confirm_hash = ${hash})`;
  const mail = emails.withRemoveLink(
    emails.petitionConfirmEmail(
      { title: input.title, petitionerName: input.petitionerName, organisationName: org.name },
      linksFor(ctx.publicUrl).confirmPetition(token),
    ),
    yourDataUrl(ctx.publicUrl),
  );
  await batch(ctx.d1, [
    db.insertInto("petitions").values({
      area_id: org.area_id,
      organisation_id: org.id,
      title: input.title,
      action: input.action,
      background: input.background,
      petitioner_name: input.petitionerName,
      petitioner_email: input.petitionerEmail,
      petitioner_confirm_hash: hash,
      state: "draft",
      created_at: at,
      updated_at: at,
    }),
    insertWhen(
      db,
      "audit_log",
      {
        at,
        actor_id: null,
        actor_label: "petitioner",
        area_id: org.area_id,
        entity: "petition",
        entity_id: created,
        action: "started",
        from_state: null,
        to_state: "draft",
        details: JSON.stringify({ organisationId: org.id }),
      },
      previousChanged,
    ),
    enqueueEmail(db, { to: input.petitionerEmail, category: "petition_confirm", ...mail }, now),
  ]);
}

export type TokenResult =
  | { ok: true; petitionId: number; already: boolean }
  | { ok: false; reason: "invalid" | "closed"; petitionId?: number };

/** The petitioner's email link: draft -> pending (waiting to be checked). */
export async function confirmPetition(ctx: Deps, token: string): Promise<TokenResult> {
  const { db, now } = ctx;
  const p = await db
    .selectFrom("petitions as p")
    .innerJoin("areas as a", "a.id", "p.area_id")
    .select(["p.id", "p.state", "p.area_id", "p.title", "a.name as area_name"])
    .where("p.petitioner_confirm_hash", "=", await sha256(token))
    .executeTakeFirst();
  if (!p) return { ok: false, reason: "invalid" };
  if (p.state !== "draft") return { ok: true, petitionId: p.id, already: true };
  const to = nextState(petitionMachine, "draft", "confirm", ["petitioner"]);
  const mail = (oscId: string) => ({
    ...emails.petitionPendingEmail({ title: p.title, areaName: p.area_name }, linksFor(ctx.publicUrl).moderate(p.id)),
    category: "petition_pending",
    dedupeKey: `petition-pending:${p.id}:${oscId}`,
  });
  const results = await batch(ctx.d1, [
    db
      .updateTable("petitions")
      .set({ state: to, petitioner_confirmed_at: now.toISOString(), updated_at: now.toISOString() })
      .where("id", "=", p.id)
      .where("state", "=", "draft"),
    auditIfChanged(db, {
      actor: "petitioner",
      areaId: p.area_id,
      entity: "petition",
      entityId: p.id,
      action: "confirm",
      from: "draft",
      to,
      at: now,
    }),
    oscEmails(db, p.area_id, mail, now, previousChanged),
  ]);
  return { ok: true, petitionId: p.id, already: !results[0]?.meta.changes };
}

// ---------------------------------------------------------------- signing

export const notOpen = () =>
  conflict("petition_not_open", "This petition is not open for signatures. It may have closed, or not opened yet.");

/**
 * Records a signature waiting for its email link, or (for the same person again) sends a
 * new link for it. A signature already confirmed is never counted twice: its owner is told.
 */
export async function signPetition(ctx: Deps, petition: PetitionRow, input: SignatureInput, ipHash: string): Promise<void> {
  const { db, now } = ctx;
  if (!isOpenForSigning(petition, now)) throw notOpen();
  const canonical = canonicalEmail(input.email);
  const links = linksFor(ctx.publicUrl);
  // One round trip for both rate limits and the look-up of an earlier signature; one more for the writes.
  const erasedKey = await erasedEmailKey(ctx.secret, canonical);
  type Hit = { hits: number; window_started_at: string };
  const keys = await limitKeys("sign", ipHash, canonical);
  const [ipHit, emailHit, found] = await batch(ctx.d1, [
    limitHit(db, keys.ip, LIMITS.signIp, now),
    limitHit(db, keys.email, LIMITS.signEmail, now),
    db
      .selectFrom("signatures")
      .select(["id", "state"])
      .where("petition_id", "=", petition.id)
      // A signer who had their details erased is still recognised by the keyed hash left in their place.
      .where("email_canonical", "in", [canonical, erasedKey]),
  ]);
  const ipRow = ipHit!.results[0] as Hit;
  // A request refused for its address must not use up the email's allowance: someone sending
  // many requests from one place could otherwise stop another person signing from anywhere.
  if (overLimit(ipRow, LIMITS.signIp)) await limitUndo(db, keys.email, emailHit!.results[0] as Hit).execute();
  checkLimit(ipRow, LIMITS.signIp, now);
  checkLimit(emailHit!.results[0] as Hit, LIMITS.signEmail, now);
  const existing = found!.results[0] as { id: number; state: string } | undefined;
  if (existing && existing.state !== "pending") {
    await enqueueEmail(
      db,
      { to: input.email, category: "petition_already_signed", ...emails.alreadySignedEmail(petition, links.petition(petition.id)) },
      now,
    ).execute();
    return;
  }
  const token = randomToken();
  const hash = await sha256(token);
  const at = now.toISOString();
  const values = {
    petition_id: petition.id,
    name: input.name,
    email: input.email,
    email_canonical: canonical,
    postcode: input.postcode,
    postcode_district: postcodeDistrict(input.postcode),
    contact_consent: input.contactConsent ? 1 : 0,
    state: "pending" as const,
    confirm_hash: hash,
    ip_hash: ipHash,
    created_at: at,
  };
  const mine = sql<SqlBool>`EXISTS (SELECT 1 FROM signatures WHERE confirm_hash = ${hash} AND state = 'pending')`;
  await batch(ctx.d1, [
    db
      .insertInto("signatures")
      .values(values)
      .onConflict((oc) =>
        oc
          .columns(["petition_id", "email_canonical"])
          .doUpdateSet({
            name: values.name,
            email: values.email,
            postcode: values.postcode,
            postcode_district: values.postcode_district,
            contact_consent: values.contact_consent,
            confirm_hash: hash,
            ip_hash: ipHash,
          })
          .where("signatures.state", "=", "pending"),
      ),
    insertWhen(
      db,
      "audit_log",
      {
        at,
        actor_id: null,
        actor_label: "public",
        area_id: petition.area_id,
        entity: "signature",
        entity_id: sql`(SELECT id FROM signatures WHERE confirm_hash = ${hash})`,
        action: existing ? "confirmation_resent" : "signed",
        from_state: null,
        to_state: "pending",
        details: JSON.stringify({ petitionId: petition.id }),
      },
      mine,
    ),
    emailWhen(
      db,
      {
        to: input.email,
        category: "signature_confirm",
        ...emails.withRemoveLink(
          emails.signatureConfirmEmail({ title: petition.title, name: input.name }, links.confirmSignature(token)),
          yourDataUrl(ctx.publicUrl),
        ),
      },
      now,
      mine,
    ),
  ]);
}

/** The signer's email link: the signature counts from now (the triggers keep the counters exact). */
export async function confirmSignature(ctx: Deps, token: string): Promise<TokenResult & { signatureCount?: number }> {
  const { db, now } = ctx;
  const hash = await sha256(token);
  const row = await db
    .selectFrom("signatures as s")
    .innerJoin("petitions as p", "p.id", "s.petition_id")
    .innerJoin("organisations as o", "o.id", "p.organisation_id")
    .select([
      "s.id as signature_id",
      "s.state as signature_state",
      "p.id",
      "p.state",
      "p.closes_at",
      "p.area_id",
      "p.organisation_id",
      "p.title",
      "p.response_working_days",
      "p.response_threshold",
      "o.name as organisation_name",
    ])
    .where("s.confirm_hash", "=", hash)
    .executeTakeFirst();
  if (!row) return { ok: false, reason: "invalid" };
  const count = async () =>
    (await db.selectFrom("petitions").select("signature_count").where("id", "=", row.id).executeTakeFirstOrThrow()).signature_count;
  if (row.signature_state === "confirmed") return { ok: true, petitionId: row.id, already: true, signatureCount: await count() };
  if (row.signature_state !== "pending") return { ok: false, reason: "invalid" };
  if (!isOpenForSigning(row, now)) return { ok: false, reason: "closed", petitionId: row.id };
  const nowIso = now.toISOString();
  const results = await batch(ctx.d1, [
    db
      .updateTable("signatures")
      .set({ state: "confirmed", confirmed_at: nowIso })
      .where("id", "=", row.signature_id)
      .where("confirm_hash", "=", hash)
      .where("state", "=", "pending")
      .where(petitionExists(db, row.id, (qb) => qb.where(where(openForSigning, petitionParams(now))))),
    auditIfChanged(db, {
      actor: "public",
      areaId: row.area_id,
      entity: "signature",
      entityId: row.signature_id,
      action: "confirm",
      from: "pending",
      to: "confirmed",
      details: { petitionId: row.id },
      at: now,
    }),
    ...thresholdStatements(db, row, now, now, linksFor(ctx.publicUrl)),
    // The count after this signature, read in the same round trip (the triggers have kept it).
    db.selectFrom("petitions").select("signature_count").where("id", "=", row.id),
  ]);
  if ((results[0]?.meta.changes ?? 0) > 0) {
    // Only when this signature crossed a threshold (a response now owed): keeps the hot path lean.
    if (results.slice(2, -1).some((r) => (r.meta.changes ?? 0) > 0)) await deadlinesChanged(ctx, row.id);
    const counted = results[results.length - 1]!.results[0] as { signature_count: number };
    return { ok: true, petitionId: row.id, already: false, signatureCount: counted.signature_count };
  }
  // Lost a race: with a second click of the same link (already counted) or with the closing.
  const after = await db.selectFrom("signatures").select("state").where("id", "=", row.signature_id).executeTakeFirst();
  if (after?.state === "confirmed") return { ok: true, petitionId: row.id, already: true, signatureCount: await count() };
  return { ok: false, reason: "closed", petitionId: row.id };
}

// ---------------------------------------------------------------- moderation

type Acting = readonly Role[];

function petitionEvent(p: PetitionRow, event: PetitionEvent, roles: Acting): PetitionState {
  return nextState(petitionMachine, p.state as PetitionState, event, roles);
}

export async function moderatePetition(
  ctx: Deps,
  actor: Actor,
  roles: Acting,
  p: PetitionRow,
  decision: ModerationDecision,
): Promise<PetitionState> {
  const state =
    decision.decision === "approve"
      ? await approvePetition(ctx, actor, roles, p, decision.closesOn)
      : await rejectPetition(ctx, actor, roles, p, decision.reason, decision.explanation);
  await deadlinesChanged(ctx, p.id);
  return state;
}

/** Watchers' next alerts follow a petition's closing date and response due date. */
export function deadlinesChanged(ctx: Pick<Deps, "db" | "d1" | "now">, petitionId: number): Promise<number> {
  return targetChanged(ctx.db, ctx.d1, { kind: "petition", id: petitionId }, ctx.now);
}

async function approvePetition(
  ctx: Deps,
  actor: Actor,
  roles: Acting,
  p: PetitionRow,
  closesOn: string | undefined,
): Promise<PetitionState> {
  const { db, now } = ctx;
  const to = petitionEvent(p, "approve", roles);
  const settings = await organisationSettings(db, p.organisation_id);
  if (!settings) throw conflict("organisation_missing", "The organisation this petition is addressed to no longer exists.");
  let closesAt: string;
  if (closesOn) {
    const today = londonDate(now);
    if (closesOn <= today) throw validationFailed({ closesOn: "The closing date must be in the future" });
    if (closesOn > addCalendarDays(today, 366)) throw validationFailed({ closesOn: "The closing date must be within a year" });
    closesAt = endOfLondonDay(closesOn).toISOString();
  } else {
    closesAt = calendarDayDeadline(now, settings.petition_duration_days).dueAt;
  }
  const nowIso = now.toISOString();
  const mail = emails.petitionApprovedEmail({ title: p.title, closesAt }, linksFor(ctx.publicUrl).petition(p.id));
  const results = await batch(ctx.d1, [
    db
      .updateTable("petitions")
      .set({
        state: to,
        opened_at: nowIso,
        closes_at: closesAt,
        moderated_by: actor.personId,
        moderated_at: nowIso,
        // The organisation's settings today are this petition's for good.
        response_threshold: settings.response_threshold,
        scrutiny_threshold: settings.scrutiny_threshold,
        response_working_days: settings.response_working_days,
        updated_at: nowIso,
      })
      .where("id", "=", p.id)
      .where("state", "=", p.state),
    auditIfChanged(db, {
      actor,
      areaId: p.area_id,
      entity: "petition",
      entityId: p.id,
      action: "approve",
      from: p.state,
      to,
      details: {
        closesAt,
        responseThreshold: settings.response_threshold,
        scrutinyThreshold: settings.scrutiny_threshold,
        responseWorkingDays: settings.response_working_days,
      },
      at: now,
    }),
    emailToColumn(
      db,
      p.id,
      "p.petitioner_email",
      { ...mail, category: "petition_approved", dedupeKey: `petition-approved:${p.id}` },
      now,
      (qb) => qb,
      previousChanged,
    ),
  ]);
  assertChanged(results, "checking it");
  return to;
}

async function rejectPetition(
  ctx: Deps,
  actor: Actor,
  roles: Acting,
  p: PetitionRow,
  code: RejectionCode,
  explanation: string,
): Promise<PetitionState> {
  const { db, now } = ctx;
  const hides = rejectionReasons[code].hides;
  const to = petitionEvent(p, hides ? "reject_and_hide" : "reject", roles);
  const nowIso = now.toISOString();
  const mail = emails.petitionRejectedEmail({ title: p.title, code, explanation }, hides ? null : linksFor(ctx.publicUrl).petition(p.id));
  const results = await batch(ctx.d1, [
    db
      .updateTable("petitions")
      .set({
        state: to,
        rejection_code: code,
        rejection_details: explanation,
        moderated_by: actor.personId,
        moderated_at: nowIso,
        ...(hides ? { hidden_code: code, hidden_at: nowIso, hidden_by: actor.personId } : {}),
        updated_at: nowIso,
      })
      .where("id", "=", p.id)
      .where("state", "=", p.state),
    auditIfChanged(db, {
      actor,
      areaId: p.area_id,
      entity: "petition",
      entityId: p.id,
      action: hides ? "reject_and_hide" : "reject",
      from: p.state,
      to,
      details: { reason: code },
      at: now,
    }),
    emailToColumn(
      db,
      p.id,
      "p.petitioner_email",
      { ...mail, category: "petition_rejected", dedupeKey: `petition-rejected:${p.id}` },
      now,
      (qb) => qb,
      previousChanged,
    ),
  ]);
  assertChanged(results, "checking it");
  return to;
}

/** Removes a petition from view for legal reasons; its record and reason stay, and any response owed is withdrawn. */
export async function removePetition(ctx: Deps, actor: Actor, roles: Acting, p: PetitionRow, input: RemovalInput): Promise<void> {
  const { db, now } = ctx;
  const to = petitionEvent(p, "hide", roles);
  const nowIso = now.toISOString();
  const obligation = await openResponseObligation(db, p.id);
  const withdrawn = obligation ? nextState(obligationMachine, "open", "withdraw", ["system"]) : null;
  const results = await batch(ctx.d1, [
    db
      .updateTable("petitions")
      .set({ state: to, hidden_code: input.reason, hidden_at: nowIso, hidden_by: actor.personId, updated_at: nowIso })
      .where("id", "=", p.id)
      .where("state", "=", p.state),
    auditIfChanged(db, {
      actor,
      areaId: p.area_id,
      entity: "petition",
      entityId: p.id,
      action: "hide",
      from: p.state,
      to,
      details: { reason: input.reason },
      at: now,
    }),
    emailToColumn(
      db,
      p.id,
      "p.petitioner_email",
      {
        ...emails.petitionRemovedEmail({ title: p.title, code: input.reason, explanation: input.explanation }),
        category: "petition_removed",
        dedupeKey: `petition-removed:${p.id}`,
      },
      now,
      (qb) => qb,
      previousChanged,
    ),
    ...(obligation && withdrawn
      ? [
          db
            .updateTable("obligations")
            .set({ state: withdrawn, withdrawn_at: nowIso, updated_at: nowIso })
            .where("id", "=", obligation.id)
            .where("state", "=", "open")
            .where(petitionExists(db, p.id, (qb) => qb.where("state", "=", "hidden"))),
          auditIfChanged(db, {
            actor: "system",
            areaId: p.area_id,
            entity: "obligation",
            entityId: obligation.id,
            action: "withdraw",
            from: "open",
            to: withdrawn,
            details: { petitionId: p.id, why: "petition removed" },
            at: now,
          }),
        ]
      : []),
  ]);
  assertChanged(results, "removing it");
  await deadlinesChanged(ctx, p.id);
}

async function openResponseObligation(db: DB, petitionId: number) {
  return db
    .selectFrom("obligations")
    .select(["id", "state", "due_at"])
    .where("petition_id", "=", petitionId)
    .where("kind", "=", "petition_response")
    .where("state", "=", "open")
    .executeTakeFirst();
}

// ---------------------------------------------------------------- response

function assertAnswerable(p: PetitionRow, what: string) {
  if (!isAnswerable(p)) {
    throw conflict(
      "transition_not_allowed",
      `You cannot ${what} a petition that is ${petitionMachine.stateLabels[p.state].toLowerCase()}. This is only possible once it has opened.`,
    );
  }
}

/** Keeps the text being prepared (shown on the form next time); not published, not a change of state. */
export async function saveResponseDraft(ctx: Deps, p: PetitionRow, text: string): Promise<void> {
  await ctx.db.updateTable("petitions").set({ response_draft: text }).where("id", "=", p.id).execute();
}

/**
 * Publishes (or amends) the response: the response machine's `respond`/`amend`, the
 * obligation met (late or not), the petitioner told (with a link to ask for scrutiny), and
 * every confirmed signer who agreed told, through a mailing written to the outbox in chunks.
 */
export async function publishResponse(ctx: Deps, actor: Actor, roles: Acting, p: PetitionRow, text: string): Promise<{ amended: boolean }> {
  const { db, now } = ctx;
  assertAnswerable(p, "respond to");
  const current = p.response_state as ResponseState;
  const event = current === "responded" ? "amend" : "respond";
  const to = nextState(petitionResponseMachine, current, event, roles);
  const nowIso = now.toISOString();
  const obligation = event === "respond" ? await openResponseObligation(db, p.id) : undefined;
  const met = obligation ? nextState(obligationMachine, "open", "meet", roles) : null;
  const late = obligation ? (now.getTime() > Date.parse(obligation.due_at) ? 1 : 0) : null;
  const links = linksFor(ctx.publicUrl);
  const statements: Compilable[] = [
    db
      .updateTable("petitions")
      .set({
        response_state: to,
        response_text: text,
        response_draft: null,
        responded_at: event === "respond" ? nowIso : p.responded_at,
        responded_by: actor.personId,
        updated_at: nowIso,
      })
      .where("id", "=", p.id)
      .where("response_state", "=", current)
      .where(where(answerable)),
    auditIfChanged(db, {
      actor,
      areaId: p.area_id,
      entity: "petition",
      entityId: p.id,
      action: event === "respond" ? "respond" : "amend_response",
      from: current,
      to,
      details: late === null ? {} : { late: late === 1 },
      at: now,
    }),
  ];
  if (event === "respond") {
    const referToken = await referralToken(ctx.secret, p.id);
    statements.push(
      emailToColumn(
        db,
        p.id,
        "p.petitioner_email",
        {
          ...emails.responseToPetitionerEmail(
            { title: p.title, organisationName: p.organisation_name, response: text },
            links.petition(p.id),
            links.refer(p.id, referToken),
          ),
          category: "petition_response_petitioner",
          dedupeKey: `petition-response-petitioner:${p.id}`,
        },
        now,
        (qb) => qb.where("response_state", "=", "responded").where("responded_at", "=", nowIso),
      ),
      insertMailing(
        db,
        p.id,
        "response",
        emails.withRemoveLink(
          emails.responseToSignersEmail({ title: p.title, organisationName: p.organisation_name, response: text }, links.petition(p.id)),
          yourDataUrl(ctx.publicUrl),
        ),
        now,
        nowIso,
      ),
    );
    if (obligation && met) {
      statements.push(
        db
          .updateTable("obligations")
          .set({ state: met, met_at: nowIso, met_late: late, updated_at: nowIso })
          .where("id", "=", obligation.id)
          .where("state", "=", "open")
          .where(petitionExists(db, p.id, (qb) => qb.where("response_state", "=", "responded").where("responded_at", "=", nowIso))),
        auditIfChanged(db, {
          actor,
          areaId: p.area_id,
          entity: "obligation",
          entityId: obligation.id,
          action: "meet",
          from: "open",
          to: met,
          details: { petitionId: p.id, late: late === 1 },
          at: now,
        }),
      );
    }
  }
  const results = await batch(ctx.d1, statements);
  assertChanged(results, "writing your response");
  if (event === "respond") await advanceMailings(ctx, { petitionId: p.id, maxChunks: 5 });
  await deadlinesChanged(ctx, p.id);
  return { amended: event === "amend" };
}

function insertMailing(db: DB, petitionId: number, kind: "response" | "outcome", mail: emails.EmailText, now: Date, stampedAt: string) {
  const column = kind === "response" ? "responded_at" : "osc_considered_at";
  return db
    .insertInto("petition_mailings")
    .columns(["petition_id", "kind", "subject", "body_text", "created_at"])
    .expression(
      db
        .selectFrom("petitions")
        .select((eb) => [
          eb.val(petitionId).as("petition_id"),
          eb.val(kind).as("kind"),
          eb.val(mail.subject).as("subject"),
          eb.val(mail.text).as("body_text"),
          eb.val(now.toISOString()).as("created_at"),
        ])
        .where("id", "=", petitionId)
        .where(column, "=", stampedAt),
    )
    .onConflict((oc) => oc.columns(["petition_id", "kind"]).doNothing());
}

/** The petitioner's "refer my petition to scrutiny" link: a keyed hash of the petition id, nothing stored. */
export async function referralToken(secret: string, petitionId: number): Promise<string> {
  return (await hmac(secret, `petition-refer:${petitionId}`)).slice(0, 32);
}

export async function isReferralToken(secret: string, petitionId: number, token: string): Promise<boolean> {
  return safeEqual(await referralToken(secret, petitionId), token);
}

// ---------------------------------------------------------------- scrutiny

/** The scrutiny machine's `refer`: by a clerk, or by a petitioner not satisfied with the response. */
export async function referPetition(ctx: Deps, who: { actor: Actor; roles: Acting } | "petitioner", p: PetitionRow): Promise<void> {
  const { db, now } = ctx;
  assertAnswerable(p, "refer");
  const actors: readonly MachineActor[] = who === "petitioner" ? ["petitioner"] : who.roles;
  const to = nextState(petitionScrutinyMachine, p.scrutiny_state as ScrutinyState, "refer", actors);
  if (who === "petitioner" && p.response_state !== "responded") {
    throw conflict("not_responded", "A petitioner can ask for a referral once the response has been published.");
  }
  const reason = who === "petitioner" ? "dissatisfied" : "clerk";
  const nowIso = now.toISOString();
  const why = reason === "dissatisfied" ? "the petitioner is not satisfied with the response" : "the clerk referred it";
  const results = await batch(ctx.d1, [
    db
      .updateTable("petitions")
      .set({ scrutiny_state: to, referred_at: nowIso, referral_reason: reason, updated_at: nowIso })
      .where("id", "=", p.id)
      .where("scrutiny_state", "=", p.scrutiny_state)
      .where(where(answerable)),
    auditIfChanged(db, {
      actor: who === "petitioner" ? "petitioner" : who.actor,
      areaId: p.area_id,
      entity: "petition",
      entityId: p.id,
      action: "refer",
      from: p.scrutiny_state,
      to,
      details: { referralReason: reason },
      at: now,
    }),
    oscEmails(
      db,
      p.area_id,
      (oscId) => ({
        ...emails.referredEmail({ title: p.title, why }, linksFor(ctx.publicUrl).scrutiny(p.id)),
        category: "petition_referred",
        dedupeKey: `petition-referred:${p.id}:${oscId}`,
      }),
      now,
      previousChanged,
    ),
  ]);
  assertChanged(results, "referring it");
}

/** Records (or amends) the committee's consideration; the first time, signers who agreed are told. */
export async function recordScrutiny(
  ctx: Deps,
  actor: Actor,
  roles: Acting,
  p: PetitionRow,
  input: ScrutinyInput,
): Promise<{ amended: boolean }> {
  const { db, now } = ctx;
  const current = p.scrutiny_state as ScrutinyState;
  const event = current === "considered" ? "amend" : "consider";
  const to = nextState(petitionScrutinyMachine, current, event, roles);
  if (input.meetingDate > londonDate(now)) {
    throw validationFailed({ meetingDate: "The meeting date must be today or in the past" });
  }
  const nowIso = now.toISOString();
  const links = linksFor(ctx.publicUrl);
  const mail = emails.withRemoveLink(emails.outcomeEmail({ title: p.title, ...input }, links.petition(p.id)), yourDataUrl(ctx.publicUrl));
  const statements: Compilable[] = [
    db
      .updateTable("petitions")
      .set({
        scrutiny_state: to,
        osc_meeting_date: input.meetingDate,
        osc_decision: input.decision,
        osc_outcome: input.outcome,
        osc_considered_at: event === "consider" ? nowIso : p.osc_considered_at,
        updated_at: nowIso,
      })
      .where("id", "=", p.id)
      .where("scrutiny_state", "=", current),
    auditIfChanged(db, {
      actor,
      areaId: p.area_id,
      entity: "petition",
      entityId: p.id,
      action: event === "consider" ? "consider" : "amend_outcome",
      from: current,
      to,
      details: { meetingDate: input.meetingDate },
      at: now,
    }),
  ];
  if (event === "consider") {
    statements.push(
      emailToColumn(
        db,
        p.id,
        "p.petitioner_email",
        { ...mail, category: "petition_outcome", dedupeKey: `petition-outcome-petitioner:${p.id}` },
        now,
        (qb) => qb.where("osc_considered_at", "=", nowIso),
      ),
      insertMailing(db, p.id, "outcome", mail, now, nowIso),
    );
  }
  const results = await batch(ctx.d1, statements);
  assertChanged(results, "recording the outcome");
  if (event === "consider") await advanceMailings(ctx, { petitionId: p.id, maxChunks: 5 });
  return { amended: event === "amend" };
}

// ---------------------------------------------------------------- mailings to signers

export const MAILING_CHUNK = 100;

/**
 * Writes the next chunks of unfinished mailings to the outbox: each chunk is one
 * INSERT ... SELECT of up to 100 consenting confirmed signers after the cursor, and the
 * cursor moves in the same batch. The dedupe key (petition-response:<petition>:<signature>)
 * makes a chunk written twice harmless. Returns the number of chunks written.
 */
export async function advanceMailings(
  ctx: Pick<Deps, "db" | "d1" | "now">,
  opts: { petitionId?: number; maxChunks: number },
): Promise<number> {
  const { db } = ctx;
  let chunks = 0;
  while (chunks < opts.maxChunks) {
    let q = db.selectFrom("petition_mailings").selectAll().where("completed_at", "is", null).orderBy("created_at").orderBy("id").limit(1);
    if (opts.petitionId !== undefined) q = q.where("petition_id", "=", opts.petitionId);
    const mailing = await q.executeTakeFirst();
    if (!mailing) break;
    await writeMailingChunk(ctx, mailing);
    chunks++;
  }
  return chunks;
}

async function writeMailingChunk(
  ctx: Pick<Deps, "db" | "d1" | "now">,
  m: { id: number; petition_id: number; kind: string; subject: string; body_text: string; after_signature_id: number },
) {
  const { db, now } = ctx;
  const nowIso = now.toISOString();
  const after = m.after_signature_id;
  // Literal state and consent, so SQLite can use the partial index signatures_consenting.
  const consenting = () =>
    db
      .selectFrom("signatures as s")
      .where("s.petition_id", "=", m.petition_id)
      .where(sql.ref("s.state"), "=", sql.lit("confirmed"))
      .where(sql.ref("s.contact_consent"), "=", sql.lit(1))
      .where("s.id", ">", after)
      .orderBy("s.id")
      .limit(MAILING_CHUNK);
  const chunk = consenting().select("s.id");
  const prefix = `petition-${m.kind}:${m.petition_id}:`;
  await batch(ctx.d1, [
    // Claim the chunk: only one runner moves the cursor from `after`.
    db
      .updateTable("petition_mailings")
      .set({
        after_signature_id: sql`COALESCE((SELECT MAX(id) FROM ${chunk}), after_signature_id)`,
        completed_at: sql`CASE WHEN (SELECT COUNT(*) FROM ${chunk}) < ${MAILING_CHUNK} THEN ${nowIso} ELSE NULL END`,
      })
      .where("id", "=", m.id)
      .where("after_signature_id", "=", after)
      .where("completed_at", "is", null),
    db
      .insertInto("outbox")
      .columns(["to_email", "subject", "body_text", "category", "dedupe_key", "digest", "created_at", "next_attempt_at"])
      .expression(
        consenting()
          .select((eb) => [
            sql<string>`s.email`.as("to_email"),
            eb.val(m.subject).as("subject"),
            sql<string>`'Hello ' || COALESCE(s.name, '') || ${",\n\n" + m.body_text}`.as("body_text"),
            eb.val(`petition_${m.kind}`).as("category"),
            sql<string>`${prefix} || s.id`.as("dedupe_key"),
            eb.val(0).as("digest"),
            eb.val(nowIso).as("created_at"),
            eb.val(nowIso).as("next_attempt_at"),
          ])
          .where("s.email", "is not", null)
          .where(previousChanged),
      )
      .onConflict((oc) => oc.column("dedupe_key").doNothing()),
  ]);
}

// ---------------------------------------------------------------- calendar feed tokens

/** A calendar address for the response due dates of an area's petitions, owned by its scrutiny committee. */
export async function createPetitionFeed(deps: Deps, actor: Actor, area: { id: number }): Promise<{ id: number; url: string }> {
  const osc = await oscFor(deps.db, actor, area.id);
  const { id, token } = await createFeedToken(
    deps,
    actor,
    { organisationId: osc },
    { areaId: area.id, feed: "petition response due dates" },
  );
  return { id, url: new URL(`/feeds/petitions/${token}.ics`, deps.publicUrl).toString() };
}

/** The committee a feed belongs to: the clerk's own, or (for an administrator) the area's. */
async function oscFor(db: DB, actor: Actor, areaId: number): Promise<number> {
  const own = actor.memberships.find((m) => m.areaId === areaId && m.role === "osc_clerk" && m.organisationKind === "osc");
  if (own) return own.organisationId;
  const osc = await db
    .selectFrom("organisations")
    .select("id")
    .where("area_id", "=", areaId)
    .where("kind", "=", "osc")
    .orderBy("id")
    .executeTakeFirst();
  if (!osc) throw conflict("no_committee", "This area has no overview and scrutiny committee set up. Ask the administrator to add it.");
  return osc.id;
}

export async function revokePetitionFeed(
  deps: Deps,
  actor: Actor,
  feed: { id: number; area_id: number; organisation_id: number; revoked_at: string | null },
): Promise<void> {
  const turnedOff =
    !feed.revoked_at && (await revokeFeedToken(deps, actor, feed.id, { organisationId: feed.organisation_id }, feed.area_id));
  if (!turnedOff) throw conflict("already_revoked", "This calendar address was already turned off.");
}
