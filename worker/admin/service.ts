// Administration of an area: its defaults, its organisations' overrides, and who holds which role.
import type { AreaSettings, NewMembership, OrganisationSettings } from "../../shared/schemas/admin";
import type { Role } from "../../shared/roles";
import type { Actor } from "../platform/actor";
import type { RecordLoader } from "../auth/middleware";
import { auditInsert } from "../platform/audit";
import { batch, type DB } from "../platform/db";
import { AppError, validationFailed } from "../platform/errors";
import { slugify } from "../platform/text";
import { parseId, pathId } from "../platform/pathId";
import type { OrganisationKind } from "../../shared/roles";

type AreaRow = { id: number; slug: string; name: string };

/** The area named by :id in the path. */
export const areaById: RecordLoader<AreaRow> = async (db, params) => {
  const id = parseId(params.id);
  if (id === null) return null;
  const area = await db.selectFrom("areas").select(["id", "slug", "name"]).where("id", "=", id).executeTakeFirst();
  return area ? { record: area, scope: { areaId: area.id, organisationIds: [] } } : null;
};

/** The area named by :slug in the path. */
export const areaBySlug: RecordLoader<AreaRow> = async (db, params) => {
  const area = await db
    .selectFrom("areas")
    .select(["id", "slug", "name"])
    .where("slug", "=", params.slug ?? "")
    .executeTakeFirst();
  return area ? { record: area, scope: { areaId: area.id, organisationIds: [] } } : null;
};

/** The organisation named by :id in the path. */
export const organisationById: RecordLoader<{ id: number; area_id: number; name: string }> = async (db, params) => {
  const id = parseId(params.id);
  if (id === null) return null;
  const org = await db.selectFrom("organisations").select(["id", "area_id", "name"]).where("id", "=", id).executeTakeFirst();
  return org ? { record: org, scope: { areaId: org.area_id, organisationIds: [org.id] } } : null;
};

/** The membership named by :id in the path. */
export const membershipById: RecordLoader<{ id: number; area_id: number; person_id: number; role: string }> = async (db, params) => {
  const id = parseId(params.id);
  if (id === null) return null;
  const m = await db
    .selectFrom("memberships as m")
    .innerJoin("organisations as o", "o.id", "m.organisation_id")
    .select(["m.id", "o.area_id", "m.person_id", "m.role", "m.organisation_id"])
    .where("m.id", "=", id)
    .executeTakeFirst();
  return m ? { record: m, scope: { areaId: m.area_id, organisationIds: [m.organisation_id] } } : null;
};

export async function getAreaSettings(db: DB, areaId: number): Promise<AreaSettings> {
  const a = await db.selectFrom("areas").selectAll().where("id", "=", areaId).executeTakeFirstOrThrow();
  return {
    responseThreshold: a.response_threshold,
    scrutinyThreshold: a.scrutiny_threshold,
    responseWorkingDays: a.response_working_days,
    petitionDurationDays: a.petition_duration_days,
    informationRequestWorkingDays: a.information_request_working_days,
    reportWorkingDays: a.report_working_days,
    referralWorkingDays: a.referral_working_days,
    outcomeOverdueWeeks: a.outcome_overdue_weeks,
    signerDataRetentionDays: a.signer_data_retention_days,
  };
}

/** New settings apply from now on: petitions already open keep the thresholds they opened with. */
export async function updateAreaSettings(db: DB, d1: D1Database, actor: Actor, areaId: number, s: AreaSettings, now: Date) {
  const before = await getAreaSettings(db, areaId);
  await batch(d1, [
    db
      .updateTable("areas")
      .set({
        response_threshold: s.responseThreshold,
        scrutiny_threshold: s.scrutinyThreshold,
        response_working_days: s.responseWorkingDays,
        petition_duration_days: s.petitionDurationDays,
        information_request_working_days: s.informationRequestWorkingDays,
        report_working_days: s.reportWorkingDays,
        referral_working_days: s.referralWorkingDays,
        outcome_overdue_weeks: s.outcomeOverdueWeeks,
        signer_data_retention_days: s.signerDataRetentionDays ?? before.signerDataRetentionDays,
      })
      .where("id", "=", areaId),
    auditInsert(db, {
      actor,
      areaId,
      entity: "area",
      entityId: areaId,
      action: "settings_changed",
      at: now,
      details: { before, after: { ...s, signerDataRetentionDays: s.signerDataRetentionDays ?? before.signerDataRetentionDays } },
    }),
  ]);
}

export async function updateOrganisationSettings(
  db: DB,
  d1: D1Database,
  actor: Actor,
  org: { id: number; area_id: number },
  s: OrganisationSettings,
  now: Date,
) {
  await batch(d1, [
    db
      .updateTable("organisations")
      .set({
        response_threshold: s.responseThreshold,
        scrutiny_threshold: s.scrutinyThreshold,
        response_working_days: s.responseWorkingDays,
        petition_duration_days: s.petitionDurationDays,
      })
      .where("id", "=", org.id),
    auditInsert(db, {
      actor,
      areaId: org.area_id,
      entity: "organisation",
      entityId: org.id,
      action: "settings_changed",
      at: now,
      details: s,
    }),
  ]);
}

