// The area clock: everything open that involves an organisation (or, for clerks, a whole area), soonest due first.
import { obligationKinds } from "../../shared/obligations/machine";
import type { Clock, ClockCounts, ClockItem } from "../../shared/schemas/clock";
import type { RecordLoader } from "../auth/middleware";
import type { DB } from "../platform/db";
import { isOutcomeOverdue, outcomeDueAt } from "../../shared/consultations/rules";
import { withDetails, type ConsultationRow } from "../consultations/queries";
import { obligationListQuery, withNames, type ObligationRow } from "../obligations/queries";
import { parseId, pathId } from "../platform/pathId";

const WEEK = 7 * 86_400_000;
/** Open items read for one clock, at most (an organisation has tens, not thousands). */
const CLOCK_LIMIT = 500;

export interface ClockScope {
  /** One organisation's clock, or (null) the whole area's. */
  organisationId: number | null;
  areaId: number;
  name: string;
  /** The organisation's kind: a LINk's clock also has the area's consultations it has not responded to. */
  kind?: string;
}

export interface ClockOrganisation {
  id: number;
  area_id: number;
  name: string;
  kind: string;
}

/** Kinds of organisation whose job includes responding to the area's consultations. */
const RESPONDS_TO_CONSULTATIONS = ["link", "healthwatch"];

export const scopeOf = (o: ClockOrganisation): ClockScope => ({ organisationId: o.id, areaId: o.area_id, name: o.name, kind: o.kind });

/** The organisation named by :id; its clock belongs to it (and its area's clerks and administrators). */
export const clockOrganisation: RecordLoader<ClockOrganisation> = async (db, params) => {
  const id = parseId(params.id);
  if (id === null) return null;
  const org = await db.selectFrom("organisations").select(["id", "area_id", "name", "kind"]).where("id", "=", id).executeTakeFirst();
  return org ? { record: org, scope: { areaId: org.area_id, organisationIds: [org.id] } } : null;
};

/** The area named by :slug, with no organisation of its own: only area-wide roles reach its clock. */
export const clockArea: RecordLoader<{ id: number; slug: string; name: string }> = async (db, params) => {
  const area = await db
    .selectFrom("areas")
    .select(["id", "slug", "name"])
    .where("slug", "=", params.slug ?? "")
    .executeTakeFirst();
  return area ? { record: area, scope: { areaId: area.id, organisationIds: [] } } : null;
};

function obligationItem(o: ObligationRow, now: Date, publicUrl: string): ClockItem {
  return {
    key: `obligation-${o.id}`,
    type: "obligation",
    obligationKind: o.kind as ClockItem["obligationKind"],
    label: obligationKinds[o.kind as keyof typeof obligationKinds]?.label ?? o.kind,
    title: o.title,
    owedBy: o.owed_by_name,
    owedTo: o.owed_to_name,
    deadlineAt: o.due_at,
    allDay: true,
    overdue: Date.parse(o.due_at) < now.getTime(),
    webUrl: new URL(`/obligations/${o.id}`, publicUrl).toString(),
  };
}

function consultationItems(c: ConsultationRow, now: Date, publicUrl: string): ClockItem[] {
  const webUrl = new URL(`/consultations/${c.id}`, publicUrl).toString();
  if (!c.closes_at) return [];
  if (Date.parse(c.closes_at) > now.getTime()) {
    return [
      {
        key: `consultation-${c.id}-closes`,
        type: "consultation_closes",
        obligationKind: null,
        label: "Consultation closes",
        title: c.title,
        owedBy: c.organisation_name,
        owedTo: null,
        deadlineAt: c.closes_at,
        allDay: false,
        overdue: false,
        webUrl,
      },
    ];
  }
  const due = outcomeDueAt(c, c.outcome_overdue_weeks)!;
  return [
    {
      key: `consultation-${c.id}-outcome`,
      type: "outcome_due",
      obligationKind: null,
      label: "Outcome due (you said, we did)",
      title: c.title,
      owedBy: c.organisation_name,
      owedTo: null,
      deadlineAt: due,
      allDay: true,
      overdue: isOutcomeOverdue(c, now, c.outcome_overdue_weeks),
      webUrl,
    },
  ];
}

