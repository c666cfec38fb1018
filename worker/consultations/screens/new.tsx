// Adding a consultation on the web: the form, and saving it (once per address per area; the person watches it).
import { Hono } from "hono";
import { ConsultationForm } from "../../../shared/schemas/consultations";
import { signedIn } from "../../auth/middleware";
import type { Actor } from "../../platform/actor";
import { randomToken } from "../../platform/crypto";
import { type Deps, depsOf } from "../../platform/deps";
import type { AppEnv } from "../../platform/env";
import { forbidden } from "../../platform/errors";
import { organisationsReached } from "../../platform/reach";
import { parseForm } from "../../platform/validation";
import { BackLink, Button, ErrorSummary, Form, type Problem } from "../../web/components";
import { Layout } from "../../web/layout";
import { type PageContext, pageContext, redirectWithFlash, renderPage } from "../../web/render";
import { ConsultationFields, formValuesOf, orFormErrors } from "../components";
import { areaOfOrganisation } from "../queries";
import { createConsultation } from "../service";

export interface NewConsultationView {
  page: PageContext;
  /** The organisations the person may add a consultation for. */
  organisations: { id: number; name: string }[];
  /** The save's client-made id, kept across corrections so a resent form never saves twice. */
  clientId: string;
  problem: Problem | null;
}

/** Who the person may add consultations for; refused (403) when nobody. */
export async function loadNewConsultation(deps: Deps, actor: Actor): Promise<Pick<NewConsultationView, "organisations">> {
  const organisations = await organisationsReached(deps.db, actor.memberships, "consultation.create");
  if (organisations.length === 0)
    throw forbidden("Only people who respond for an NHS organisation, or LINk members, can add consultations.");
  return { organisations };
}

export function NewConsultationPage({ page, organisations, clientId, problem }: NewConsultationView) {
  const errors = problem?.errors ?? {};
  return (
    <Layout ctx={page} title="Add a consultation">
      <BackLink href="/consultations">Consultations</BackLink>
      <ErrorSummary errors={errors} />
      <h1>Add a consultation</h1>
      <p>If someone has already added the same page, we will show you that one instead, and you will be watching it.</p>
      <Form action="/consultations" csrf={page.csrf}>
        <input type="hidden" name="clientId" value={clientId} />
        <ConsultationFields errors={errors} values={problem?.values ?? {}} organisations={organisations} />
        <Button>Save consultation</Button>
      </Form>
    </Layout>
  );
}

export const newScreen = new Hono<AppEnv>()
  .get("/consultations/new", signedIn, async (c) => {
    const page = await pageContext(c);
    const view = await loadNewConsultation(depsOf(c), c.var.actor);
    return renderPage(c, <NewConsultationPage page={page} {...view} clientId={randomToken(16)} problem={null} />);
  })
  .post("/consultations", signedIn, async (c) => {
    const deps = depsOf(c);
    const form = await parseForm(c, ConsultationForm);
    const again = async (problem: Problem) => {
      const page = await pageContext(c);
      const view = await loadNewConsultation(deps, c.var.actor);
      const clientId = problem.values.clientId ?? randomToken(16);
      return renderPage(c, <NewConsultationPage page={page} {...view} clientId={clientId} problem={problem} />, 422);
    };
    if (!form.ok) return again(form);
    const data = form.data;
    const areaId = (await areaOfOrganisation(deps.db, data.organisationId)) ?? 0;
    return orFormErrors(
      async () => {
        const saved = await createConsultation(deps, c.var.actor, { ...data, areaId });
        const message = saved.created
          ? "Consultation saved. You are watching it: we will remind you before it closes."
          : "That page was already being tracked, so here it is. You are watching it now.";
        return redirectWithFlash(c, `/consultations/${saved.consultation.id}`, message);
      },
      (errors) => again({ errors, values: formValuesOf(data) }),
    );
  });
