// An area's administration page: its defaults, its organisations (their own settings, adding one) and
// its people and roles. Each form posts back here; a problem re-renders the page with that section's errors.
import { type Context, Hono } from "hono";
import { AreaSettings, NewMembership, NewOrganisation, OrganisationSettings } from "../../../shared/schemas/admin";
import { roleLabels } from "../../../shared/roles";
import { type AreaRow, areaBySlug } from "../../areas/queries";
import { authorize } from "../../auth/middleware";
import { type Deps, depsOf } from "../../platform/deps";
import type { AppEnv } from "../../platform/env";
import { readBatch } from "../../platform/db";
import { AppError, notFound } from "../../platform/errors";
import { parseForm } from "../../platform/validation";
import { ErrorSummary, type FormValues, formValues } from "../../web/components";
import { Layout } from "../../web/layout";
import { type PageContext, pageContext, redirectWithFlash, renderPage } from "../../web/render";
import {
  type AreaMember,
  MembersSection,
  type OrganisationEntry,
  OrganisationsSection,
  type Section,
  type SectionProblem,
  SettingsSection,
} from "../components";
import {
  areaMembersQuery,
  areaSettingsFrom,
  areaSettingsQuery,
  membershipById,
  organisationById,
  organisationSettingsFrom,
  organisationsQuery,
} from "../queries";
import { addMembership, addOrganisation, removeMembership, updateAreaSettings, updateOrganisationSettings } from "../service";

export interface AreaView {
  page: PageContext;
  area: AreaRow;
  settings: AreaSettings;
  organisations: OrganisationEntry[];
  members: AreaMember[];
  /** The form sent back to be corrected, and which section it is in. */
  problem: SectionProblem | null;
}

/** The area's defaults, its organisations with their own settings, and its people, in one round trip. */
export async function loadArea(deps: Deps, area: AreaRow): Promise<Omit<AreaView, "page" | "problem">> {
  const [[settings], organisations, members] = await readBatch(deps.db, [
    areaSettingsQuery(deps.db, area.id),
    organisationsQuery(deps.db, area.id),
    areaMembersQuery(deps.db, area.id),
  ]);
  if (!settings) throw notFound("area");
  return {
    area,
    settings: areaSettingsFrom(settings),
    organisations: organisations.map((o) => ({ id: o.id, name: o.name, kind: o.kind, settings: organisationSettingsFrom(o) })),
    members,
  };
}

const onThisPage = (area: AreaRow) => [
  ["#settings", "Area defaults"],
  ["#organisations", "Organisations"],
  ["#people", "People and roles"],
  [`/admin/areas/${area.slug}/deliveries`, "Emails not delivered"],
];

export function AreaPage({ page, area, settings, organisations, members, problem }: AreaView) {
  return (
    <Layout ctx={page} title={`Administration: ${area.name}`}>
      <ErrorSummary errors={problem?.errors ?? {}} />
      <h1>{area.name}: administration</h1>
      <nav aria-label="On this page">
        <ul>
          {onThisPage(area).map(([href, label]) => (
            <li key={href}>
              <a href={href}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <SettingsSection area={area} settings={settings} problem={problem} csrf={page.csrf} />
      <OrganisationsSection area={area} settings={settings} organisations={organisations} problem={problem} csrf={page.csrf} />
      <MembersSection area={area} organisations={organisations} members={members} problem={problem} csrf={page.csrf} />
    </Layout>
  );
}

/** The area's page, with a form's problem (422) or without (200). */
async function showArea<E extends AppEnv>(c: Context<E>, area: AreaRow, problem: SectionProblem | null = null) {
  const [page, view] = await Promise.all([pageContext(c), loadArea(depsOf(c), area)]);
  return renderPage(c, <AreaPage page={page} {...view} problem={problem} />, problem ? 422 : 200);
}

/** Runs an operation; a validation error from it is shown on the section's form instead of an error page. */
async function orShowProblem<E extends AppEnv>(
  c: Context<E>,
  area: AreaRow,
  section: Section,
  values: FormValues,
  run: () => Promise<Response>,
) {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AppError && err.fields) return showArea(c, area, { section, errors: err.fields, values });
    throw err;
  }
}

const administer = authorize("area.administer", areaBySlug);

export const areaScreen = new Hono<AppEnv>()
  .get("/admin/areas/:slug", administer, (c) => showArea(c, c.var.record))
  .post("/admin/areas/:slug/settings", administer, async (c) => {
    const area = c.var.record;
    const form = await parseForm(c, AreaSettings);
    if (!form.ok) return showArea(c, area, { section: "settings", errors: form.errors, values: form.values });
    await updateAreaSettings(depsOf(c), { actor: c.var.actor, roles: c.var.actingRoles }, area, form.data);
    return redirectWithFlash(c, `/admin/areas/${area.slug}#settings`, "Area defaults saved.");
  })
  .post("/admin/areas/:slug/organisations", administer, async (c) => {
    const area = c.var.record;
    const form = await parseForm(c, NewOrganisation);
    if (!form.ok) return showArea(c, area, { section: "organisation", errors: form.errors, values: form.values });
    const input = form.data;
    return orShowProblem(c, area, "organisation", formValues(input), async () => {
      await addOrganisation(depsOf(c), { actor: c.var.actor, roles: c.var.actingRoles }, area, input);
      return redirectWithFlash(c, `/admin/areas/${area.slug}#organisations`, `${input.name} added.`);
    });
  })
  // The organisation's settings are on its area's page: a problem re-renders that page.
  .post("/admin/organisations/:id/settings", authorize("area.administer", organisationById), async (c) => {
    const organisation = c.var.record;
    const form = await parseForm(c, OrganisationSettings);
    if (!form.ok) return showArea(c, organisation.area, { section: `org-${organisation.id}`, errors: form.errors, values: form.values });
    await updateOrganisationSettings(depsOf(c), { actor: c.var.actor, roles: c.var.actingRoles }, organisation, form.data);
    return redirectWithFlash(c, `/admin/areas/${organisation.area.slug}#organisations`, `Settings for ${organisation.name} saved.`);
  })
  .post("/admin/areas/:slug/members", administer, async (c) => {
    const area = c.var.record;
    const form = await parseForm(c, NewMembership);
    if (!form.ok) return showArea(c, area, { section: "member", errors: form.errors, values: form.values });
    const input = form.data;
    return orShowProblem(c, area, "member", formValues(input), async () => {
      await addMembership(depsOf(c), { actor: c.var.actor, roles: c.var.actingRoles }, area, input);
      return redirectWithFlash(c, `/admin/areas/${area.slug}#people`, `${input.name} is now ${roleLabels[input.role].toLowerCase()}.`);
    });
  })
  .post("/admin/memberships/:id/remove", authorize("area.administer", membershipById), async (c) => {
    const membership = c.var.record;
    await removeMembership(depsOf(c), { actor: c.var.actor, roles: c.var.actingRoles }, membership);
    return redirectWithFlash(c, `/admin/areas/${membership.area_slug}#people`, "Role removed.");
  });