export async function addOrganisation(
  db: DB,
  d1: D1Database,
  actor: Actor,
  areaId: number,
  o: { name: string; kind: OrganisationKind; email?: string | undefined; predecessorId?: number | undefined },
  now: Date,
): Promise<number> {
  if (o.predecessorId !== undefined) {
    const predecessor = await db
      .selectFrom("organisations")
      .select("id")
      .where("id", "=", o.predecessorId)
      .where("area_id", "=", areaId)
      .executeTakeFirst();
    if (!predecessor) throw validationFailed({ predecessorId: "Choose an organisation in this area" });
  }
  const slug = slugify(o.name);
  const clash = await db.selectFrom("organisations").select("id").where("area_id", "=", areaId).where("slug", "=", slug).executeTakeFirst();
  if (clash) throw validationFailed({ name: "There is already an organisation with this name in the area" });
  const [inserted] = await batch(d1, [
    db
      .insertInto("organisations")
      .values({
        area_id: areaId,
        slug,
        name: o.name,
        kind: o.kind,
        email: o.email ?? null,
        predecessor_id: o.predecessorId ?? null,
        created_at: now.toISOString(),
      })
      .returning("id"),
  ]);
  const id = (inserted?.results[0] as { id: number } | undefined)?.id;
  if (id === undefined) throw new Error("The organisation was not stored");
  await auditInsert(db, { actor, areaId, entity: "organisation", entityId: id, action: "created", at: now, details: o }).execute();
  return id;
}

/** Gives a person (created if new, found by email otherwise) a role in an organisation of the area. */
export async function addMembership(db: DB, d1: D1Database, actor: Actor, areaId: number, m: NewMembership, now: Date): Promise<number> {
  const org = await db
    .selectFrom("organisations")
    .select(["id", "name"])
    .where("id", "=", m.organisationId)
    .where("area_id", "=", areaId)
    .executeTakeFirst();
  if (!org) throw validationFailed({ organisationId: "Choose an organisation in this area" });
  const at = now.toISOString();
  const person = db.selectFrom("people").where("email", "=", m.email);
  const results = await batch(d1, [
    db
      .insertInto("people")
      .values({ email: m.email, name: m.name, created_at: at })
      .onConflict((oc) => oc.column("email").doNothing()),
    db
      .insertInto("memberships")
      .columns(["person_id", "organisation_id", "role", "created_at"])
      .expression(
        person.select((eb) => [
          "id as person_id",
          eb.val(org.id).as("organisation_id"),
          eb.val(m.role).as("role"),
          eb.val(at).as("created_at"),
        ]),
      )
      .onConflict((oc) => oc.columns(["person_id", "organisation_id", "role"]).doNothing()),
  ]);
  if (results[1]?.meta.changes !== 1) throw new AppError(409, "already_member", `${m.email} already has that role at ${org.name}.`);
  const row = await db
    .selectFrom("memberships as ms")
    .innerJoin("people as p", "p.id", "ms.person_id")
    .select(["ms.id", "p.id as person_id"])
    .where("p.email", "=", m.email)
    .where("ms.organisation_id", "=", org.id)
    .where("ms.role", "=", m.role)
    .executeTakeFirstOrThrow();
  await auditInsert(db, {
    actor,
    areaId,
    entity: "membership",
    entityId: row.id,
    action: "created",
    at: now,
    details: { personId: row.person_id, organisationId: org.id, role: m.role },
  }).execute();
  return row.id;
}

export async function removeMembership(
  db: DB,
  d1: D1Database,
  actor: Actor,
  m: { id: number; area_id: number; person_id: number; role: string },
  now: Date,
) {
  if (m.person_id === actor.personId && m.role === "admin") {
    throw new AppError(409, "cannot_remove_self", "You cannot remove your own administrator role. Ask another administrator.");
  }
  await batch(d1, [
    db.deleteFrom("memberships").where("id", "=", m.id),
    auditInsert(db, {
      actor,
      areaId: m.area_id,
      entity: "membership",
      entityId: m.id,
      action: "removed",
      at: now,
      details: { personId: m.person_id, role: m.role },
    }),
  ]);
}

export async function listAreaMembers(db: DB, areaId: number) {
  const rows = await db
    .selectFrom("memberships as m")
    .innerJoin("people as p", "p.id", "m.person_id")
    .innerJoin("organisations as o", "o.id", "m.organisation_id")
    .select([
      "m.id as membershipId",
      "p.id as personId",
      "p.name",
      "p.email",
      "o.id as organisationId",
      "o.name as organisationName",
      "m.role",
    ])
    .where("o.area_id", "=", areaId)
    .orderBy("p.name")
    .execute();
  return rows.map((r) => ({ ...r, role: r.role as Role }));
}

export async function listOrganisations(db: DB, areaId: number) {
  return db.selectFrom("organisations").selectAll().where("area_id", "=", areaId).orderBy("name").execute();
}
