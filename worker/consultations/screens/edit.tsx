// Changing a consultation's details (a new closing date moves its watchers' reminders).
import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import { Hono } from "hono";
import { ConsultationForm } from "../../../shared/schemas/consultations";
import { LONDON, londonDate } from "../../../shared/time";
import { authorize } from "../../auth/middleware";
import { depsOf } from "../../platform/deps";
import type { AppEnv } from "../../platform/env";
import { parseForm } from "../../platform/validation";
import { BackLink, Button, ErrorSummary, Form, type FormValues, type Problem } from "../../web/components";
import { Layout } from "../../web/layout";
import { type PageContext, pageContext, redirectWithFlash, renderPage } from "../../web/render";
import { ConsultationFields, formValuesOf, orFormErrors } from "../components";
import { type ConsultationRow, consultationById } from "../queries";
import { updateConsultation } from "../service";

export interface EditConsultationView {
  page: PageContext;
  row: ConsultationRow;
  problem: Problem | null;
}

/** "HH:mm" in London, for filling in a form's time field. */
const londonTime = (instant: string) => format(new Date(instant), "HH:mm", { in: tz(LONDON) });

/** The consultation as the form's fields show it: dates and times in London. */
function fieldsOf(r: ConsultationRow): FormValues {
  return {
    organisationId: String(r.organisation_id),
    title: r.title,
    url: r.url ?? "",
    summary: r.summary,
    opensDate: r.opens_at ? londonDate(r.opens_at) : "",
    opensTime: r.opens_at ? londonTime(r.opens_at) : "",
    closesDate: r.closes_at ? londonDate(r.closes_at) : "",
    closesTime: r.closes_at ? londonTime(r.closes_at) : "",
    stage: r.stage ?? "",
    method: r.method ?? "",
  };
}

export function EditConsultationPage({ page, row, problem }: EditConsultationView) {
  const errors = problem?.errors ?? {};
  return (
    <Layout ctx={page} title={`Change: ${row.title}`}>
      <BackLink href={`/consultations/${row.id}`}>Back to the consultation</BackLink>
      <ErrorSummary errors={errors} />
      <h1>Change the details</h1>
      <p>People watching it are reminded at the new times if you change the closing date.</p>
      <Form action={`/consultations/${row.id}/edit`} csrf={page.csrf}>
        <ConsultationFields errors={errors} values={problem?.values ?? fieldsOf(row)} organisations={null} />
        <Button>Save changes</Button>
      </Form>
    </Layout>
  );
}

const mayEdit = authorize("consultation.edit", consultationById);

export const editScreen = new Hono<AppEnv>()
  .get("/consultations/:id/edit", mayEdit, async (c) =>
    renderPage(c, <EditConsultationPage page={await pageContext(c)} row={c.var.record} problem={null} />),
  )
  .post("/consultations/:id/edit", mayEdit, async (c) => {
    const row = c.var.record;
    const again = async (problem: Problem) =>
      renderPage(c, <EditConsultationPage page={await pageContext(c)} row={row} problem={problem} />, 422);
    const form = await parseForm(c, ConsultationForm);
    if (!form.ok) return again(form);
    const { title, url, summary, opensAt, closesAt, stage, method } = form.data;
    return orFormErrors(
      async () => {
        const input = { title, url: url ?? null, summary, opensAt, closesAt, stage, method };
        await updateConsultation(depsOf(c), { actor: c.var.actor, roles: c.var.actingRoles }, row, input);
        return redirectWithFlash(c, `/consultations/${row.id}`, "Your changes are saved.");
      },
      (errors) => again({ errors, values: formValuesOf(form.data) }),
    );
  });
