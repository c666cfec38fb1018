// About this service: why it exists, and its accessibility statement.
import { Hono } from "hono";
import { publicAccess } from "../../auth/middleware";
import type { AppEnv } from "../../platform/env";
import { Layout } from "../../web/layout";
import { type PageContext, pageContext, renderPage } from "../../web/render";

export function AboutPage({ page }: { page: PageContext }) {
  return (
    <Layout ctx={page} title="About this service">
      <h1>About this service</h1>
      <p>
        People have three ways to influence local health services: patient-initiated petitions, public consultations run by the NHS, and the
        formal requests, reports and referrals of the Local Involvement Network (LINk). Too often nobody hears what happened to their views.
        This service keeps the record and the clock: what was asked, who owes a reply, when it is due, and what was decided — "you said, we
        did".
      </p>
      <h2>Accessibility</h2>
      <p>
        We aim to meet the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA. Every page works without JavaScript. If something
        does not work for you, tell the administrator for your area.
      </p>
    </Layout>
  );
}

export const aboutScreen = new Hono<AppEnv>().get("/about", publicAccess, async (c) =>
  renderPage(c, <AboutPage page={await pageContext(c)} />),
);
