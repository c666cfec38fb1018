// An area's consultations in public: open now, recently closed and "you said, we did"; or one status
// or a search, a page at a time.
import { Hono } from "hono";
import type { ConsultationFilter } from "../../../shared/consultations/status";
import { SearchWords } from "../../../shared/schemas/common";
import { ConsultationFilter as Filter } from "../../../shared/schemas/consultations";
import { publicAccess } from "../../auth/middleware";
import type { Actor } from "../../platform/actor";
import { type Deps, depsOf } from "../../platform/deps";
import type { AppEnv } from "../../platform/env";
import { organisationsReached } from "../../platform/reach";
import { Button, Pagination, Select, TextInput, WarningCallout } from "../../web/components";
import { Layout } from "../../web/layout";
import { type PageContext, pageContext, renderPage } from "../../web/render";
import { ConsultationTable } from "../components";
import { type ConsultationRow, listConsultations } from "../queries";

const filterLabels: Record<ConsultationFilter, string> = {
  current: "Open now or opening soon",
  open: "Open",
  closing_soon: "Closing within 7 days",
  upcoming: "Not open yet",
  closed: "Closed",
  outcome_overdue: "Closed, outcome overdue",
  outcome_published: "Outcome published",
  withdrawn: "Withdrawn",
};

interface Area {
  id: number;
  slug: string;
  name: string;
}

/** What the address asks for: an area (by slug), a status, words, a page. */
export interface ListQuery {
  area: string | undefined;
  status: ConsultationFilter | undefined;
  q: string | undefined;
  page: number;
}

interface Listed {
  rows: ConsultationRow[];
  hasMore: boolean;
}

/** One status or search; or, with neither, the three sections (and whether any outcome is overdue). */
type Lists = { filtered: Listed } | { current: Listed; closed: Listed; anyOverdue: boolean; published: Listed };

export interface ConsultationListView {
  page: PageContext;
  areas: Area[];
  area: Area;
  query: ListQuery;
  canAdd: boolean;
  lists: Lists;
}

/** The query from the address, anything unrecognised left out (an unknown status lists everything). */
export function listQueryOf(raw: Record<string, string | undefined>): ListQuery {
  const status = Filter.safeParse(raw.status);
  // Search words the text rule refuses search for nothing, as on the petitions page.
  const searched = SearchWords.safeParse(raw.q ?? "");
  return {
    area: raw.area,
    status: status.success ? status.data : undefined,
    q: (searched.success && searched.data) || undefined,
    page: Math.max(1, Math.min(1000, Number.parseInt(raw.page ?? "1", 10) || 1)),
  };
}

async function listsFor(deps: Deps, areaId: number, query: ListQuery): Promise<Lists> {
  const { db, now } = deps;
  const { status, q, page } = query;
  if (status || q) return { filtered: await listConsultations(db, { areaId, status, q, page, perPage: 25 }, now) };
  const [current, closed, overdue, published] = await Promise.all([
    listConsultations(db, { areaId, status: "current", page: 1, perPage: 25 }, now),
    listConsultations(db, { areaId, status: "closed", page: 1, perPage: 10 }, now),
    listConsultations(db, { areaId, status: "outcome_overdue", page: 1, perPage: 1 }, now),
    listConsultations(db, { areaId, status: "outcome_published", page: 1, perPage: 10 }, now),
  ]);
  return { current, closed, anyOverdue: overdue.rows.length > 0, published };
}

/** The list for the area asked for (else the caller's own, else the first); null when there are no areas. */
export async function loadConsultationList(
  deps: Deps,
  caller: Actor | null,
  query: ListQuery,
): Promise<Omit<ConsultationListView, "page"> | null> {
  const areas = await deps.db.selectFrom("areas").select(["id", "slug", "name"]).orderBy("name").execute();
  const wanted = query.area ?? caller?.memberships[0]?.areaSlug;
  const area = areas.find((a) => a.slug === wanted) ?? areas[0];
  if (!area) return null;
  const canAdd = caller ? (await organisationsReached(deps.db, caller.memberships, "consultation.create")).length > 0 : false;
  return { areas, area, query, canAdd, lists: await listsFor(deps, area.id, query) };
}

/** The address of this list with other parameters (the area always). */
function linkTo(area: Area, params: Record<string, string | number | undefined>): string {
  const entries = Object.entries({ area: area.slug, ...params })
    .filter(([, v]) => v !== undefined && v !== "")
    .map(([k, v]) => [k, String(v)]);
  return `/consultations?${new URLSearchParams(entries)}`;
}

