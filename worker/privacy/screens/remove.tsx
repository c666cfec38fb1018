// Removing your details from the emailed link: what will go, the button, and the page after.
import { Hono } from "hono";
import { TokenInput } from "../../../shared/schemas/petitions";
import { publicAccess } from "../../auth/middleware";
import { type Deps, depsOf } from "../../platform/deps";
import type { AppEnv } from "../../platform/env";
import { parseForm } from "../../platform/validation";
import { Button, Form } from "../../web/components";
import { Layout } from "../../web/layout";
import { type PageContext, pageContext, redirectWithFlash, renderPage } from "../../web/render";
import { eraseByRequest, erasureRequest, erasureSummary } from "../service";

/** Whose details would go (the address the link was sent to), and the petitions they signed and started. */
export interface RemoveView {
  page: PageContext;
  token: string;
  email: string;
  signed: string[];
  started: string[];
}

/** The view for a live link; null when the link is unknown, used or expired. */
export async function loadRemove(deps: Deps, token: string): Promise<Omit<RemoveView, "page"> | null> {
  const request = token ? await erasureRequest(deps, token) : null;
  if (!request) return null;
  return { token, email: request.email, ...(await erasureSummary(deps.db, request)) };
}

function PetitionTitles({ heading, note, titles }: { heading: string; note: string; titles: string[] }) {
  if (titles.length === 0) return null;
  return (
    <>
      <h2>{heading}</h2>
      <p>{note}</p>
      <ul>
        {titles.map((t, i) => (
          <li key={i}>{t}</li>
        ))}
      </ul>
    </>
  );
}

export function RemovePage({ page, token, email, signed, started }: RemoveView) {
  return (
    <Layout ctx={page} title="Remove your details">
      <div class="nhsuk-grid-row">
        <div class="nhsuk-grid-column-two-thirds">
          <h1>Remove your details</h1>
          <p>
            We will remove the name, email address and postcode held for <strong>{email}</strong>. This cannot be undone.
          </p>
          <PetitionTitles
            heading="Petitions you signed"
            note="Your signature stays counted on each of these. A signature you never confirmed is deleted."
            titles={signed}
          />
          <PetitionTitles
            heading="Petitions you started"
            note="The petitions stay; your name and email address are removed from them, so we cannot tell you what happens to them."
            titles={started}
          />
          <Form action="/your-data/remove" csrf={page.csrf}>
            <input type="hidden" name="token" value={token} />
            <Button>Remove my details</Button>
          </Form>
        </div>
      </div>
    </Layout>
  );
}

export function InvalidLinkPage({ page }: { page: PageContext }) {
  return (
    <Layout ctx={page} title="This link does not work">
      <h1>This link does not work</h1>
      <p>
        The link may have expired, been used already, or been copied incompletely. <a href="/your-data">Ask for a new link</a>.
      </p>
    </Layout>
  );
}

export function RemovedPage({ page }: { page: PageContext }) {
  return (
    <Layout ctx={page} title="Your details have been removed">
      <h1>Your details have been removed</h1>
      <p>We no longer hold your name, email address or postcode. Your signatures are still counted.</p>
    </Layout>
  );
}

export const removeScreen = new Hono<AppEnv>()
  .get("/your-data/remove", publicAccess, async (c) => {
    // The token is in the address: never send it on to another site.
    c.header("Referrer-Policy", "no-referrer");
    const view = await loadRemove(depsOf(c), c.req.query("token") ?? "");
    const page = await pageContext(c);
    return view ? renderPage(c, <RemovePage page={page} {...view} />) : renderPage(c, <InvalidLinkPage page={page} />, 400);
  })
  .post("/your-data/remove", publicAccess, async (c) => {
    const form = await parseForm(c, TokenInput);
    const deps = depsOf(c);
    const request = form.ok ? await erasureRequest(deps, form.data.token) : null;
    const done = request ? await eraseByRequest(deps, request) : null;
    if (!done) return renderPage(c, <InvalidLinkPage page={await pageContext(c)} />, 400);
    return redirectWithFlash(c, "/your-data/removed", "Your details have been removed.");
  })
  .get("/your-data/removed", publicAccess, async (c) => renderPage(c, <RemovedPage page={await pageContext(c)} />));
