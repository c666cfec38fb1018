// The area clock: everything open that involves an organisation (or, for clerks, a whole area), soonest due first.
import {
  awaitingLinkResponse,
  consultationParams,
  isOutcomeOverdue,
  isStillOpen,
  onTheClock,
  outcomeDueAt,
} from "../../shared/consultations/rules";
import { obligationKinds } from "../../shared/obligations/machine";
import type { OrganisationKind } from "../../shared/roles";
import type { Clock, ClockCounts, ClockItem } from "../../shared/schemas/clock";
import type { RecordLoader } from "../auth/middleware";
import { type ConsultationRow, withDetails } from "../consultations/queries";
import { obligationListQuery, type ObligationRow, withNames } from "../obligations/queries";
import { where } from "../platform/conditions";
import type { DB } from "../platform/db";
import type { Deps } from "../platform/deps";
import { parseId } from "../platform/pathId";

const WEEK = 7 * 86_400_000;
/** Open items read for one clock, at most (an organisation has tens, not thousands). */
const CLOCK_LIMIT = 500;

export interface ClockScope {
  /** One organisation's clock, or (null) the whole area's. */
  organisationId: number | null;
  areaId: number;
  name: string;
  /** The organisation's kind: a LINk's clock also has the area's consultations it has not responded to. */
  kind?: OrganisationKind;
}

export interface ClockOrganisation {
  id: number;
  area_id: number;
  name: string;
  kind: OrganisationKind;
}

/** The area whose clock a clerk or administrator reads. */
export interface ClockArea {
  id: number;
  slug: string;
  name: string;
}

/** Kinds of organisation whose job includes responding to the area's consultations. */
const RESPONDS_TO_CONSULTATIONS: readonly OrganisationKind[] = ["link", "healthwatch"];

export const scopeOf = (o: ClockOrganisation): ClockScope => ({ organisationId: o.id, areaId: o.area_id, name: o.name, kind: o.kind });

/** The organisation named by :id; its clock belongs to it (and its area's clerks and administrators). */
export const clockOrganisation: RecordLoader<ClockOrganisation> = async (db, params) => {
  const id = parseId(params.id);
  if (id === null) return null;
  const org = await db.selectFrom("organisations").select(["id", "area_id", "name", "kind"]).where("id", "=", id).executeTakeFirst();
  return org ? { record: org, scope: { areaId: org.area_id, organisationIds: [org.id] } } : null;
};

/** The area named by :slug, with no organisation of its own: only area-wide roles reach its clock. */
export const clockArea: RecordLoader<ClockArea> = async (db, params) => {
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
    obligationKind: o.kind,
    label: obligationKinds[o.kind].label,
    title: o.title,
    owedBy: o.owed_by_name,
    owedTo: o.owed_to_name,
    deadlineAt: o.due_at,
    allDay: true,
    overdue: Date.parse(o.due_at) < now.getTime(),
    webUrl: new URL(`/obligations/${o.id}`, publicUrl).toString(),
  };
}

/** Until it closes, its closing; after, the outcome it owes ("you said, we did"), overdue after the area's outcome period. */
function consultationItems(c: ConsultationRow, now: Date, publicUrl: string): ClockItem[] {
  const webUrl = new URL(`/consultations/${c.id}`, publicUrl).toString();
  const about = { obligationKind: null, title: c.title, owedBy: c.organisation_name, owedTo: null, webUrl };
  if (c.closes_at && isStillOpen(c, now)) {
    const closes = { key: `consultation-${c.id}-closes`, type: "consultation_closes", label: "Consultation closes" } as const;
    return [{ ...closes, ...about, deadlineAt: c.closes_at, allDay: false, overdue: false }];
  }
  const due = outcomeDueAt(c, c.outcome_overdue_weeks);
  if (due === null) return [];
  const outcome = { key: `consultation-${c.id}-outcome`, type: "outcome_due", label: "Outcome due (you said, we did)" } as const;
  return [{ ...outcome, ...about, deadlineAt: due, allDay: true, overdue: isOutcomeOverdue(c, now, c.outcome_overdue_weeks) }];
}

