// Local development only (LOCAL_DEV): sign in as a demo person, read the outbox, load demo data.
// Without the flag every path here is a plain 404.
import { Hono, type MiddlewareHandler } from "hono";
import type { ComponentChildren } from "preact";
import { z } from "zod";
import { roleLabels, type Role } from "../../shared/roles";
import { formatLondonDateTime } from "../../shared/time";
import { startSession } from "../auth/session";
import { isLocalDev, type AppEnv } from "../platform/env";
import { notFound } from "../platform/errors";
import { parseForm } from "../platform/validation";
import { Button, Form, Table, Tag } from "../web/components";
import { Layout } from "../web/layout";
import { pageContext, redirectWithFlash, renderPage } from "../web/render";
import { seedDemo } from "./seed";

export const devRoutes = new Hono<AppEnv>();

/** The gate for everything under /dev. */
export const localDevOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!isLocalDev(c.env)) throw notFound();
  return next();
};

devRoutes.use("*", localDevOnly);

devRoutes.get("/sign-in", async (c) => {
  const ctx = await pageContext(c);
  const rows = await c.var.db
    .selectFrom("people as p")
    .leftJoin("memberships as m", "m.person_id", "p.id")
    .leftJoin("organisations as o", "o.id", "m.organisation_id")
    .select(["p.id", "p.name", "p.email", "m.role", "o.name as organisation"])
    .orderBy("p.id")
    .execute();
  const people = new Map<number, { name: string; email: string; roles: string[] }>();
  for (const r of rows) {
    const p = people.get(r.id) ?? { name: r.name, email: r.email, roles: [] };
    if (r.role) p.roles.push(`${roleLabels[r.role as Role]}, ${r.organisation}`);
    people.set(r.id, p);
  }
  return renderPage(
    c,
    <Layout ctx={ctx} title="Sign in as a demo person">
      <h1>Sign in as a demo person</h1>
      <p>This page exists only on a local development copy. It skips the email link.</p>
      {people.size === 0 ? (
        <p>
          There are no people yet. <DevSeedButton csrf={ctx.csrf}>Load the demo data</DevSeedButton>
        </p>
      ) : (
        <Table
          caption="Demo people"
          head={["Name", "Roles", ""]}
          rows={[...people.entries()].map(([id, p]) => [
            <>
              {p.name}
              <br />
              <span class="app-muted nhsuk-body-s">{p.email}</span>
            </>,
            p.roles.length ? p.roles.join("; ") : "Member of the public",
            <Form action="/dev/sign-in" csrf={ctx.csrf}>
              <input type="hidden" name="personId" value={String(id)} />
              <Button small variant="secondary">
                Sign in<span class="nhsuk-u-visually-hidden"> as {p.name}</span>
              </Button>
            </Form>,
          ])}
        />
      )}
    </Layout>,
  );
});

function DevSeedButton({ csrf, children }: { csrf: string; children: ComponentChildren }) {
  return (
    <Form action="/dev/seed" csrf={csrf} class="app-inline-form">
      <Button small>{children}</Button>
    </Form>
  );
}

devRoutes.post("/sign-in", async (c) => {
  const form = await parseForm(c, z.object({ personId: z.coerce.number().int().positive() }));
  if (!form.ok) throw notFound("person");
  const person = await c.var.db.selectFrom("people").select(["id", "name"]).where("id", "=", form.data.personId).executeTakeFirst();
  if (!person) throw notFound("person");
  await startSession(c, person.id);
  return redirectWithFlash(c, "/account", `You are signed in as ${person.name}.`);
});

devRoutes.post("/seed", async (c) => {
  const result = await seedDemo(c.var.db, c.env.DB, c.var.now);
  if (c.req.header("Accept")?.includes("application/json")) return c.json({ created: result.created });
  return redirectWithFlash(c, "/dev/sign-in", result.created ? "Demo data loaded." : "Demo data was already loaded.");
});

/** Links in email bodies, so the outbox page can make them clickable. */
function Linkified({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s]+)/g);
  return (
    <>
      {parts.map((part, i) =>
        /^https?:\/\//.test(part) ? (
          <a key={i} href={part}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}

devRoutes.get("/outbox", async (c) => {
  const ctx = await pageContext(c);
  const messages = await c.var.db.selectFrom("outbox").selectAll().orderBy("id", "desc").limit(100).execute();
  return renderPage(
    c,
    <Layout ctx={ctx} title="Outbox">
      <h1>Outbox</h1>
      <p>Emails the service would have sent, newest first (the last 100). On a local copy nothing is really sent.</p>
      {messages.length === 0 ? <p>No emails yet.</p> : null}
      {messages.map((m) => (
        <div class="nhsuk-card" key={m.id}>
          <div class="nhsuk-card__content">
            <h2 class="nhsuk-card__heading nhsuk-heading-s">{m.subject}</h2>
            <p class="nhsuk-body-s">
              To {m.to_email} · {formatLondonDateTime(m.created_at)} ·{" "}
              {m.sent_at ? (
                <Tag colour="green">Sent</Tag>
              ) : m.failed_at ? (
                <Tag colour="red">Failed</Tag>
              ) : m.digest ? (
                <Tag colour="blue">In next digest</Tag>
              ) : (
                <Tag colour="grey">Waiting</Tag>
              )}
            </p>
            <pre class="app-pre" data-outbox-id={String(m.id)} data-category={m.category}>
              <Linkified text={m.body_text} />
            </pre>
          </div>
        </div>
      ))}
    </Layout>,
  );
});

/** The outbox as JSON, for scripts and browser tests (`?to=` for one address's, e.g. for `npm run soak`). */
devRoutes.get("/outbox.json", async (c) => {
  const to = c.req.query("to");
  let q = c.var.db.selectFrom("outbox").select(["id", "to_email", "subject", "body_text", "category", "created_at", "sent_at"]);
  if (to) q = q.where("to_email", "=", to);
  const messages = await q.orderBy("id", "desc").limit(200).execute();
  return c.json({ items: messages });
});
