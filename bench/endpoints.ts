// Every list, dashboard and feed endpoint whose D1 rows read is measured: one table shared by
// `npm run bench` (full size, bench/run.ts) and the small-data Worker test
// (tests/worker/rowsRead.test.ts), so an endpoint added here is bounded in both.
// No Node or Worker imports: this runs in both.

/** What the table needs to know about the loaded data (bench/load.ts's Loaded has all of it). */
export interface EndpointData {
  hotPetitionId: number;
  areaId: number;
  areaSlug: string;
  pctId: number;
  linkOrgId: number;
  clerkSession: string;
  clerkToken: string;
  responderToken: string;
  linkToken: string;
  committeeFeedToken: string;
  personFeedToken: string;
  organisationFeedToken: string;
}

export interface ListEndpoint {
  name: string;
  path: string;
  headers: Record<string, string>;
  /** The rows the response returns (what the bound is measured against). */
  count: (body: string) => number;
  /** Follow nextCursor this many times first (a later page by cursor). */
  cursorPages?: number;
  /**
   * Why this one is measured but not held to the bound (shown beside its figure). Only for a
   * contrast the table is there to show, never to excuse a list.
   */
  unbounded?: string;
}

/** Cloudflare bills by rows read: a list must read at most 2 × rows returned + 50. */
export const rowsReadBound = (rowsReturned: number) => 2 * rowsReturned + 50;

export const jsonItems = (body: string) => (JSON.parse(body) as { items: unknown[] }).items.length;
export const inboxItems = (body: string) => {
  const b = JSON.parse(body) as { owed: unknown[]; open: unknown[] };
  return b.owed.length + b.open.length;
};
const tableRows = (body: string) => (body.match(/<tr class="nhsuk-table__row"/g) ?? []).length;
/**
 * Rows a web page shows from the database: table rows, petitions in a list, and the choices in
 * its filter menus (areas, organisations), which are read to be shown.
 */
export const pageRows = (body: string) =>
  tableRows(body) + (body.match(/<li class="app-petition-list__item"/g) ?? []).length + (body.match(/<option value="[^"]/g) ?? []).length;
/** Data lines of a CSV (no field here holds a line break): all lines but the header. */
export const csvRows = (body: string) => body.split("\n").filter((l) => l.trim() !== "").length - 1;
export const icsEvents = (body: string) => (body.match(/BEGIN:VEVENT/g) ?? []).length;
const areasAndOrganisations = (b: string) =>
  (JSON.parse(b) as { items: { organisations: unknown[] }[] }).items.reduce((n, a) => n + 1 + a.organisations.length, 0);

