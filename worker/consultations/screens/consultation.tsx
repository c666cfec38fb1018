// One consultation's public page ("you said, we did" when published), and the forms posted from it:
// the LINk's response, withdrawing and reinstating, watching.
import { type Context, Hono } from "hono";
import { commissioningStages, consultationMachine, engagementMethods } from "../../../shared/consultations/machine";
import type { ConsultationStatus } from "../../../shared/consultations/status";
import { type Action, rolesAllowed } from "../../../shared/permissions";
import { ConsultationWithdrawInput, type Consultation, LinkResponseInput } from "../../../shared/schemas/consultations";
import { availableEvents } from "../../../shared/stateMachine";
import { formatLondonDateTime, londonDate } from "../../../shared/time";
import { ensureWatches, isWatching, removeWatch } from "../../alerts/service";
import { authorize, publicAccess, signedIn } from "../../auth/middleware";
import type { Actor } from "../../platform/actor";
import { type Deps, depsOf } from "../../platform/deps";
import type { AppEnv } from "../../platform/env";
import { notFound } from "../../platform/errors";
import { pathId } from "../../platform/pathId";
import { parseForm } from "../../platform/validation";
import {
  BackLink,
  Button,
  ErrorSummary,
  Form,
  InsetText,
  Paragraphs,
  type Problem,
  SummaryList,
  Textarea,
  TextInput,
  WarningCallout,
} from "../../web/components";
import { Closing, ConsultationStatusTag, outcomeOverdueText, WatchForm } from "../../web/deadlines";
import { Layout } from "../../web/layout";
import { type PageContext, pageContext, redirectWithFlash, renderPage } from "../../web/render";
import { orFormErrors } from "../components";
import { type ConsultationRow, consultationById, consultationFromRow, requireConsultation } from "../queries";
import { markLinkResponded, reinstateConsultation, withdrawConsultation } from "../service";

/** The forms on the page; a problem names the one sent back to be corrected. */
type Section = "link-response" | "withdraw";

/** What the person may do here (the buttons and links shown). */
interface Actions {
  edit: boolean;
  outcome: "publish" | "amend" | null;
  linkResponse: boolean;
  withdraw: boolean;
  reinstate: boolean;
}

export interface ConsultationView {
  page: PageContext;
  row: ConsultationRow;
  /** As the API gives it: the status, whether the outcome is overdue, the outcome and when it is due. */
  consultation: Consultation;
  watching: boolean;
  actions: Actions;
  problem: (Problem & { section: Section }) | null;
}

function actionsFor(caller: Actor | null, row: ConsultationRow): Actions {
  const scope = { areaId: row.area_id, organisationIds: [row.organisation_id] };
  const roles = (action: Action) => (caller ? rolesAllowed(action, caller.memberships, scope) : []);
  const withdrawing = availableEvents(consultationMachine, row.state, roles("consultation.withdraw"));
  const publishing = availableEvents(consultationMachine, row.state, roles("consultation.publish_outcome"));
  return {
    edit: roles("consultation.edit").length > 0,
    outcome: publishing.includes("publish_outcome") ? "publish" : publishing.includes("amend_outcome") ? "amend" : null,
    linkResponse: roles("consultation.mark_link_responded").length > 0 && row.state !== "withdrawn",
    withdraw: withdrawing.includes("withdraw"),
    reinstate: withdrawing.includes("reinstate"),
  };
}

export async function loadConsultation(
  deps: Deps,
  caller: Actor | null,
  row: ConsultationRow,
): Promise<Omit<ConsultationView, "page" | "problem">> {
  const watching = await isWatching(deps.db, caller?.personId, { kind: "consultation", id: row.id });
  return { row, consultation: consultationFromRow(row, deps.now, deps.publicUrl), watching, actions: actionsFor(caller, row) };
}

function Details({ row, now }: { row: ConsultationRow; now: Date }) {
  return (
    <SummaryList
      rows={[
        { key: "Run by", value: row.organisation_name },
        { key: "Opens", value: row.opens_at ? formatLondonDateTime(row.opens_at) : "Not given" },
        { key: "Closes", value: <Closing closesAt={row.closes_at} now={now} /> },
        { key: "Commissioning stage", value: row.stage ? commissioningStages[row.stage] : "Not given" },
        { key: "How people take part", value: row.method ? engagementMethods[row.method] : "Not given" },
        ...(row.link_responded_at ? [{ key: "LINk responded", value: formatLondonDateTime(row.link_responded_at) }] : []),
      ]}
    />
  );
}

