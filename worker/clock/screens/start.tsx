// The clock's front door: straight to the clock of your first organisation, or why you have none.
import { Hono } from "hono";
import { signedIn } from "../../auth/middleware";
import type { AppEnv } from "../../platform/env";
import { Layout } from "../../web/layout";
import { type PageContext, pageContext, renderPage } from "../../web/render";

export function NoOrganisationPage({ page }: { page: PageContext }) {
  return (
    <Layout ctx={page} title="Area clock">
      <h1>Area clock</h1>
      <p>
        The clock shows what your organisation owes and is owed, and when. You do not hold a role in any organisation yet: ask the
        administrator for your area to add you.
      </p>
    </Layout>
  );
}

export const startScreen = new Hono<AppEnv>().get("/clock", signedIn, async (c) => {
  const first = c.var.actor.memberships[0];
  if (first) return c.redirect(`/clock/organisations/${first.organisationId}`, 303);
  return renderPage(c, <NoOrganisationPage page={await pageContext(c)} />);
});