export function listEndpoints(d: EndpointData): ListEndpoint[] {
  const A = d.areaId;
  const clerk = { Cookie: `session=${d.clerkSession}` };
  const clerkApi = { Authorization: `Bearer ${d.clerkToken}` };
  const responder = { Authorization: `Bearer ${d.responderToken}` };
  const link = { Authorization: `Bearer ${d.linkToken}` };
  const e = (
    name: string,
    path: string,
    headers: Record<string, string>,
    count: (body: string) => number,
    cursorPages?: number,
  ): ListEndpoint => ({
    name,
    path,
    headers,
    count,
    ...(cursorPages ? { cursorPages } : {}),
  });
  const offsetPage: ListEndpoint = {
    ...e("Petition list (API), page 10 by OFFSET", `/api/v1/petitions?areaId=${A}&page=10`, {}, jsonItems),
    unbounded: "OFFSET reads every row it skips; the web list and nextCursor page by cursor (next row), kept for the contrast",
  };
  return [
    e("Petition list (API)", `/api/v1/petitions?areaId=${A}`, {}, jsonItems),
    e("Petition list (API), most signed", `/api/v1/petitions?areaId=${A}&sort=signatures`, {}, jsonItems),
    e("Petition list (API), all areas", `/api/v1/petitions`, {}, jsonItems),
    e("Petition list (API), all areas, open", `/api/v1/petitions?status=open`, {}, jsonItems),
    e("Petition list (API), all areas, most signed", `/api/v1/petitions?sort=signatures`, {}, jsonItems),
    offsetPage,
    e("Petition list (API), page 10 by cursor", `/api/v1/petitions?areaId=${A}`, {}, jsonItems, 9),
    e("Petition list (API), all areas, page 10 by cursor", "/api/v1/petitions", {}, jsonItems, 9),
    e("Petition list (CSV)", `/api/v1/petitions.csv?areaId=${A}`, {}, csvRows),
    e("Petition list (web)", `/petitions?areaId=${A}`, {}, pageRows),
    e("Petition list (web), all areas", "/petitions", {}, pageRows),
    e("Public petition page", `/petitions/${d.hotPetitionId}`, {}, () => 1),
    e("Clerk dashboard (API)", `/api/v1/petitions/dashboard`, clerkApi, jsonItems),
    e("Clerk dashboard (web)", "/petitions/dashboard", clerk, pageRows),
    e("Clerk dashboard (CSV)", "/petitions/dashboard.csv", clerk, csvRows),
    e("Committee's petitions calendar (iCal)", `/feeds/petitions/${d.committeeFeedToken}.ics`, {}, icsEvents),
    e("Moderation queue (API)", "/api/v1/petitions/moderation", clerkApi, jsonItems),
    e("Responder inbox (API)", "/api/v1/petitions/inbox", responder, inboxItems),
    e("Responder inbox (web)", "/petitions/inbox", responder, pageRows),
    e("Extension alerts (/me/alerts)", "/api/v1/me/alerts", link, jsonItems),
    e("Watches (API)", "/api/v1/watches", link, jsonItems),
    e("Consultation list (API)", `/api/v1/consultations?areaId=${A}`, {}, jsonItems),
    e("Consultation list (API), closed", `/api/v1/consultations?areaId=${A}&status=closed`, {}, jsonItems),
    e("Consultation list (API), current", `/api/v1/consultations?areaId=${A}&status=current`, {}, jsonItems),
    e("Consultation list (web)", `/consultations?area=${d.areaSlug}`, {}, pageRows),
    e("Requests (API), LINk member", "/api/v1/obligations", link, jsonItems),
    e("Requests (API), open, responder", "/api/v1/obligations?status=open", responder, jsonItems),
    e("Requests (API), answered, LINk member", "/api/v1/obligations?status=met", link, jsonItems),
    e("Requests (API), clerk", "/api/v1/obligations", clerkApi, jsonItems),
    e("Requests (web)", "/obligations", clerk, pageRows),
    e("Organisation clock (web, PCT)", `/clock/organisations/${d.pctId}`, responder, pageRows),
    e("Area clock (web, area page)", `/clock/areas/${d.areaSlug}`, clerk, pageRows),
    e("Area clock (CSV)", `/clock/areas/${d.areaSlug}/csv`, clerk, csvRows),
    e("Organisation clock (API, PCT)", `/api/v1/organisations/${d.pctId}/clock`, responder, jsonItems),
    e("Organisation clock (API, LINk)", `/api/v1/organisations/${d.linkOrgId}/clock`, link, jsonItems),
    e("Organisation clock (CSV, PCT)", `/clock/organisations/${d.pctId}/csv`, responder, csvRows),
    e("Person's deadlines calendar (iCal)", `/feeds/calendar/${d.personFeedToken}.ics`, {}, icsEvents),
    e("Organisation's deadlines calendar (iCal)", `/feeds/calendar/${d.organisationFeedToken}.ics`, {}, icsEvents),
    e("Areas (API)", "/api/v1/areas", {}, areasAndOrganisations),
  ];
}

/** The path to measure: for a cursor page, follows nextCursor `cursorPages` times with `get`. */
export async function pathOf(endpoint: ListEndpoint, get: (path: string) => Promise<string>): Promise<string> {
  let next = endpoint.path;
  for (let i = 0; i < (endpoint.cursorPages ?? 0); i++) {
    const body = JSON.parse(await get(next)) as { nextCursor: string | null };
    if (!body.nextCursor) throw new Error(`${endpoint.name}: no page ${i + 2} (too few rows for ${endpoint.cursorPages! + 1} pages)`);
    next = `${endpoint.path}${endpoint.path.includes("?") ? "&" : "?"}after=${encodeURIComponent(body.nextCursor)}`;
  }
  return next;
}