/** A consultation in the area the LINk has not yet responded to (recording its response takes it off). */
function responseItem(c: ConsultationRow, organisationName: string, publicUrl: string): ClockItem {
  return {
    key: `consultation-${c.id}-response`,
    type: "consultation_closes",
    obligationKind: null,
    label: "Consultation closes: respond by then",
    title: c.title,
    owedBy: organisationName,
    owedTo: c.organisation_name,
    deadlineAt: c.closes_at!,
    allDay: false,
    overdue: false,
    webUrl: new URL(`/consultations/${c.id}`, publicUrl).toString(),
  };
}

/** Open obligations and active consultations (still open, or closed awaiting their outcome) in scope. */
export async function clockItems(db: DB, scope: ClockScope, now: Date, publicUrl: string): Promise<ClockItem[]> {
  // Rows of the tables only; names are added once per organisation and area (withNames, withDetails).
  const open = obligationListQuery(db).where("ob.state", "=", "open").orderBy("ob.due_at").limit(CLOCK_LIMIT);
  const active = db
    .selectFrom("consultations as c")
    .selectAll("c")
    .where("c.state", "=", "active")
    .where("c.closes_at", "is not", null)
    .orderBy("c.closes_at")
    .limit(CLOCK_LIMIT);
  const org = scope.organisationId;
  const respondsInArea = org !== null && RESPONDS_TO_CONSULTATIONS.includes(scope.kind ?? "");
  const [owingRows, owedRows, consultationRows, toRespondRows] = await Promise.all([
    org === null ? open.where("ob.area_id", "=", scope.areaId).execute() : open.where("ob.owed_by_organisation_id", "=", org).execute(),
    org === null ? Promise.resolve([]) : open.where("ob.owed_to_organisation_id", "=", org).execute(),
    org === null ? active.where("c.area_id", "=", scope.areaId).execute() : active.where("c.organisation_id", "=", org).execute(),
    respondsInArea
      ? active
          .where("c.area_id", "=", scope.areaId)
          .where("c.closes_at", ">", now.toISOString())
          .where("c.link_responded_at", "is", null)
          .execute()
      : Promise.resolve([]),
  ]);
  // Both consultation lists' details in one look-up (each organisation and area read once).
  const [obligationRows, detailed] = await Promise.all([
    withNames(db, [...new Map([...owingRows, ...owedRows].map((o) => [o.id, o])).values()]),
    withDetails(db, [...consultationRows, ...toRespondRows]),
  ]);
  const [consultations, toRespond] = [detailed.slice(0, consultationRows.length), detailed.slice(consultationRows.length)];
  const obligations = new Map(obligationRows.map((o) => [o.id, o]));
  const items = [
    ...[...obligations.values()].map((o) => obligationItem(o, now, publicUrl)),
    ...consultations.flatMap((c) => consultationItems(c, now, publicUrl)),
    ...toRespond.map((c) => responseItem(c, scope.name, publicUrl)),
  ];
  return items.sort((a, b) => a.deadlineAt.localeCompare(b.deadlineAt) || a.key.localeCompare(b.key));
}

/** Answered on time and late, from the tallies the database keeps (never counted by scanning). */
async function tallies(db: DB, scope: ClockScope): Promise<{ metLate: number; metOnTime: number }> {
  let q = db.selectFrom("obligation_tallies as t").select(["t.met_late", "t.met_on_time"]);
  q =
    scope.organisationId === null
      ? q.innerJoin("organisations as o", "o.id", "t.organisation_id").where("o.area_id", "=", scope.areaId).where("t.side", "=", "owed_by")
      : q.where("t.organisation_id", "=", scope.organisationId);
  const rows = await q.execute();
  return { metLate: rows.reduce((n, r) => n + r.met_late, 0), metOnTime: rows.reduce((n, r) => n + r.met_on_time, 0) };
}

export function countsOf(items: readonly ClockItem[], now: Date, answered: { metLate: number; metOnTime: number }): ClockCounts {
  const weekAhead = now.getTime() + WEEK;
  return {
    overdue: items.filter((i) => i.overdue).length,
    dueThisWeek: items.filter((i) => !i.overdue && Date.parse(i.deadlineAt) <= weekAhead).length,
    ...answered,
  };
}

export async function clockFor(db: DB, scope: ClockScope, now: Date, publicUrl: string): Promise<Clock> {
  const [items, answered] = await Promise.all([clockItems(db, scope, now, publicUrl), tallies(db, scope)]);
  return {
    organisation: { id: scope.organisationId ?? 0, name: scope.name, areaId: scope.areaId },
    generatedAt: now.toISOString(),
    counts: countsOf(items, now, answered),
    items,
  };
}
