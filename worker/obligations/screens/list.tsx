// The requests a person's organisations have sent or must answer, by status, due soonest first while unanswered.
import { Hono } from "hono";
import { obligationKinds } from "../../../shared/obligations/machine";
import { isAnsweredLate, isUnanswered, obligationStatus } from "../../../shared/obligations/rules";
import { reachesAnything, reachOf } from "../../../shared/permissions";
import { signedIn } from "../../auth/middleware";
import type { Actor } from "../../platform/actor";
import { type Deps, depsOf } from "../../platform/deps";
import type { AppEnv } from "../../platform/env";
import { Pagination, Table } from "../../web/components";
import { Due, ObligationStatusTag } from "../../web/deadlines";
import { Layout } from "../../web/layout";
import { type PageContext, pageContext, renderPage } from "../../web/render";
import { listObligations, listScope, type ObligationRow } from "../queries";

const tabs = [
  { status: "unanswered", label: "Waiting for a reply" },
  { status: "met", label: "Answered" },
  { status: "withdrawn", label: "Withdrawn" },
] as const;
type Tab = (typeof tabs)[number];

/** One tab of the list, one page of it, and whether the person can raise requests at all. */
export interface ListView {
  page: PageContext;
  tab: Tab;
  pageNumber: number;
  rows: ObligationRow[];
  hasMore: boolean;
  canRaise: boolean;
}

/** Loader: the tab named (the first when none is), a page of it, in what the actor's roles reach. */
export async function loadList(deps: Deps, actor: Actor, status: string | undefined, pageNumber: number): Promise<Omit<ListView, "page">> {
  const tab = tabs.find((t) => t.status === status) ?? tabs[0];
  const scope = await listScope(deps.db, actor);
  const { rows, hasMore } = await listObligations(deps.db, { ...scope, status: tab.status, page: pageNumber, perPage: 25 }, deps.now);
  // A role that reaches anything reaches its own organisation (in its own area): there is one to raise for.
  return { tab, pageNumber, rows, hasMore, canRaise: reachesAnything(reachOf(actor.memberships, "obligation.raise")) };
}

const pathOf = (status: string, pageNumber = 1) => `/obligations?status=${status}${pageNumber > 1 ? `&page=${pageNumber}` : ""}`;

function RequestsTable({ tab, rows, now }: { tab: Tab; rows: ObligationRow[]; now: Date }) {
  if (rows.length === 0) return <p>There are no requests here.</p>;
  return (
    <Table
      caption={`${tab.label}${tab.status === "unanswered" ? ", due soonest first" : ""}`}
      head={["Request", "From and to", "Due", "Status"]}
      rows={rows.map((o) => [
        <>
          <a href={`/obligations/${o.id}`}>{o.title}</a>
          <br />
          <span class="nhsuk-body-s app-muted">{obligationKinds[o.kind].label}</span>
        </>,
        <>
          {o.owed_to_name ?? "—"} to {o.owed_by_name}
        </>,
        <Due dueAt={o.due_at} now={now} open={isUnanswered(o)} />,
        <ObligationStatusTag status={obligationStatus(o, now)} metLate={isAnsweredLate(o)} />,
      ])}
    />
  );
}

export function ListPage({ page, tab, pageNumber, rows, hasMore, canRaise }: ListView) {
  return (
    <Layout ctx={page} title="Requests">
      <h1>Requests</h1>
      <p class="nhsuk-lede-text">
        Requests for information, reports and referrals your organisations have sent or must answer, and when each is due.
      </p>
      {canRaise ? (
        <p>
          <a class="nhsuk-button" href="/obligations/new">
            Raise a request
          </a>
        </p>
      ) : null}
      <nav aria-label="Requests by status">
        <ul class="app-tag-list">
          {tabs.map((t) => (
            <li key={t.status}>
              {t.status === tab.status ? <strong aria-current="page">{t.label}</strong> : <a href={pathOf(t.status)}>{t.label}</a>}
            </li>
          ))}
        </ul>
      </nav>
      <RequestsTable tab={tab} rows={rows} now={page.now} />
      <Pagination
        previous={pageNumber > 1 ? pathOf(tab.status, pageNumber - 1) : null}
        next={hasMore ? pathOf(tab.status, pageNumber + 1) : null}
      />
    </Layout>
  );
}

export const listScreen = new Hono<AppEnv>().get("/obligations", signedIn, async (c) => {
  const pageNumber = Math.max(1, Math.min(1000, Number.parseInt(c.req.query("page") ?? "1", 10) || 1));
  const view = await loadList(depsOf(c), c.var.actor, c.req.query("status"), pageNumber);
  return renderPage(c, <ListPage page={await pageContext(c)} {...view} />);
});
