// Administration of an area: its defaults, its organisations' overrides, and who holds which role.
import { sql } from "kysely";
import type { z } from "zod";
import type { AreaSettings, NewMembership, NewOrganisation, OrganisationSettings } from "../../shared/schemas/admin";
import type { AreaRow } from "../areas/queries";
import type { Acting } from "../platform/actor";
import { auditIfChanged, INSERTED } from "../platform/audit";
import { batch } from "../platform/db";
import type { Deps } from "../platform/deps";
import { AppError, validationFailed } from "../platform/errors";
import { slugify } from "../platform/text";
import { getAreaSettings, type MembershipRecord, type OrganisationRecord } from "./queries";

// Until petitions and alerts import the area loaders from where they now live.
export { areaById, areaBySlug } from "../areas/queries";

type Area = Pick<AreaRow, "id">;
type NewOrganisationInput = z.output<typeof NewOrganisation>;

/** The id a batch's INSERT ... RETURNING id gave back; null when it inserted nothing. */
function insertedId(result: D1Result | undefined): number | null {
  const row = result?.results[0];
  return typeof row === "object" && row !== null && "id" in row && typeof row.id === "number" ? row.id : null;
}

/** New settings apply from now on: petitions already open keep the thresholds they opened with. */
export async function updateAreaSettings(deps: Deps, acting: Acting, area: Area, input: AreaSettings) {
  const { db, now } = deps;
  const before = await getAreaSettings(db, area.id);
  const after = { ...input, signerDataRetentionDays: input.signerDataRetentionDays ?? before.signerDataRetentionDays };
  await batch(deps.d1, [
    db
      .updateTable("areas")
      .set({
        response_threshold: after.responseThreshold,
        scrutiny_threshold: after.scrutinyThreshold,
        response_working_days: after.responseWorkingDays,
        petition_duration_days: after.petitionDurationDays,
        information_request_working_days: after.informationRequestWorkingDays,
        report_working_days: after.reportWorkingDays,
        referral_working_days: after.referralWorkingDays,
        outcome_overdue_weeks: after.outcomeOverdueWeeks,
        signer_data_retention_days: after.signerDataRetentionDays,
      })
      .where("id", "=", area.id),
    auditIfChanged(db, {
      actor: acting.actor,
      areaId: area.id,
      entity: "area",
      entityId: area.id,
      action: "settings_changed",
      at: now,
      details: { before, after },
    }),
  ]);
}

export async function updateOrganisationSettings(
  deps: Deps,
  acting: Acting,
  organisation: Pick<OrganisationRecord, "id" | "area_id">,
  input: OrganisationSettings,
) {
  const { db, now } = deps;
  await batch(deps.d1, [
    db
      .updateTable("organisations")
      .set({
        response_threshold: input.responseThreshold,
        scrutiny_threshold: input.scrutinyThreshold,
        response_working_days: input.responseWorkingDays,
        petition_duration_days: input.petitionDurationDays,
      })
      .where("id", "=", organisation.id),
    auditIfChanged(db, {
      actor: acting.actor,
      areaId: organisation.area_id,
      entity: "organisation",
      entityId: organisation.id,
      action: "settings_changed",
      at: now,
      details: input,
    }),
  ]);
}

/** Adds an organisation to the area (its name unique there; what it replaced, in the same area). Returns its id. */
export async function addOrganisation(deps: Deps, acting: Acting, area: Area, input: NewOrganisationInput): Promise<number> {
  const { db, now } = deps;
  if (input.predecessorId !== undefined) {
    const predecessor = await db
      .selectFrom("organisations")
      .select("id")
      .where("id", "=", input.predecessorId)
      .where("area_id", "=", area.id)
      .executeTakeFirst();
    if (!predecessor) throw validationFailed({ predecessorId: "Choose an organisation in this area" });
  }
  const slug = slugify(input.name);
  const clash = await db
    .selectFrom("organisations")
    .select("id")
    .where("area_id", "=", area.id)
    .where("slug", "=", slug)
    .executeTakeFirst();
  if (clash) throw validationFailed({ name: "There is already an organisation with this name in the area" });
  const [inserted] = await batch(deps.d1, [
    db
      .insertInto("organisations")
      .values({
        area_id: area.id,
        slug,
        name: input.name,
        kind: input.kind,
        email: input.email ?? null,
        predecessor_id: input.predecessorId ?? null,
        created_at: now.toISOString(),
      })
      .returning("id"),
    auditIfChanged(db, {
      actor: acting.actor,
      areaId: area.id,
      entity: "organisation",
      entityId: INSERTED,
      action: "created",
      at: now,
      details: input,
    }),
  ]);
  const id = insertedId(inserted);
  if (id === null) throw new Error("The organisation was not stored");
  return id;
}

/** Gives a person (created if new, found by email otherwise) a role in an organisation of the area. Returns the membership's id. */
export async function addMembership(deps: Deps, acting: Acting, area: Area, input: NewMembership): Promise<number> {
  const { db, now } = deps;
  const org = await db
    .selectFrom("organisations")
    .select(["id", "name"])
    .where("id", "=", input.organisationId)
    .where("area_id", "=", area.id)
    .executeTakeFirst();
  if (!org) throw validationFailed({ organisationId: "Choose an organisation in this area" });
  const at = now.toISOString();
  const person = db.selectFrom("people").where("email", "=", input.email);
  const [, inserted] = await batch(deps.d1, [
    db
      .insertInto("people")
      .values({ email: input.email, name: input.name, created_at: at })
      .onConflict((oc) => oc.column("email").doNothing()),
    db
      .insertInto("memberships")
      .columns(["person_id", "organisation_id", "role", "created_at"])
      .expression(
        person.select((eb) => [
          "id as person_id",
          eb.val(org.id).as("organisation_id"),
          eb.val(input.role).as("role"),
          eb.val(at).as("created_at"),
        ]),
      )
      .onConflict((oc) => oc.columns(["person_id", "organisation_id", "role"]).doNothing())
      .returning("id"),
    auditIfChanged(
      db,
      { actor: acting.actor, areaId: area.id, entity: "membership", entityId: INSERTED, action: "created", at: now },
      sql<string>`json_object('personId', (${person.select("id")}), 'organisationId', ${org.id}, 'role', ${input.role})`,
    ),
  ]);
  const id = insertedId(inserted);
  if (id === null) throw new AppError(409, "already_member", `${input.email} already has that role at ${org.name}.`);
  return id;
}

export async function removeMembership(deps: Deps, acting: Acting, membership: Omit<MembershipRecord, "area_slug" | "organisation_id">) {
  const { db, now } = deps;
  if (membership.person_id === acting.actor.personId && membership.role === "admin") {
    throw new AppError(409, "cannot_remove_self", "You cannot remove your own administrator role. Ask another administrator.");
  }
  await batch(deps.d1, [
    db.deleteFrom("memberships").where("id", "=", membership.id),
    auditIfChanged(db, {
      actor: acting.actor,
      areaId: membership.area_id,
      entity: "membership",
      entityId: membership.id,
      action: "removed",
      at: now,
      details: { personId: membership.person_id, role: membership.role },
    }),
  ]);
}
