// Web pages for administrators: the area's defaults, organisations and their overrides, people and roles.
import { Hono, type Context } from "hono";
import { AreaSettings, NewMembership, NewOrganisation, OrganisationSettings } from "../../shared/schemas/admin";
import { organisationKindLabels, organisationKinds, roleLabels, roles } from "../../shared/roles";
import { authorize, recordOf, signedIn } from "../auth/middleware";
import type { AppEnv } from "../platform/env";
import { AppError } from "../platform/errors";
import { parseForm } from "../platform/validation";
import { Button, ErrorSummary, Form, Select, Table, TextInput, type FieldErrors, type FormValues } from "../web/components";
import { Layout } from "../web/layout";
import { pageContext, redirectWithFlash, renderPage } from "../web/render";
import {
  addMembership,
  addOrganisation,
  areaBySlug,
  getAreaSettings,
  listAreaMembers,
  listOrganisations,
  membershipById,
  organisationById,
  removeMembership,
  updateAreaSettings,
  updateOrganisationSettings,
} from "./service";

export const adminPages = new Hono<AppEnv>();

type Section = "settings" | "organisation" | "member" | `org-${number}`;

adminPages.get("/admin", signedIn, async (c) => {
  const areas = [...new Map(c.var.actor!.memberships.filter((m) => m.role === "admin").map((m) => [m.areaSlug, m.areaName])).entries()];
  if (areas.length === 1) return c.redirect(`/admin/areas/${areas[0]![0]}`, 303);
  const ctx = await pageContext(c);
  return renderPage(
    c,
    <Layout ctx={ctx} title="Administration">
      <h1>Administration</h1>
      {areas.length === 0 ? (
        <p>You are not an administrator for any area.</p>
      ) : (
        <ul>
          {areas.map(([slug, name]) => (
            <li key={slug}>
              <a href={`/admin/areas/${slug}`}>{name}</a>
            </li>
          ))}
        </ul>
      )}
    </Layout>,
  );
});

const settingsFields: [keyof AreaSettings, string, string][] = [
  [
    "responseThreshold",
    "Signatures needed for a response",
    "When a petition reaches this many confirmed signatures, the organisation it is addressed to owes a response.",
  ],
  [
    "scrutinyThreshold",
    "Signatures needed for a referral to scrutiny",
    "Above this, the petition goes to the overview and scrutiny committee.",
  ],
  ["responseWorkingDays", "Working days to respond to a petition", ""],
  ["petitionDurationDays", "Days a petition stays open", ""],
  ["informationRequestWorkingDays", "Working days to reply to a LINk's request for information", "20 under the LINks Regulations 2008."],
  ["reportWorkingDays", "Working days to reply to a LINk's report or recommendation", "20 under the LINks Regulations 2008."],
  ["referralWorkingDays", "Working days to acknowledge a LINk's referral", "20 under the LINks Directions 2008."],
  ["outcomeOverdueWeeks", "Weeks after a consultation closes before a missing outcome is flagged", ""],
  [
    "signerDataRetentionDays",
    "Days after a petition closes before signers' names, email addresses and postcodes are erased",
    "Signatures stay counted, and the postcode district is kept for the petition's figures.",
  ],
];