function Outcome({ consultation }: { consultation: Consultation }) {
  const { outcome, status, outcomeDueAt } = consultation;
  if (outcome) {
    return (
      <>
        <p class="app-muted">Published {formatLondonDateTime(outcome.publishedAt)}</p>
        <h3>What people said</h3>
        <Paragraphs text={outcome.said} />
        <h3>What was decided</h3>
        <Paragraphs text={outcome.decided} />
        <h3>What changed as a result</h3>
        <Paragraphs text={outcome.changed} />
      </>
    );
  }
  const expected = outcomeDueAt ? formatLondonDateTime(outcomeDueAt) : "the end of the outcome period";
  return (
    <InsetText>
      <p>
        {status === "withdrawn"
          ? "This consultation was withdrawn."
          : status === "closed"
            ? `The outcome has not been published yet. It is expected by ${expected}.`
            : "The outcome will be published here after the consultation closes."}
      </p>
    </InsetText>
  );
}

/** Watching reminds people before it closes, and tells them when the outcome is published. */
function WatchPrompt({ status, watching, page, id }: { status: ConsultationStatus; watching: boolean; page: PageContext; id: number }) {
  const why = status === "closed" ? "to be told when the outcome is published" : "to be reminded before it closes";
  if (!watching && (status === "outcome_published" || status === "withdrawn")) return null;
  if (!page.actor) {
    return (
      <p>
        <a href={`/sign-in?next=${encodeURIComponent(`/consultations/${id}`)}`}>Sign in</a> {why}.
      </p>
    );
  }
  return (
    <>
      {watching ? null : <p>Watch it {why}.</p>}
      <WatchForm action={`/consultations/${id}`} watching={watching} csrf={page.csrf} what="consultation" />
    </>
  );
}

function ActionLinks({ id, actions }: { id: number; actions: Actions }) {
  if (!actions.edit && !actions.outcome) return null;
  return (
    <ul class="nhsuk-list">
      {actions.edit ? (
        <li>
          <a href={`/consultations/${id}/edit`}>
            Change the details<span class="nhsuk-u-visually-hidden"> of this consultation</span>
          </a>
        </li>
      ) : null}
      {actions.outcome ? (
        <li>
          <a href={`/consultations/${id}/outcome`}>{actions.outcome === "amend" ? "Amend the outcome" : "Publish the outcome"}</a>
        </li>
      ) : null}
    </ul>
  );
}

interface FormProps {
  row: ConsultationRow;
  page: PageContext;
  problem: ConsultationView["problem"];
}

/** The problem's errors and values for one form (none for the others). */
const problemFor = (problem: ConsultationView["problem"], section: Section) => (problem?.section === section ? problem : null);

function LinkResponseForm({ row, page, problem }: FormProps) {
  const mine = problemFor(problem, "link-response");
  return (
    <>
      <h2 id="link-response">The LINk's response</h2>
      <Form action={`/consultations/${row.id}/link-response`} csrf={page.csrf}>
        <TextInput
          name="respondedOn"
          label="Date the LINk sent its response"
          type="date"
          errors={mine?.errors ?? {}}
          value={mine ? mine.values.respondedOn : londonDate(row.link_responded_at ?? page.now)}
        />
        <Button variant="secondary">Save the date</Button>
      </Form>
    </>
  );
}

function WithdrawForm({ row, page, problem }: FormProps) {
  const mine = problemFor(problem, "withdraw");
  return (
    <details class="nhsuk-details" open={mine !== null}>
      <summary class="nhsuk-details__summary">
        <span class="nhsuk-details__summary-text">Withdraw this consultation</span>
      </summary>
      <div class="nhsuk-details__text">
        <p>For example, if it was cancelled, or the page saved was not a consultation. People watching it get no more reminders.</p>
        <Form action={`/consultations/${row.id}/withdraw`} csrf={page.csrf}>
          <Textarea
            name="reason"
            label="Why is it withdrawn?"
            errors={mine?.errors ?? {}}
            value={mine ? mine.values.reason : ""}
            rows={3}
          />
          <Button variant="warning">Withdraw consultation</Button>
        </Form>
      </div>
    </details>
  );
}