/** A consultation in the area the LINk has not yet responded to (recording its response takes it off). */
function responseItems(c: ConsultationRow, organisationName: string, publicUrl: string): ClockItem[] {
  if (!c.closes_at) return [];
  return [
    {
      key: `consultation-${c.id}-response`,
      type: "consultation_closes",
      obligationKind: null,
      label: "Consultation closes: respond by then",
      title: c.title,
      owedBy: organisationName,
      owedTo: c.organisation_name,
      deadlineAt: c.closes_at,
      allDay: false,
      overdue: false,
      webUrl: new URL(`/consultations/${c.id}`, publicUrl).toString(),
    },
  ];
}

/** The rules read the consultations table as c. */
const C = { alias: "c" } as const;

/** Open obligations and consultations on the clock (still open, or closed awaiting their outcome) in scope. */
export async function clockItems(deps: Deps, scope: ClockScope): Promise<ClockItem[]> {
  const { db, now, publicUrl } = deps;
  // Rows of the tables only; names are added once per organisation and area (withNames, withDetails).
  const open = obligationListQuery(db).where("ob.state", "=", "open").orderBy("ob.due_at").limit(CLOCK_LIMIT);
  const consultations = db.selectFrom("consultations as c").selectAll("c").orderBy("c.closes_at").limit(CLOCK_LIMIT);
  const onClock = consultations.where(where(onTheClock, {}, C));
  const org = scope.organisationId;
  const respondsInArea = org !== null && scope.kind !== undefined && RESPONDS_TO_CONSULTATIONS.includes(scope.kind);
  const [owingRows, owedRows, consultationRows, toRespondRows] = await Promise.all([
    org === null ? open.where("ob.area_id", "=", scope.areaId).execute() : open.where("ob.owed_by_organisation_id", "=", org).execute(),
    org === null ? Promise.resolve([]) : open.where("ob.owed_to_organisation_id", "=", org).execute(),
    org === null ? onClock.where("c.area_id", "=", scope.areaId).execute() : onClock.where("c.organisation_id", "=", org).execute(),
    respondsInArea
      ? consultations
          .where("c.area_id", "=", scope.areaId)
          .where(where(awaitingLinkResponse, consultationParams(now), C))
          .execute()
      : Promise.resolve([]),
  ]);
  // Both consultation lists' details in one look-up (each organisation and area read once).
  const [obligationRows, detailed] = await Promise.all([
    withNames(db, [...new Map([...owingRows, ...owedRows].map((o) => [o.id, o])).values()]),
    withDetails(db, [...consultationRows, ...toRespondRows]),
  ]);
  const [onTheirClock, toRespond] = [detailed.slice(0, consultationRows.length), detailed.slice(consultationRows.length)];
  const obligations = new Map(obligationRows.map((o) => [o.id, o]));
  const items = [
    ...[...obligations.values()].map((o) => obligationItem(o, now, publicUrl)),
    ...onTheirClock.flatMap((c) => consultationItems(c, now, publicUrl)),
    ...toRespond.flatMap((c) => responseItems(c, scope.name, publicUrl)),
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

/** Not overdue, and due within the next 7 days (the count, and the tag on the clock page). */
export const isDueThisWeek = (item: ClockItem, now: Date): boolean => !item.overdue && Date.parse(item.deadlineAt) <= now.getTime() + WEEK;

export function countsOf(items: readonly ClockItem[], now: Date, answered: { metLate: number; metOnTime: number }): ClockCounts {
  return {
    overdue: items.filter((i) => i.overdue).length,
    dueThisWeek: items.filter((i) => isDueThisWeek(i, now)).length,
    ...answered,
  };
}

/** The clock of an organisation or a whole area, with its counts. */
export async function clockFor(deps: Deps, scope: ClockScope): Promise<Clock> {
  const { db, now } = deps;
  const [items, answered] = await Promise.all([clockItems(deps, scope), tallies(db, scope)]);
  return {
    organisation: { id: scope.organisationId ?? 0, name: scope.name, areaId: scope.areaId },
    generatedAt: now.toISOString(),
    counts: countsOf(items, now, answered),
    items,
  };
}