async function renderArea<E extends AppEnv>(
  c: Context<E>,
  problem: { section: Section; errors: FieldErrors; values: FormValues } | null = null,
  area = recordOf<{ id: number; slug: string; name: string }>(c),
) {
  const [ctx, settings, organisations, members] = await Promise.all([
    pageContext(c),
    getAreaSettings(c.var.db, area.id),
    listOrganisations(c.var.db, area.id),
    listAreaMembers(c.var.db, area.id),
  ]);
  const errorsFor = (section: Section) => (problem?.section === section ? problem.errors : {});
  const valueFor = (section: Section, field: string, fallback: string | number | null) =>
    problem?.section === section ? problem.values[field] : fallback === null ? "" : String(fallback);
  const orgOptions = organisations.map((o) => ({ value: String(o.id), label: o.name }));
  return renderPage(
    c,
    <Layout ctx={ctx} title={`Administration: ${area.name}`}>
      <ErrorSummary errors={problem?.errors ?? {}} />
      <h1>{area.name}: administration</h1>
      <nav aria-label="On this page">
        <ul>
          <li>
            <a href="#settings">Area defaults</a>
          </li>
          <li>
            <a href="#organisations">Organisations</a>
          </li>
          <li>
            <a href="#people">People and roles</a>
          </li>
          <li>
            <a href={`/admin/areas/${area.slug}/deliveries`}>Emails not delivered</a>
          </li>
        </ul>
      </nav>

      <h2 id="settings">Area defaults</h2>
      <p>
        Organisations use these unless they set their own. Changes apply from now on: petitions already open keep the thresholds they opened
        with.
      </p>
      <Form action={`/admin/areas/${area.slug}/settings`} csrf={ctx.csrf}>
        {settingsFields.map(([field, label, hint]) => (
          <TextInput
            key={field}
            name={field}
            label={label}
            hint={hint || undefined}
            inputmode="numeric"
            width={5}
            errors={errorsFor("settings")}
            value={valueFor("settings", field, settings[field] ?? null)}
          />
        ))}
        <Button>Save area defaults</Button>
      </Form>

      <h2 id="organisations">Organisations</h2>
      {organisations.map((o) => {
        const section = `org-${o.id}` as const;
        return (
          <details class="nhsuk-details" key={o.id} open={problem?.section === section}>
            <summary class="nhsuk-details__summary">
              <span class="nhsuk-details__summary-text">
                {o.name} ({organisationKindLabels[o.kind as keyof typeof organisationKindLabels]})
              </span>
            </summary>
            <div class="nhsuk-details__text">
              <p>Leave a box empty to use the area's default.</p>
              <Form action={`/admin/organisations/${o.id}/settings`} csrf={ctx.csrf}>
                <TextInput
                  name="responseThreshold"
                  label={`Signatures needed for a response (area: ${settings.responseThreshold})`}
                  width={5}
                  inputmode="numeric"
                  errors={errorsFor(section)}
                  value={valueFor(section, "responseThreshold", o.response_threshold)}
                />
                <TextInput
                  name="scrutinyThreshold"
                  label={`Signatures needed for scrutiny (area: ${settings.scrutinyThreshold})`}
                  width={5}
                  inputmode="numeric"
                  errors={errorsFor(section)}
                  value={valueFor(section, "scrutinyThreshold", o.scrutiny_threshold)}
                />
                <TextInput
                  name="responseWorkingDays"
                  label={`Working days to respond (area: ${settings.responseWorkingDays})`}
                  width={3}
                  inputmode="numeric"
                  errors={errorsFor(section)}
                  value={valueFor(section, "responseWorkingDays", o.response_working_days)}
                />
                <TextInput
                  name="petitionDurationDays"
                  label={`Days a petition stays open (area: ${settings.petitionDurationDays})`}
                  width={3}
                  inputmode="numeric"
                  errors={errorsFor(section)}
                  value={valueFor(section, "petitionDurationDays", o.petition_duration_days)}
                />
                <Button variant="secondary">Save {o.name}</Button>
              </Form>
            </div>
          </details>
        );
      })}
      <h3>Add an organisation</h3>
      <Form action={`/admin/areas/${area.slug}/organisations`} csrf={ctx.csrf}>
        <TextInput name="name" label="Name" errors={errorsFor("organisation")} value={valueFor("organisation", "name", "")} />
        <Select
          name="kind"
          label="Kind of organisation"
          placeholder="Choose"
          options={organisationKinds.map((k) => ({ value: k, label: organisationKindLabels[k] }))}
          errors={errorsFor("organisation")}
          value={valueFor("organisation", "kind", "")}
        />
        <TextInput
          name="email"
          label="Email address (optional)"
          type="email"
          errors={errorsFor("organisation")}
          value={valueFor("organisation", "email", "")}
        />
        <Select
          name="predecessorId"
          label="It replaced (optional)"
          hint="For example, the PCT a clinical commissioning group took over from, or the LINk a HealthWatch replaced."
          placeholder="Nothing"
          options={orgOptions}
          errors={errorsFor("organisation")}
          value={valueFor("organisation", "predecessorId", "")}
        />
        <Button variant="secondary">Add organisation</Button>
      </Form>

      <h2 id="people">People and roles</h2>
      <Table
        caption={`People with roles in ${area.name}`}
        head={["Name", "Organisation", "Role", ""]}
        rows={members.map((m) => [
          <>
            {m.name}
            <br />
            <span class="nhsuk-body-s app-muted">{m.email}</span>
          </>,
          m.organisationName,
          roleLabels[m.role],
          <Form action={`/admin/memberships/${m.membershipId}/remove`} csrf={ctx.csrf}>
            <Button variant="secondary" small>
              Remove role
              <span class="nhsuk-u-visually-hidden">
                {" "}
                {roleLabels[m.role]} from {m.name}
              </span>
            </Button>
          </Form>,
        ])}
      />
      <h3>Give someone a role</h3>
      <p>They can then sign in with a link sent to this email address.</p>
      <Form action={`/admin/areas/${area.slug}/members`} csrf={ctx.csrf}>
        <TextInput name="name" label="Full name" autocomplete="off" errors={errorsFor("member")} value={valueFor("member", "name", "")} />
        <TextInput
          name="email"
          label="Email address"
          type="email"
          autocomplete="off"
          spellcheck={false}
          errors={errorsFor("member")}
          value={valueFor("member", "email", "")}
        />
        <Select
          name="organisationId"
          label="Organisation"
          placeholder="Choose"
          options={orgOptions}
          errors={errorsFor("member")}
          value={valueFor("member", "organisationId", "")}
        />
        <Select
          name="role"
          label="Role"
          placeholder="Choose"
          options={roles.map((r) => ({ value: r, label: roleLabels[r] }))}
          errors={errorsFor("member")}
          value={valueFor("member", "role", "")}
        />
        <Button variant="secondary">Give role</Button>
      </Form>
    </Layout>,
    problem ? 422 : 200,
  );
}