function Filtered({ area, query, list, now }: { area: Area; query: ListQuery; list: Listed; now: Date }) {
  const { status, q, page } = query;
  return (
    <>
      {list.rows.length ? (
        <ConsultationTable
          caption={`${status ? filterLabels[status] : "All consultations"}${q ? ` matching "${q}"` : ""} in ${area.name}`}
          rows={list.rows}
          now={now}
        />
      ) : (
        <p>No consultations match. Try another status or fewer words.</p>
      )}
      <Pagination
        previous={page > 1 ? linkTo(area, { status, q, page: page - 1 }) : null}
        next={list.hasMore ? linkTo(area, { status, q, page: page + 1 }) : null}
      />
    </>
  );
}

interface SectionProps {
  list: Listed;
  caption: string;
  empty: string;
  more: { href: string; text: string };
  now: Date;
}

function Section({ list, caption, empty, more, now }: SectionProps) {
  return (
    <>
      {list.rows.length ? <ConsultationTable caption={caption} rows={list.rows} now={now} /> : <p>{empty}</p>}
      {list.hasMore ? (
        <p>
          <a href={more.href}>{more.text}</a>
        </p>
      ) : null}
    </>
  );
}

function Overview({ area, lists, now }: { area: Area; lists: Exclude<Lists, { filtered: Listed }>; now: Date }) {
  const see = (status: ConsultationFilter, text: string) => ({ href: linkTo(area, { status }), text });
  return (
    <>
      <h2>Open now</h2>
      <Section
        list={lists.current}
        caption={`Open consultations in ${area.name}, closing soonest first`}
        empty="Nothing is open for comment at the moment."
        more={see("current", "See all open consultations")}
        now={now}
      />
      <h2>Recently closed</h2>
      {lists.anyOverdue ? (
        <WarningCallout heading="Outcomes overdue">
          <p>
            Some consultations closed a while ago and their outcome has not been published.{" "}
            <a href={linkTo(area, { status: "outcome_overdue" })}>See consultations with an overdue outcome</a>.
          </p>
        </WarningCallout>
      ) : null}
      <Section
        list={lists.closed}
        caption={`Closed consultations in ${area.name}, most recent first`}
        empty="No consultations have closed without an outcome."
        more={see("closed", "See all closed consultations")}
        now={now}
      />
      <h2>You said, we did</h2>
      <Section
        list={lists.published}
        caption={`Consultations with a published outcome in ${area.name}`}
        empty="No outcomes have been published yet."
        more={see("outcome_published", "See all published outcomes")}
        now={now}
      />
    </>
  );
}

function Filters({ areas, area, query }: Pick<ConsultationListView, "areas" | "area" | "query">) {
  return (
    <form action="/consultations" method="get" class="app-filter" role="search" aria-label="Find consultations">
      <Select name="area" label="Area" options={areas.map((a) => ({ value: a.slug, label: a.name }))} value={area.slug} />
      <Select
        name="status"
        label="Status"
        placeholder="Open and recently closed"
        options={Object.entries(filterLabels).map(([value, label]) => ({ value, label }))}
        value={query.status}
      />
      <TextInput name="q" label="Words in the title or summary" type="search" value={query.q} width={30} />
      <Button variant="secondary">Show consultations</Button>
    </form>
  );
}

export function ConsultationListPage({ page, areas, area, query, canAdd, lists }: ConsultationListView) {
  return (
    <Layout ctx={page} title={`Consultations in ${area.name}`}>
      <h1>Consultations in {area.name}</h1>
      <p class="nhsuk-lede-text">
        Public consultations about local health services: what is open for your views, and what happened to the views people gave.
      </p>
      {canAdd ? (
        <p>
          <a class="nhsuk-button nhsuk-button--secondary" href="/consultations/new">
            Add a consultation
          </a>
        </p>
      ) : null}
      <Filters areas={areas} area={area} query={query} />
      {"filtered" in lists ? (
        <Filtered area={area} query={query} list={lists.filtered} now={page.now} />
      ) : (
        <Overview area={area} lists={lists} now={page.now} />
      )}
    </Layout>
  );
}

export function NoAreasPage({ page }: { page: PageContext }) {
  return (
    <Layout ctx={page} title="Consultations">
      <h1>Consultations</h1>
      <p>No areas have been set up yet.</p>
    </Layout>
  );
}

export const listScreen = new Hono<AppEnv>().get("/consultations", publicAccess, async (c) => {
  const page = await pageContext(c);
  const view = await loadConsultationList(depsOf(c), c.var.caller, listQueryOf(c.req.query()));
  return renderPage(c, view ? <ConsultationListPage page={page} {...view} /> : <NoAreasPage page={page} />);
});
