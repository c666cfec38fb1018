// The privacy notice: what is kept about people who sign, for how long, and how to have it removed.
import { Hono } from "hono";
import { publicAccess } from "../../auth/middleware";
import type { AppEnv } from "../../platform/env";
import { EMAIL_RETENTION_DAYS } from "../../privacy/service";
import { Layout } from "../../web/layout";
import { type PageContext, pageContext, renderPage } from "../../web/render";

export function PrivacyPage({ page }: { page: PageContext }) {
  return (
    <Layout ctx={page} title="Privacy">
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
    </Layout>
  );
}

export const privacyScreen = new Hono<AppEnv>().get("/privacy", publicAccess, async (c) =>
  renderPage(c, <PrivacyPage page={await pageContext(c)} />),
);