/** Runs a service call; a validation error from it is shown on the form instead of an error page. */
async function orShowProblem<E extends AppEnv>(c: Context<E>, section: Section, values: FormValues, run: () => Promise<Response>) {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AppError && err.fields) return renderArea(c, { section, errors: err.fields, values });
    throw err;
  }
}

adminPages.get("/admin/areas/:slug", authorize("area.administer", areaBySlug), (c) => renderArea(c));

adminPages.post("/admin/areas/:slug/settings", authorize("area.administer", areaBySlug), async (c) => {
  const form = await parseForm(c, AreaSettings);
  if (!form.ok) return renderArea(c, { section: "settings", errors: form.errors, values: form.values });
  const area = recordOf<{ id: number; slug: string }>(c);
  await updateAreaSettings(c.var.db, c.env.DB, c.var.actor!, area.id, form.data, c.var.now);
  return redirectWithFlash(c, `/admin/areas/${area.slug}#settings`, "Area defaults saved.");
});

adminPages.post("/admin/areas/:slug/organisations", authorize("area.administer", areaBySlug), async (c) => {
  const form = await parseForm(c, NewOrganisation);
  if (!form.ok) return renderArea(c, { section: "organisation", errors: form.errors, values: form.values });
  const area = recordOf<{ id: number; slug: string }>(c);
  const data = form.data;
  return orShowProblem(c, "organisation", data as unknown as FormValues, async () => {
    await addOrganisation(c.var.db, c.env.DB, c.var.actor!, area.id, data, c.var.now);
    return redirectWithFlash(c, `/admin/areas/${area.slug}#organisations`, `${data.name} added.`);
  });
});

adminPages.post("/admin/organisations/:id/settings", authorize("area.administer", organisationById), async (c) => {
  const org = recordOf<{ id: number; area_id: number; name: string }>(c);
  const area = await c.var.db.selectFrom("areas").select(["id", "slug", "name"]).where("id", "=", org.area_id).executeTakeFirstOrThrow();
  const form = await parseForm(c, OrganisationSettings);
  if (!form.ok) {
    return renderArea(c, { section: `org-${org.id}`, errors: form.errors, values: form.values }, area);
  }
  await updateOrganisationSettings(c.var.db, c.env.DB, c.var.actor!, org, form.data, c.var.now);
  return redirectWithFlash(c, `/admin/areas/${area.slug}#organisations`, `Settings for ${org.name} saved.`);
});

adminPages.post("/admin/areas/:slug/members", authorize("area.administer", areaBySlug), async (c) => {
  const form = await parseForm(c, NewMembership);
  if (!form.ok) return renderArea(c, { section: "member", errors: form.errors, values: form.values });
  const area = recordOf<{ id: number; slug: string }>(c);
  const data = form.data;
  return orShowProblem(c, "member", { ...data, organisationId: String(data.organisationId) }, async () => {
    await addMembership(c.var.db, c.env.DB, c.var.actor!, area.id, data, c.var.now);
    return redirectWithFlash(c, `/admin/areas/${area.slug}#people`, `${data.name} is now ${roleLabels[data.role].toLowerCase()}.`);
  });
});

adminPages.post("/admin/memberships/:id/remove", authorize("area.administer", membershipById), async (c) => {
  const m = recordOf<{ id: number; area_id: number; person_id: number; role: string }>(c);
  const area = await c.var.db.selectFrom("areas").select("slug").where("id", "=", m.area_id).executeTakeFirstOrThrow();
  await removeMembership(c.var.db, c.env.DB, c.var.actor!, m, c.var.now);
  return redirectWithFlash(c, `/admin/areas/${area.slug}#people`, "Role removed.");
});
