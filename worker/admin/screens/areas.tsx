// The administration index: the areas a person administers (straight to the one, when there is only one).
import { Hono } from "hono";
import { signedIn } from "../../auth/middleware";
import type { Actor } from "../../platform/actor";
import type { AppEnv } from "../../platform/env";
import { Layout } from "../../web/layout";
import { type PageContext, pageContext, renderPage } from "../../web/render";

export interface AdministeredArea {
  slug: string;
  name: string;
}

export interface AreasView {
  page: PageContext;
  areas: AdministeredArea[];
}

/** The areas in which the person holds the administrator role, each once. */
export function administeredAreas(actor: Actor): AdministeredArea[] {
  const names = new Map(actor.memberships.filter((m) => m.role === "admin").map((m) => [m.areaSlug, m.areaName]));
  return [...names].map(([slug, name]) => ({ slug, name }));
}

export function AreasPage({ page, areas }: AreasView) {
  return (
    <Layout ctx={page} title="Administration">
      <h1>Administration</h1>
      {areas.length === 0 ? (
        <p>You are not an administrator for any area.</p>
      ) : (
        <ul>
          {areas.map((area) => (
            <li key={area.slug}>
              <a href={`/admin/areas/${area.slug}`}>{area.name}</a>
            </li>
          ))}
        </ul>
      )}
    </Layout>
  );
}

export const areasScreen = new Hono<AppEnv>().get("/admin", signedIn, async (c) => {
  const areas = administeredAreas(c.var.actor);
  const [only, ...others] = areas;
  if (only && others.length === 0) return c.redirect(`/admin/areas/${only.slug}`, 303);
  return renderPage(c, <AreasPage page={await pageContext(c)} areas={areas} />);
});
