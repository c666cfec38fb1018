// Administrators' page of emails that could not be delivered after every retry: never lost, and can be tried again.
import { Hono, type Context } from "hono";
import { formatLondonDateTime } from "../../shared/time";
import { areaBySlug } from "../admin/service";
import { authorize, recordOf } from "../auth/middleware";
import { auditIfChanged } from "../platform/audit";
import { batch, type DB } from "../platform/db";
import { deliverOutbox, senderFor } from "../email/sender";
import type { AppEnv } from "../platform/env";
import { notFound } from "../platform/errors";
import { BackLink, Button, Form, InsetText, Table } from "../web/components";
import { Layout } from "../web/layout";
import { pageContext, redirectWithFlash, renderPage } from "../web/render";
import { pathId } from "../platform/pathId";

export const deliveryPages = new Hono<AppEnv>();

type Area = { id: number; slug: string; name: string };

/** Failed messages to people with a role in the area, and those to no person (an organisation's address, the public). */
function failedInArea(db: DB, areaId: number) {
  return db
    .selectFrom("outbox as m")
    .leftJoin("people as p", "p.id", "m.person_id")
    .select([
      "m.id",
      "m.to_email",
      "m.subject",
      "m.category",
      "m.attempts",
      "m.last_error",
      "m.failed_at",
      "m.created_at",
      "p.name as person_name",
    ])
    .where("m.failed_at", "is not", null)
    .where((eb) =>
      eb.or([
        eb("m.person_id", "is", null),
        eb(
          "m.person_id",
          "in",
          eb
            .selectFrom("memberships as ms")
            .innerJoin("organisations as o", "o.id", "ms.organisation_id")
            .select("ms.person_id")
            .where("o.area_id", "=", areaId),
        ),
      ]),
    );
}

deliveryPages.get("/admin/areas/:slug/deliveries", authorize("outbox.review", areaBySlug), async (c) => {
  const area = recordOf<Area>(c);
  const ctx = await pageContext(c);
  const failed = await failedInArea(c.var.db, area.id).orderBy("m.failed_at", "desc").limit(100).execute();
  return renderPage(
    c,
    <Layout ctx={ctx} title={`Emails not delivered: ${area.name}`}>
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
              {m.attempts} times, last {formatLondonDateTime(m.failed_at!)}
            </>,
            <span class="nhsuk-body-s">{m.last_error ?? "No error recorded"}</span>,
            <Form action={`/admin/areas/${area.slug}/deliveries/${m.id}/retry`} csrf={ctx.csrf} class="app-inline-form">
              <Button variant="secondary" small>
                Try again
                <span class="nhsuk-u-visually-hidden">
                  : {m.subject} to {m.to_email}
                </span>
              </Button>
            </Form>,
          ])}
        />
      )}
    </Layout>,
  );
});

/** Puts a failed message back in the queue with its attempts reset; it is sent now if a sender is configured. */
async function retry<E extends AppEnv>(c: Context<E>, area: Area, id: number): Promise<boolean> {
  const db = c.var.db;
  const now = c.var.now;
  const message = await failedInArea(db, area.id).where("m.id", "=", id).executeTakeFirst();
  if (!message) return false;
  const [update] = await batch(c.env.DB, [
    db
      .updateTable("outbox")
      .set({ attempts: 0, failed_at: null, next_attempt_at: now.toISOString() })
      .where("id", "=", id)
      .where("failed_at", "is not", null),
    auditIfChanged(db, {
      actor: c.var.caller,
      areaId: area.id,
      entity: "outbox",
      entityId: id,
      action: "retry",
      at: now,
      details: { lastError: message.last_error },
    }),
  ]);
  if (update?.meta.changes !== 1) return false;
  const sender = senderFor(c.env);
  if (sender) c.executionCtx.waitUntil(deliverOutbox(db, sender, c.env.EMAIL_FROM, now, { ids: [id] }).catch(() => undefined));
  return true;
}

deliveryPages.post("/admin/areas/:slug/deliveries/:id{[0-9]+}/retry", authorize("outbox.review", areaBySlug), async (c) => {
  const area = recordOf<Area>(c);
  const id = pathId(c);
  if (id === null || !(await retry(c, area, id))) throw notFound("failed email");
  return redirectWithFlash(
    c,
    `/admin/areas/${area.slug}/deliveries`,
    "The email will be sent again now, with the usual retries if it fails.",
  );
});
