// Publishing or amending the outcome ("you said, we did"), once the consultation has closed.
import { Hono } from "hono";
import { isStillOpen } from "../../../shared/consultations/rules";
import { OutcomeForm } from "../../../shared/schemas/consultations";
import { formatLondonDateTime } from "../../../shared/time";
import { authorize } from "../../auth/middleware";
import { depsOf } from "../../platform/deps";
import type { AppEnv } from "../../platform/env";
import { parseForm } from "../../platform/validation";
import { BackLink, Button, ErrorSummary, Form, InsetText, type Problem, Textarea } from "../../web/components";
import { Layout } from "../../web/layout";
import { type PageContext, pageContext, redirectWithFlash, renderPage } from "../../web/render";
import { type ConsultationRow, consultationById } from "../queries";
import { publishOutcome } from "../service";

export interface OutcomeView {
  page: PageContext;
  row: ConsultationRow;
  problem: Problem | null;
}

function OutcomeFields({ row, page, problem }: OutcomeView) {
  const errors = problem?.errors ?? {};
  const v = problem?.values ?? { said: row.outcome_said ?? "", decided: row.outcome_decided ?? "", changed: row.outcome_changed ?? "" };
  return (
    <Form action={`/consultations/${row.id}/outcome`} csrf={page.csrf}>
      <Textarea
        name="said"
        label="What people said"
        hint="How many took part, and the main things they told you."
        errors={errors}
        value={v.said}
        rows={6}
      />
      <Textarea name="decided" label="What was decided" errors={errors} value={v.decided} rows={6} />
      <Textarea
        name="changed"
        label="What changed as a result"
        hint="What you are doing differently because of what people said. If nothing changed, say why."
        errors={errors}
        value={v.changed}
        rows={6}
      />
      <Button>{row.state === "outcome_published" ? "Save the amended outcome" : "Publish the outcome"}</Button>
    </Form>
  );
}

export function OutcomePage(view: OutcomeView) {
  const { page, row, problem } = view;
  return (
    <Layout ctx={page} title={`Outcome: ${row.title}`}>
      <BackLink href={`/consultations/${row.id}`}>Back to the consultation</BackLink>
      <ErrorSummary errors={problem?.errors ?? {}} />
      <span class="nhsuk-caption-l">{row.title}</span>
      <h1>{row.state === "outcome_published" ? "Amend the outcome" : "Publish the outcome"}</h1>
      {row.closes_at && isStillOpen(row, page.now) ? (
        <InsetText>
          <p>This consultation is still open. You can publish the outcome after it closes at {formatLondonDateTime(row.closes_at)}.</p>
        </InsetText>
      ) : (
        <>
          <p>Tell people what happened to their views. Everyone watching this consultation gets an email when you first publish it.</p>
          <OutcomeFields {...view} />
        </>
      )}
    </Layout>
  );
}

const mayPublish = authorize("consultation.publish_outcome", consultationById);

export const outcomeScreen = new Hono<AppEnv>()
  .get("/consultations/:id/outcome", mayPublish, async (c) =>
    renderPage(c, <OutcomePage page={await pageContext(c)} row={c.var.record} problem={null} />),
  )
  .post("/consultations/:id/outcome", mayPublish, async (c) => {
    const row = c.var.record;
    const form = await parseForm(c, OutcomeForm);
    if (!form.ok) return renderPage(c, <OutcomePage page={await pageContext(c)} row={row} problem={form} />, 422);
    await publishOutcome(depsOf(c), { actor: c.var.actor, roles: c.var.actingRoles }, row, form.data);
    return redirectWithFlash(
      c,
      `/consultations/${row.id}`,
      row.state === "active"
        ? "The outcome is published. Everyone watching this consultation has been emailed."
        : "The outcome is amended.",
    );
  });
