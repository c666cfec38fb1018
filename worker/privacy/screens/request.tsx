// Asking for a link to remove your details: the form, and the page that says to check your email.
import { Hono } from "hono";
import { ErasureRequestForm } from "../../../shared/schemas/privacy";
import { publicAccess } from "../../auth/middleware";
import { depsOf } from "../../platform/deps";
import type { AppEnv } from "../../platform/env";
import { clientIpHash, parseForm } from "../../platform/validation";
import { Button, ErrorSummary, Form, InsetText, type Problem, TextInput } from "../../web/components";
import { Layout } from "../../web/layout";
import { type PageContext, pageContext, renderPage } from "../../web/render";
import { ERASURE_LINK_HOURS, requestErasure } from "../service";

/** The form, and (when it comes back to be corrected) what was wrong and what was typed. */
export interface RequestView {
  page: PageContext;
  problem: Problem | null;
}

export function RequestPage({ page, problem }: RequestView) {
  const errors = problem?.errors ?? {};
  return (
    <Layout ctx={page} title="Remove your details">
      <div class="nhsuk-grid-row">
        <div class="nhsuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <h1>Remove your details</h1>
          <p>
            If you signed or started a petition, you can have your name, email address and postcode removed from our records. Your signature
            stays counted, and so does your postcode district (the first half of your postcode) in the petition's figures.
          </p>
          <p>
            We will email a link to the address you give. The link works for {ERASURE_LINK_HOURS} hours: this is how we know the address is
            yours.
          </p>
          <Form action="/your-data" csrf={page.csrf}>
            <TextInput name="email" label="Email address" type="email" autocomplete="email" errors={errors} value={problem?.values.email} />
            <Button>Email me a link</Button>
          </Form>
        </div>
      </div>
    </Layout>
  );
}

export function CheckEmailPage({ page }: { page: PageContext }) {
  return (
    <Layout ctx={page} title="Check your email">
      <h1>Check your email</h1>
      <p>If we hold details for that address, we have emailed it a link to remove them. The link works for {ERASURE_LINK_HOURS} hours.</p>
      {page.localDev ? (
        <InsetText>
          <p>
            This is a local copy: open the <a href="/dev/outbox">outbox</a> to find the link.
          </p>
        </InsetText>
      ) : null}
    </Layout>
  );
}

export const requestScreen = new Hono<AppEnv>()
  .get("/your-data", publicAccess, async (c) => renderPage(c, <RequestPage page={await pageContext(c)} problem={null} />))
  .post("/your-data", publicAccess, async (c) => {
    const form = await parseForm(c, ErasureRequestForm);
    if (!form.ok) return renderPage(c, <RequestPage page={await pageContext(c)} problem={form} />, 422);
    await requestErasure(depsOf(c), { ...form.data, ipHash: await clientIpHash(c) });
    return c.redirect("/your-data/check-email", 303);
  })
  .get("/your-data/check-email", publicAccess, async (c) => renderPage(c, <CheckEmailPage page={await pageContext(c)} />));
