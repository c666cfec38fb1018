// Administrators' page of emails that could not be delivered after every retry: never lost, and can be tried again.
import { Hono } from "hono";
import { formatLondonDateTime } from "../../../shared/time";
import { areaBySlug } from "../../admin/service";
import { authorize } from "../../auth/middleware";
import { deliverOutbox, senderFor } from "../../email/sender";
import { type Deps, depsOf } from "../../platform/deps";
import type { AppEnv } from "../../platform/env";
import { notFound } from "../../platform/errors";
import { pathId } from "../../platform/pathId";
import { BackLink, Button, Form, InsetText, Table } from "../../web/components";
import { Layout } from "../../web/layout";
import { type PageContext, pageContext, redirectWithFlash, renderPage } from "../../web/render";
import { type FailedEmail, failedInArea } from "../queries";
import { retryDelivery } from "../service";

type Area = { id: number; slug: string; name: string };

/** The area, and its failed emails, most recent first. */
export interface DeliveriesView {
  page: PageContext;
  area: Area;
  failed: FailedEmail[];
}

export async function loadDeliveries(deps: Deps, area: Area): Promise<Omit<DeliveriesView, "page">> {
  return { area, failed: await failedInArea(deps.db, area.id).orderBy("m.failed_at", "desc").limit(100).execute() };
}

function FailedTable({ area, failed, csrf }: { area: Area; failed: FailedEmail[]; csrf: string }) {
  return (
    <Table
      caption="Emails that failed, most recent first"
      head={["Email", "To", "Tried", "Last error", ""]}
      rows={failed.map((m) => [
        <>
          {m.subject}
          <br />
          <span class="nhsuk-body-s app-muted">Written {formatLondonDateTime(m.created_at)}</span>
        </>,
        <>
          {m.person_name ? (
            <>
              {m.person_name}
              <br />
            </>
          ) : null}
          <span class="nhsuk-body-s">{m.to_email}</span>
        </>,
        <>
          {m.attempts} times, last {formatLondonDateTime(m.failed_at)}
        </>,
        <span class="nhsuk-body-s">{m.last_error ?? "No error recorded"}</span>,
        <Form action={`/admin/areas/${area.slug}/deliveries/${m.id}/retry`} csrf={csrf} class="app-inline-form">
          <Button variant="secondary" small>
            Try again
            <span class="nhsuk-u-visually-hidden">
              : {m.subject} to {m.to_email}
            </span>
          </Button>
        </Form>,
      ])}
    />
  );
}

export function DeliveriesPage({ page, area, failed }: DeliveriesView) {
  return (
    <Layout ctx={page} title={`Emails not delivered: ${area.name}`}>
      <BackLink href={`/admin/areas/${area.slug}`}>Administration</BackLink>
      <h1>Emails not delivered</h1>
      <p>
        Emails to people in {area.name} (and to organisations' own addresses) that the email service would not accept, after trying {""}
        several times over a few hours. Check the address and the error, then try again.
      </p>
      {failed.length === 0 ? (
        <InsetText>
          <p>Every email has been delivered.</p>
        </InsetText>
      ) : (
        <FailedTable area={area} failed={failed} csrf={page.csrf} />
      )}
    </Layout>
  );
}

export const deliveriesScreen = new Hono<AppEnv>()
  .get("/admin/areas/:slug/deliveries", authorize("outbox.review", areaBySlug), async (c) => {
    const view = await loadDeliveries(depsOf(c), c.var.record);
    return renderPage(c, <DeliveriesPage page={await pageContext(c)} {...view} />);
  })
  .post("/admin/areas/:slug/deliveries/:id{[0-9]+}/retry", authorize("outbox.review", areaBySlug), async (c) => {
    const deps = depsOf(c);
    const area = c.var.record;
    const id = pathId(c);
    if (id === null || !(await retryDelivery(deps, { actor: c.var.actor, roles: c.var.actingRoles }, area, id)))
      throw notFound("failed email");
    // Sent now if a sender is configured, after the response (the request need not wait for the email service).
    const sender = senderFor(c.env);
    if (sender) c.executionCtx.waitUntil(deliverOutbox(deps.db, sender, c.env.EMAIL_FROM, deps.now, { ids: [id] }).catch(() => undefined));
    return redirectWithFlash(
      c,
      `/admin/areas/${area.slug}/deliveries`,
      "The email will be sent again now, with the usual retries if it fails.",
    );
  });
