// The home page: what the service is, and every area with the organisations working together in it.
import { Hono } from "hono";
import type { Area } from "../../../shared/schemas/areas";
import { organisationKindLabels } from "../../../shared/roles";
import { listAreas } from "../../areas/queries";
import { publicAccess } from "../../auth/middleware";
import { type Deps, depsOf } from "../../platform/deps";
import type { AppEnv } from "../../platform/env";
import { Layout } from "../../web/layout";
import { type PageContext, pageContext, renderPage } from "../../web/render";

export interface HomeView {
  page: PageContext;
  areas: Area[];
}

export async function loadHome(deps: Deps): Promise<Omit<HomeView, "page">> {
  return { areas: await listAreas(deps.db) };
}

function AreaCard({ area }: { area: Area }) {
  return (
    <div class="nhsuk-card">
      <div class="nhsuk-card__content">
        <h3 class="nhsuk-card__heading">{area.name}</h3>
        <p class="nhsuk-card__description">Organisations working together in {area.name}:</p>
        <ul>
          {area.organisations.map((o) => (
            <li key={o.id}>
              {o.name} <span class="app-muted">({organisationKindLabels[o.kind]})</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

export function HomePage({ page, areas }: HomeView) {
  return (
    <Layout ctx={page} title="Home">
      <h1>Local health involvement, in one place</h1>
      <p class="nhsuk-lede-text">
        Every petition, public consultation and formal request about local health services in your area: who owes a reply to whom, by when,
        and what difference it made.
      </p>
      <p>
        Anyone can read what is here, start a petition or sign one. Volunteers of the Local Involvement Network (LINk), council scrutiny
        clerks and NHS staff sign in to keep it up to date.
      </p>
      <h2>Areas</h2>
      {areas.length === 0 ? <p>No areas have been set up yet.</p> : areas.map((area) => <AreaCard key={area.id} area={area} />)}
    </Layout>
  );
}

export const homeScreen = new Hono<AppEnv>().get("/", publicAccess, async (c) => {
  const [page, view] = await Promise.all([pageContext(c), loadHome(depsOf(c))]);
  return renderPage(c, <HomePage page={page} {...view} />);
});
