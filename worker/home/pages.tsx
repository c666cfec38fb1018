// The home page and the short pages about the service.
import { Hono } from "hono";
import { organisationKindLabels } from "../../shared/roles";
import { listAreas } from "../areas/queries";
import { publicAccess } from "../auth/middleware";
import { EMAIL_RETENTION_DAYS } from "../privacy/service";
import type { AppEnv } from "../platform/env";
import { Layout } from "../web/layout";
import { pageContext, renderPage } from "../web/render";

export const homePages = new Hono<AppEnv>();

homePages.get("/", publicAccess, async (c) => {
  const [ctx, areas] = await Promise.all([pageContext(c), listAreas(c.var.db)]);
  return renderPage(
    c,
    <Layout ctx={ctx} title="Home">
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
      {areas.length === 0 ? (
        <p>No areas have been set up yet.</p>
      ) : (
        areas.map((area) => (
          <div class="nhsuk-card" key={area.id}>
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
        ))
      )}
    </Layout>,
  );
});

homePages.get("/about", publicAccess, async (c) => {
  const ctx = await pageContext(c);
  return renderPage(
    c,
    <Layout ctx={ctx} title="About this service">
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
    </Layout>,
  );
});

homePages.get("/privacy", publicAccess, async (c) => {
  const ctx = await pageContext(c);
  return renderPage(
    c,
    <Layout ctx={ctx} title="Privacy">
      <h1>Privacy</h1>
      <p>
        When you sign a petition we keep your name, email address and postcode. We never show your name or email address publicly: the
        petition page shows only how many people signed, and how many in each postcode district. We use your email address to confirm your
        signature and, only if you agree, to tell you what happened.
      </p>
      <p>
        We store a scrambled (hashed) form of the internet address your request came from, to stop abuse; never the address itself. Cookies
        are used only to keep you signed in and to protect forms from misuse.
      </p>
      <p>
        You can have your name, email address and postcode removed at any time: <a href="/your-data">remove your details</a>. Your signature
        stays counted. We also remove signers' details automatically a set time after a petition closes (a year, unless the area has chosen
        another period).
      </p>
      <p>
        We keep a record of the emails we send you for {EMAIL_RETENTION_DAYS} days, in case one goes astray. After that, or as soon as you
        remove your details, your address and the text of those emails are removed from it.
      </p>
    </Layout>,
  );
});
