// Web pages for data rights: ask for a link to remove your details, then confirm from the email.
import { Hono, type Context } from "hono";
import { ErasureRequestForm } from "../../shared/schemas/privacy";
import { TokenInput } from "../../shared/schemas/petitions";
import { publicAccess } from "../auth/middleware";
import type { AppEnv } from "../platform/env";
import { clientIpHash, parseForm } from "../platform/validation";
import { Button, ErrorSummary, Form, InsetText, TextInput, type FieldErrors, type FormValues } from "../web/components";
import { Layout } from "../web/layout";
import { pageContext, redirectWithFlash, renderPage, type PageContext } from "../web/render";
import { ERASURE_LINK_HOURS, eraseByRequest, erasureRequest, erasureSummary, requestErasure } from "./service";
import { depsOf } from "../platform/deps";

export const privacyPages = new Hono<AppEnv>();

function RequestPage({ ctx, errors = {}, values = {} }: { ctx: PageContext; errors?: FieldErrors; values?: FormValues }) {
  return (
    <Layout ctx={ctx} title="Remove your details">
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
          <Form action="/your-data" csrf={ctx.csrf}>
            <TextInput name="email" label="Email address" type="email" autocomplete="email" errors={errors} value={values.email} />
            <Button>Email me a link</Button>
          </Form>
        </div>
      </div>
    </Layout>
  );
}

privacyPages.get("/your-data", publicAccess, async (c) => renderPage(c, <RequestPage ctx={await pageContext(c)} />));

privacyPages.post("/your-data", publicAccess, async (c) => {
  const form = await parseForm(c, ErasureRequestForm);
  if (!form.ok) return renderPage(c, <RequestPage ctx={await pageContext(c)} errors={form.errors} values={form.values} />, 422);
  await requestErasure(depsOf(c), form.data.email, await clientIpHash(c));
  return c.redirect("/your-data/check-email", 303);
});

privacyPages.get("/your-data/check-email", publicAccess, async (c) => {
  const ctx = await pageContext(c);
  return renderPage(
    c,
    <Layout ctx={ctx} title="Check your email">
      <h1>Check your email</h1>
      <p>If we hold details for that address, we have emailed it a link to remove them. The link works for {ERASURE_LINK_HOURS} hours.</p>
      {ctx.localDev ? (
        <InsetText>
          <p>
            This is a local copy: open the <a href="/dev/outbox">outbox</a> to find the link.
          </p>
        </InsetText>
      ) : null}
    </Layout>,
  );
});

function InvalidLink({ ctx }: { ctx: PageContext }) {
  return (
    <Layout ctx={ctx} title="This link does not work">
      <h1>This link does not work</h1>
      <p>
        The link may have expired, been used already, or been copied incompletely. <a href="/your-data">Ask for a new link</a>.
      </p>
    </Layout>
  );
}

privacyPages.get("/your-data/remove", publicAccess, async (c) => {
  const ctx = await pageContext(c);
  c.header("Referrer-Policy", "no-referrer");
  const token = c.req.query("token") ?? "";
  const req = token ? await erasureRequest(depsOf(c), token) : null;
  if (!req) return renderPage(c, <InvalidLink ctx={ctx} />, 400);
  const summary = await erasureSummary(c.var.db, req);
  return renderPage(
    c,
    <Layout ctx={ctx} title="Remove your details">
      <div class="nhsuk-grid-row">
        <div class="nhsuk-grid-column-two-thirds">
          <h1>Remove your details</h1>
          <p>
            We will remove the name, email address and postcode held for <strong>{req.email}</strong>. This cannot be undone.
          </p>
          {summary.signed.length > 0 ? (
            <>
              <h2>Petitions you signed</h2>
              <p>Your signature stays counted on each of these. A signature you never confirmed is deleted.</p>
              <ul>
                {summary.signed.map((t, i) => (
                  <li key={i}>{t}</li>
                ))}
              </ul>
            </>
          ) : null}
          {summary.started.length > 0 ? (
            <>
              <h2>Petitions you started</h2>
              <p>The petitions stay; your name and email address are removed from them, so we cannot tell you what happens to them.</p>
              <ul>
                {summary.started.map((t, i) => (
                  <li key={i}>{t}</li>
                ))}
              </ul>
            </>
          ) : null}
          <Form action="/your-data/remove" csrf={ctx.csrf}>
            <input type="hidden" name="token" value={token} />
            <Button>Remove my details</Button>
          </Form>
        </div>
      </div>
    </Layout>,
  );
});

privacyPages.post("/your-data/remove", publicAccess, async (c) => {
  const form = await parseForm(c, TokenInput);
  const ctx = depsOf(c);
  const req = form.ok ? await erasureRequest(ctx, form.data.token) : null;
  const done = req ? await eraseByRequest(ctx, req) : null;
  if (!done) return renderPage(c, <InvalidLink ctx={await pageContext(c)} />, 400);
  return redirectWithFlash(c, "/your-data/removed", "Your details have been removed.");
});

privacyPages.get("/your-data/removed", publicAccess, async (c) => {
  const ctx = await pageContext(c);
  return renderPage(
    c,
    <Layout ctx={ctx} title="Your details have been removed">
      <h1>Your details have been removed</h1>
      <p>We no longer hold your name, email address or postcode. Your signatures are still counted.</p>
    </Layout>,
  );
});