export function ConsultationPage({ page, row, consultation, watching, actions, problem }: ConsultationView) {
  const { status, outcomeOverdue } = consultation;
  return (
    <Layout ctx={page} title={row.title}>
      <BackLink href={`/consultations?area=${row.area_slug}`}>Consultations in {row.area_name}</BackLink>
      <ErrorSummary errors={problem?.errors ?? {}} />
      <span class="nhsuk-caption-l">{row.organisation_name}</span>
      <h1>{row.title}</h1>
      <p>
        <ConsultationStatusTag status={status} outcomeOverdue={outcomeOverdue} />
      </p>
      {outcomeOverdue && row.closes_at ? (
        <WarningCallout heading="Outcome overdue">
          <p>
            {outcomeOverdueText(row.closes_at, page.now)}. {row.organisation_name} has not yet said what people said, what it decided, and
            what changed.
          </p>
        </WarningCallout>
      ) : null}
      <Paragraphs text={row.summary} />
      {row.url ? (
        <p>
          <a href={row.url} rel="noopener noreferrer">
            Read the consultation and take part<span class="nhsuk-u-visually-hidden"> on {row.organisation_name}'s website</span>
          </a>
        </p>
      ) : null}
      <Details row={row} now={page.now} />
      <h2>You said, we did</h2>
      <Outcome consultation={consultation} />
      <WatchPrompt status={status} watching={watching} page={page} id={row.id} />
      <ActionLinks id={row.id} actions={actions} />
      {actions.linkResponse ? <LinkResponseForm row={row} page={page} problem={problem} /> : null}
      {actions.reinstate ? (
        <Form action={`/consultations/${row.id}/reinstate`} csrf={page.csrf}>
          <Button variant="secondary">Reinstate this consultation</Button>
        </Form>
      ) : null}
      {actions.withdraw ? <WithdrawForm row={row} page={page} problem={problem} /> : null}
    </Layout>
  );
}

/** The page, or (with a problem) the page with one form sent back to be corrected (422). */
async function showConsultation<E extends AppEnv>(c: Context<E>, row: ConsultationRow, problem: ConsultationView["problem"] = null) {
  const page = await pageContext(c);
  const view = await loadConsultation(depsOf(c), c.var.caller, row);
  return renderPage(c, <ConsultationPage page={page} {...view} problem={problem} />, problem ? 422 : 200);
}

export const consultationScreen = new Hono<AppEnv>()
  .get("/consultations/:id{[0-9]+}", publicAccess, async (c) => showConsultation(c, await requireConsultation(c.var.db, pathId(c))))
  .post("/consultations/:id/link-response", authorize("consultation.mark_link_responded", consultationById), async (c) => {
    const row = c.var.record;
    const form = await parseForm(c, LinkResponseInput);
    if (!form.ok) return showConsultation(c, row, { section: "link-response", errors: form.errors, values: form.values });
    const input = form.data;
    return orFormErrors(
      async () => {
        await markLinkResponded(depsOf(c), { actor: c.var.actor, roles: c.var.actingRoles }, row, input);
        return redirectWithFlash(c, `/consultations/${row.id}`, "The date of the LINk's response is saved.");
      },
      (errors) => showConsultation(c, row, { section: "link-response", errors, values: { respondedOn: input.respondedOn } }),
    );
  })
  .post("/consultations/:id/withdraw", authorize("consultation.withdraw", consultationById), async (c) => {
    const row = c.var.record;
    const form = await parseForm(c, ConsultationWithdrawInput);
    if (!form.ok) return showConsultation(c, row, { section: "withdraw", errors: form.errors, values: form.values });
    await withdrawConsultation(depsOf(c), { actor: c.var.actor, roles: c.var.actingRoles }, row, form.data);
    return redirectWithFlash(c, `/consultations/${row.id}`, "The consultation is withdrawn. People watching it get no more reminders.");
  })
  .post("/consultations/:id/reinstate", authorize("consultation.withdraw", consultationById), async (c) => {
    await reinstateConsultation(depsOf(c), { actor: c.var.actor, roles: c.var.actingRoles }, c.var.record);
    return redirectWithFlash(c, `/consultations/${c.var.record.id}`, "The consultation is reinstated.");
  })
  .post("/consultations/:id{[0-9]+}/watch", signedIn, async (c) => {
    const deps = depsOf(c);
    const { id } = await requireConsultation(deps.db, pathId(c));
    await ensureWatches(deps.db, deps.d1, [{ personId: c.var.actor.personId, target: { kind: "consultation", id } }], deps.now);
    return redirectWithFlash(c, `/consultations/${id}`, "You are watching this consultation. We will email you before it closes.");
  })
  .post("/consultations/:id{[0-9]+}/unwatch", signedIn, async (c) => {
    const id = pathId(c);
    if (id === null) throw notFound("consultation");
    await removeWatch(c.var.db, c.var.actor.personId, { target: { kind: "consultation", id } });
    return redirectWithFlash(c, `/consultations/${id}`, "You are no longer watching this consultation.");
  });
