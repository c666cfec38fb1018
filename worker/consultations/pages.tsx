// Web pages for consultations: the public list and page (with "you said, we did"), and forms to add, edit and publish outcomes.
import { tz } from "@date-fns/tz";
import { format } from "date-fns";
import { Hono, type Context } from "hono";
import type { VNode } from "preact";
import { commissioningStages, engagementMethods } from "../../shared/consultations/machine";
import {
  ConsultationFilter,
  ConsultationForm,
  ConsultationWithdrawInput,
  LinkResponseInput,
  OutcomeForm,
  type ConsultationFilter as Filter,
} from "../../shared/schemas/consultations";
import { SearchWords } from "../../shared/schemas/common";
import { consultationStatus, isOutcomeOverdue, type ConsultationStatus } from "../../shared/consultations/status";
import { rolesAllowed, type Action } from "../../shared/permissions";
import { formatLondonDateTime, LONDON, londonDate } from "../../shared/time";
import { ensureWatches, isWatching, removeWatch } from "../alerts/service";
import { authorize, publicAccess, recordOf, signedIn } from "../auth/middleware";
import { organisationsReached } from "../platform/reach";
import type { AppEnv } from "../platform/env";
import { AppError, forbidden, notFound } from "../platform/errors";
import { parseForm } from "../platform/validation";
import {
  BackLink,
  Button,
  ErrorSummary,
  Form,
  InsetText,
  Pagination,
  Paragraphs,
  Select,
  SummaryList,
  Table,
  Textarea,
  TextInput,
  WarningCallout,
  type FieldErrors,
  type FormValues,
} from "../web/components";
import { Layout } from "../web/layout";
import { pageContext, redirectWithFlash, renderPage } from "../web/render";
import { randomToken } from "../platform/crypto";
import { Closing, ConsultationStatusTag, outcomeOverdueText, WatchForm } from "../web/deadlines";
import { depsOf } from "../platform/deps";
import { consultationById, consultationFromRow, findConsultation, listConsultations, type ConsultationRow } from "./queries";
import { changeState, createConsultation, markLinkResponded, publishOutcome, updateConsultation } from "./service";
import { pathId } from "../platform/pathId";

export const consultationPages = new Hono<AppEnv>();

const filterLabels: Record<Filter, string> = {
  current: "Open now or opening soon",
  open: "Open",
  closing_soon: "Closing within 7 days",
  upcoming: "Not open yet",
  closed: "Closed",
  outcome_overdue: "Closed, outcome overdue",
  outcome_published: "Outcome published",
  withdrawn: "Withdrawn",
};

const stageOptions = Object.entries(commissioningStages).map(([value, label]) => ({ value, label }));
const methodOptions = Object.entries(engagementMethods).map(([value, label]) => ({ value, label }));

function ConsultationTable({ caption, rows, now }: { caption: string; rows: ConsultationRow[]; now: Date }) {
  return (
    <Table
      caption={caption}
      head={["Consultation", "Status", "Dates"]}
      rows={rows.map((r) => {
        const overdue = isOutcomeOverdue(r, now, r.outcome_overdue_weeks);
        return [
          <>
            <a href={`/consultations/${r.id}`}>{r.title}</a>
            <br />
            <span class="nhsuk-body-s app-muted">{r.organisation_name}</span>
          </>,
          <ConsultationStatusTag status={consultationStatus(r, now)} outcomeOverdue={overdue} />,
          <>
            <Closing closesAt={r.closes_at} now={now} />
            {overdue && r.closes_at ? (
              <>
                <br />
                <strong>{outcomeOverdueText(r.closes_at, now)}</strong>
              </>
            ) : null}
          </>,
        ];
      })}
    />
  );
}

consultationPages.get("/consultations", publicAccess, async (c) => {
  const ctx = await pageContext(c);
  const db = c.var.db;
  const areas = await db.selectFrom("areas").select(["id", "slug", "name"]).orderBy("name").execute();
  const wanted = c.req.query("area") ?? ctx.actor?.memberships[0]?.areaSlug;
  const area = areas.find((a) => a.slug === wanted) ?? areas[0];
  if (!area)
    return renderPage(
      c,
      <Layout ctx={ctx} title="Consultations">
        <h1>Consultations</h1>
        <p>No areas have been set up yet.</p>
      </Layout>,
    );
  const parsedStatus = ConsultationFilter.safeParse(c.req.query("status"));
  const status = parsedStatus.success ? parsedStatus.data : undefined;
  // Search words the text rule refuses search for nothing, as on the petitions page.
  const searched = SearchWords.safeParse(c.req.query("q") ?? "");
  const q = (searched.success && searched.data) || undefined;
  const page = Math.max(1, Math.min(1000, Number.parseInt(c.req.query("page") ?? "1", 10) || 1));
  const now = c.var.now;
  const canAdd = ctx.actor ? (await organisationsReached(db, ctx.actor.memberships, "consultation.create")).length > 0 : false;
  const linkTo = (params: Record<string, string | number | undefined>) =>
    `/consultations?${new URLSearchParams(
      Object.entries({ area: area.slug, ...params })
        .filter(([, v]) => v !== undefined && v !== "")
        .map(([k, v]) => [k, String(v)]),
    )}`;

  let body: VNode;
  if (status || q) {
    const { rows, hasMore } = await listConsultations(db, { areaId: area.id, status, q, page, perPage: 25 }, now);
    body = (
      <>
        {rows.length ? (
          <ConsultationTable
            caption={`${status ? filterLabels[status] : "All consultations"}${q ? ` matching "${q}"` : ""} in ${area.name}`}
            rows={rows}
            now={now}
          />
        ) : (
          <p>No consultations match. Try another status or fewer words.</p>
        )}
        <Pagination
          previous={page > 1 ? linkTo({ status, q, page: page - 1 }) : null}
          next={hasMore ? linkTo({ status, q, page: page + 1 }) : null}
        />
      </>
    );
  } else {
    const [current, closed, overdue, published] = await Promise.all([
      listConsultations(db, { areaId: area.id, status: "current", page: 1, perPage: 25 }, now),
      listConsultations(db, { areaId: area.id, status: "closed", page: 1, perPage: 10 }, now),
      listConsultations(db, { areaId: area.id, status: "outcome_overdue", page: 1, perPage: 1 }, now),
      listConsultations(db, { areaId: area.id, status: "outcome_published", page: 1, perPage: 10 }, now),
    ]);
    body = (
      <>
        <h2>Open now</h2>
        {current.rows.length ? (
          <ConsultationTable caption={`Open consultations in ${area.name}, closing soonest first`} rows={current.rows} now={now} />
        ) : (
          <p>Nothing is open for comment at the moment.</p>
        )}
        {current.hasMore ? (
          <p>
            <a href={linkTo({ status: "current" })}>See all open consultations</a>
          </p>
        ) : null}
        <h2>Recently closed</h2>
        {overdue.rows.length ? (
          <WarningCallout heading="Outcomes overdue">
            <p>
              Some consultations closed a while ago and their outcome has not been published.{" "}
              <a href={linkTo({ status: "outcome_overdue" })}>See consultations with an overdue outcome</a>.
            </p>
          </WarningCallout>
        ) : null}
        {closed.rows.length ? (
          <ConsultationTable caption={`Closed consultations in ${area.name}, most recent first`} rows={closed.rows} now={now} />
        ) : (
          <p>No consultations have closed without an outcome.</p>
        )}
        {closed.hasMore ? (
          <p>
            <a href={linkTo({ status: "closed" })}>See all closed consultations</a>
          </p>
        ) : null}
        <h2>You said, we did</h2>
        {published.rows.length ? (
          <ConsultationTable caption={`Consultations with a published outcome in ${area.name}`} rows={published.rows} now={now} />
        ) : (
          <p>No outcomes have been published yet.</p>
        )}
        {published.hasMore ? (
          <p>
            <a href={linkTo({ status: "outcome_published" })}>See all published outcomes</a>
          </p>
        ) : null}
      </>
    );
  }

  return renderPage(
    c,
    <Layout ctx={ctx} title={`Consultations in ${area.name}`}>
      <h1>Consultations in {area.name}</h1>
      <p class="nhsuk-lede-text">
        Public consultations about local health services: what is open for your views, and what happened to the views people gave.
      </p>
      {canAdd ? (
        <p>
          <a class="nhsuk-button nhsuk-button--secondary" href="/consultations/new">
            Add a consultation
          </a>
        </p>
      ) : null}
      <form action="/consultations" method="get" class="app-filter" role="search" aria-label="Find consultations">
        <Select name="area" label="Area" options={areas.map((a) => ({ value: a.slug, label: a.name }))} value={area.slug} />
        <Select
          name="status"
          label="Status"
          placeholder="Open and recently closed"
          options={Object.entries(filterLabels).map(([value, label]) => ({ value, label }))}
          value={status}
        />
        <TextInput name="q" label="Words in the title or summary" type="search" value={q} width={30} />
        <Button variant="secondary">Show consultations</Button>
      </form>
      {body}
    </Layout>,
  );
});

/** "HH:mm" in London, for filling in a form's time field. */
const londonTime = (instant: string) => format(new Date(instant), "HH:mm", { in: tz(LONDON) });

function formValuesOf(r: ConsultationRow): FormValues {
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

function ConsultationFields({
  errors,
  values,
  organisations,
}: {
  errors: FieldErrors;
  values: FormValues;
  organisations: { id: number; name: string }[] | null;
}) {
  return (
    <>
      {organisations ? (
        <Select
          name="organisationId"
          label="Who runs it"
          placeholder="Choose an organisation"
          options={organisations.map((o) => ({ value: String(o.id), label: o.name }))}
          errors={errors}
          value={values.organisationId}
        />
      ) : (
        <input type="hidden" name="organisationId" value={values.organisationId} />
      )}
      <TextInput name="title" label="Title" errors={errors} value={values.title} />
      <TextInput
        name="url"
        label="Web address of the consultation (optional)"
        hint="Where people can read it and take part. We save each address once per area."
        type="url"
        spellcheck={false}
        errors={errors}
        value={values.url}
      />
      <Textarea
        name="summary"
        label="Summary (optional)"
        hint="In a few sentences: what it is about and who should take part."
        errors={errors}
        value={values.summary}
      />
      <TextInput
        name="opensDate"
        label="Opening date (optional)"
        hint="For example, 2026-03-01. Leave empty if it is already open."
        type="date"
        errors={errors}
        value={values.opensDate}
      />
      <TextInput
        name="opensTime"
        label="Opening time (optional)"
        hint="London time, for example 09:00. If you leave it empty, it opens at the start of the day."
        type="time"
        width={5}
        errors={errors}
        value={values.opensTime}
      />
      <TextInput
        name="closesDate"
        label="Closing date (optional)"
        hint="Leave empty if it has no closing date."
        type="date"
        errors={errors}
        value={values.closesDate}
      />
      <TextInput
        name="closesTime"
        label="Closing time (optional)"
        hint="London time. If you leave it empty, it closes at 11:59pm."
        type="time"
        width={5}
        errors={errors}
        value={values.closesTime}
      />
      <Select
        name="stage"
        label="Commissioning stage (optional)"
        placeholder="Not known"
        options={stageOptions}
        errors={errors}
        value={values.stage}
      />
      <Select
        name="method"
        label="How people take part (optional)"
        placeholder="Not known"
        options={methodOptions}
        errors={errors}
        value={values.method}
      />
    </>
  );
}

async function renderNew<E extends AppEnv>(c: Context<E>, errors: FieldErrors = {}, values: FormValues = {}) {
  const ctx = await pageContext(c);
  const organisations = await organisationsReached(c.var.db, ctx.actor!.memberships, "consultation.create");
  if (organisations.length === 0)
    throw forbidden("Only people who respond for an NHS organisation, or LINk members, can add consultations.");
  return renderPage(
    c,
    <Layout ctx={ctx} title="Add a consultation">
      <BackLink href="/consultations">Consultations</BackLink>
      <ErrorSummary errors={errors} />
      <h1>Add a consultation</h1>
      <p>If someone has already added the same page, we will show you that one instead, and you will be watching it.</p>
      <Form action="/consultations" csrf={ctx.csrf}>
        <input type="hidden" name="clientId" value={values.clientId ?? randomToken(16)} />
        <ConsultationFields errors={errors} values={values} organisations={organisations} />
        <Button>Save consultation</Button>
      </Form>
    </Layout>,
    Object.keys(errors).length ? 422 : 200,
  );
}

consultationPages.get("/consultations/new", signedIn, (c) => renderNew(c));

/** Service errors about one field show on the form; others become the error page. */
async function orFormErrors(run: () => Promise<Response>, show: (errors: FieldErrors) => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AppError && err.fields) return show(renameFields(err.fields));
    throw err;
  }
}

/** The API names instants (opensAt); the form has dates (opensDate). */
function renameFields(fields: Record<string, string>): FieldErrors {
  const names: Record<string, string> = { opensAt: "opensDate", closesAt: "closesDate" };
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [names[k] ?? k, v]));
}

consultationPages.post("/consultations", signedIn, async (c) => {
  const form = await parseForm(c, ConsultationForm);
  if (!form.ok) return renderNew(c, form.errors, form.values);
  const data = form.data;
  const org = await c.var.db.selectFrom("organisations").select("area_id").where("id", "=", data.organisationId).executeTakeFirst();
  const values = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v === null || v === undefined ? "" : String(v)]));
  return orFormErrors(
    async () => {
      const saved = await createConsultation(depsOf(c), c.var.actor!, { ...data, areaId: org?.area_id ?? 0 });
      const message = saved.created
        ? "Consultation saved. You are watching it: we will remind you before it closes."
        : "That page was already being tracked, so here it is. You are watching it now.";
      return redirectWithFlash(c, `/consultations/${saved.consultation.id}`, message);
    },
    (errors) => renderNew(c, errors, values),
  );
});

type Section = "link-response" | "withdraw";

async function renderConsultation<E extends AppEnv>(
  c: Context<E>,
  row: ConsultationRow,
  problem: { section: Section; errors: FieldErrors; values: FormValues } | null = null,
) {
  const ctx = await pageContext(c);
  const now = c.var.now;
  const view = consultationFromRow(row, now, c.env.PUBLIC_URL);
  const actor = ctx.actor;
  const scope = { areaId: row.area_id, organisationIds: [row.organisation_id] };
  const can = (action: Action) => (actor ? rolesAllowed(action, actor.memberships, scope).length > 0 : false);
  const errorsFor = (section: Section) => (problem?.section === section ? problem.errors : {});
  const watching = await isWatching(c.var.db, actor?.personId, { kind: "consultation", id: row.id });
  return renderPage(
    c,
    <Layout ctx={ctx} title={row.title}>
      <BackLink href={`/consultations?area=${row.area_slug}`}>Consultations in {row.area_name}</BackLink>
      <ErrorSummary errors={problem?.errors ?? {}} />
      <span class="nhsuk-caption-l">{row.organisation_name}</span>
      <h1>{row.title}</h1>
      <p>
        <ConsultationStatusTag status={view.status} outcomeOverdue={view.outcomeOverdue} />
      </p>
      {view.outcomeOverdue && row.closes_at ? (
        <WarningCallout heading="Outcome overdue">
          <p>
            {outcomeOverdueText(row.closes_at, now)}. {row.organisation_name} has not yet said what people said, what it decided, and what
            changed.
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
      <SummaryList
        rows={[
          { key: "Run by", value: row.organisation_name },
          { key: "Opens", value: row.opens_at ? formatLondonDateTime(row.opens_at) : "Not given" },
          { key: "Closes", value: <Closing closesAt={row.closes_at} now={now} /> },
          {
            key: "Commissioning stage",
            value: row.stage ? commissioningStages[row.stage as keyof typeof commissioningStages] : "Not given",
          },
          {
            key: "How people take part",
            value: row.method ? engagementMethods[row.method as keyof typeof engagementMethods] : "Not given",
          },
          ...(row.link_responded_at ? [{ key: "LINk responded", value: formatLondonDateTime(row.link_responded_at) }] : []),
        ]}
      />
      <h2>You said, we did</h2>
      {view.outcome ? (
        <>
          <p class="app-muted">Published {formatLondonDateTime(view.outcome.publishedAt)}</p>
          <h3>What people said</h3>
          <Paragraphs text={view.outcome.said} />
          <h3>What was decided</h3>
          <Paragraphs text={view.outcome.decided} />
          <h3>What changed as a result</h3>
          <Paragraphs text={view.outcome.changed} />
        </>
      ) : (
        <InsetText>
          <p>
            {view.status === "withdrawn"
              ? "This consultation was withdrawn."
              : view.status === "closed"
                ? `The outcome has not been published yet. It is expected by ${view.outcomeDueAt ? formatLondonDateTime(view.outcomeDueAt) : "the end of the outcome period"}.`
                : "The outcome will be published here after the consultation closes."}
          </p>
        </InsetText>
      )}
      <WatchPrompt status={view.status} watching={watching} signedIn={Boolean(actor)} id={row.id} csrf={ctx.csrf} />
      {can("consultation.edit") || can("consultation.publish_outcome") ? (
        <ul class="nhsuk-list">
          {can("consultation.edit") ? (
            <li>
              <a href={`/consultations/${row.id}/edit`}>
                Change the details<span class="nhsuk-u-visually-hidden"> of this consultation</span>
              </a>
            </li>
          ) : null}
          {can("consultation.publish_outcome") && view.status !== "withdrawn" ? (
            <li>
              <a href={`/consultations/${row.id}/outcome`}>{view.outcome ? "Amend the outcome" : "Publish the outcome"}</a>
            </li>
          ) : null}
        </ul>
      ) : null}
      {can("consultation.mark_link_responded") && view.status !== "withdrawn" ? (
        <>
          <h2 id="link-response">The LINk's response</h2>
          <Form action={`/consultations/${row.id}/link-response`} csrf={ctx.csrf}>
            <TextInput
              name="respondedOn"
              label="Date the LINk sent its response"
              type="date"
              errors={errorsFor("link-response")}
              value={problem?.section === "link-response" ? problem.values.respondedOn : londonDate(row.link_responded_at ?? now)}
            />
            <Button variant="secondary">Save the date</Button>
          </Form>
        </>
      ) : null}
      {can("consultation.withdraw") && view.status === "withdrawn" ? (
        <Form action={`/consultations/${row.id}/reinstate`} csrf={ctx.csrf}>
          <Button variant="secondary">Reinstate this consultation</Button>
        </Form>
      ) : null}
      {can("consultation.withdraw") && row.state === "active" ? (
        <details class="nhsuk-details" open={problem?.section === "withdraw"}>
          <summary class="nhsuk-details__summary">
            <span class="nhsuk-details__summary-text">Withdraw this consultation</span>
          </summary>
          <div class="nhsuk-details__text">
            <p>For example, if it was cancelled, or the page saved was not a consultation. People watching it get no more reminders.</p>
            <Form action={`/consultations/${row.id}/withdraw`} csrf={ctx.csrf}>
              <Textarea
                name="reason"
                label="Why is it withdrawn?"
                errors={errorsFor("withdraw")}
                value={problem?.section === "withdraw" ? problem.values.reason : ""}
                rows={3}
              />
              <Button variant="warning">Withdraw consultation</Button>
            </Form>
          </div>
        </details>
      ) : null}
    </Layout>,
    problem ? 422 : 200,
  );
}

consultationPages.get("/consultations/:id{[0-9]+}", publicAccess, async (c) => {
  const id = pathId(c);
  const row = id === null ? undefined : await findConsultation(c.var.db, id);
  if (!row) throw notFound("consultation");
  return renderConsultation(c, row);
});

consultationPages.post("/consultations/:id/link-response", authorize("consultation.mark_link_responded", consultationById), async (c) => {
  const row = recordOf<ConsultationRow>(c);
  const form = await parseForm(c, LinkResponseInput);
  if (!form.ok) return renderConsultation(c, row, { section: "link-response", errors: form.errors, values: form.values });
  const respondedOn = form.data.respondedOn;
  return orFormErrors(
    async () => {
      await markLinkResponded(depsOf(c), c.var.actor!, row, respondedOn);
      return redirectWithFlash(c, `/consultations/${row.id}`, "The date of the LINk's response is saved.");
    },
    (errors) => renderConsultation(c, row, { section: "link-response", errors, values: { respondedOn } }),
  );
});

consultationPages.post("/consultations/:id/withdraw", authorize("consultation.withdraw", consultationById), async (c) => {
  const row = recordOf<ConsultationRow>(c);
  const form = await parseForm(c, ConsultationWithdrawInput);
  if (!form.ok) return renderConsultation(c, row, { section: "withdraw", errors: form.errors, values: form.values });
  await changeState(depsOf(c), c.var.actor!, c.var.actingRoles, row, "withdraw", form.data.reason);
  return redirectWithFlash(c, `/consultations/${row.id}`, "The consultation is withdrawn. People watching it get no more reminders.");
});

consultationPages.post("/consultations/:id/reinstate", authorize("consultation.withdraw", consultationById), async (c) => {
  const row = recordOf<ConsultationRow>(c);
  await changeState(depsOf(c), c.var.actor!, c.var.actingRoles, row, "reinstate");
  return redirectWithFlash(c, `/consultations/${row.id}`, "The consultation is reinstated.");
});

/** Watching reminds people before it closes, and tells them when the outcome is published. */
function WatchPrompt({
  status,
  watching,
  signedIn,
  id,
  csrf,
}: {
  status: ConsultationStatus;
  watching: boolean;
  signedIn: boolean;
  id: number;
  csrf: string;
}) {
  const why = status === "closed" ? "to be told when the outcome is published" : "to be reminded before it closes";
  if (!watching && (status === "outcome_published" || status === "withdrawn")) return null;
  if (!signedIn) {
    return (
      <p>
        <a href={`/sign-in?next=${encodeURIComponent(`/consultations/${id}`)}`}>Sign in</a> {why}.
      </p>
    );
  }
  return (
    <>
      {watching ? null : <p>Watch it {why}.</p>}
      <WatchForm action={`/consultations/${id}`} watching={watching} csrf={csrf} what="consultation" />
    </>
  );
}

async function renderEdit<E extends AppEnv>(c: Context<E>, errors: FieldErrors = {}, values?: FormValues) {
  const row = recordOf<ConsultationRow>(c);
  const ctx = await pageContext(c);
  return renderPage(
    c,
    <Layout ctx={ctx} title={`Change: ${row.title}`}>
      <BackLink href={`/consultations/${row.id}`}>Back to the consultation</BackLink>
      <ErrorSummary errors={errors} />
      <h1>Change the details</h1>
      <p>People watching it are reminded at the new times if you change the closing date.</p>
      <Form action={`/consultations/${row.id}/edit`} csrf={ctx.csrf}>
        <ConsultationFields errors={errors} values={values ?? formValuesOf(row)} organisations={null} />
        <Button>Save changes</Button>
      </Form>
    </Layout>,
    Object.keys(errors).length ? 422 : 200,
  );
}

consultationPages.get("/consultations/:id/edit", authorize("consultation.edit", consultationById), (c) => renderEdit(c));

consultationPages.post("/consultations/:id/edit", authorize("consultation.edit", consultationById), async (c) => {
  const form = await parseForm(c, ConsultationForm);
  if (!form.ok) return renderEdit(c, form.errors, form.values);
  const row = recordOf<ConsultationRow>(c);
  const { title, url, summary, opensAt, closesAt, stage, method } = form.data;
  const values = Object.fromEntries(Object.entries(form.data).map(([k, v]) => [k, v === null || v === undefined ? "" : String(v)]));
  return orFormErrors(
    async () => {
      await updateConsultation(depsOf(c), c.var.actor!, row, { title, url: url ?? null, summary, opensAt, closesAt, stage, method });
      return redirectWithFlash(c, `/consultations/${row.id}`, "Your changes are saved.");
    },
    (errors) => renderEdit(c, errors, values),
  );
});

async function renderOutcome<E extends AppEnv>(c: Context<E>, errors: FieldErrors = {}, values?: FormValues) {
  const row = recordOf<ConsultationRow>(c);
  const ctx = await pageContext(c);
  const v = values ?? { said: row.outcome_said ?? "", decided: row.outcome_decided ?? "", changed: row.outcome_changed ?? "" };
  const stillOpen = row.state === "active" && row.closes_at !== null && Date.parse(row.closes_at) > c.var.now.getTime();
  return renderPage(
    c,
    <Layout ctx={ctx} title={`Outcome: ${row.title}`}>
      <BackLink href={`/consultations/${row.id}`}>Back to the consultation</BackLink>
      <ErrorSummary errors={errors} />
      <span class="nhsuk-caption-l">{row.title}</span>
      <h1>{row.state === "outcome_published" ? "Amend the outcome" : "Publish the outcome"}</h1>
      {stillOpen && row.closes_at ? (
        <InsetText>
          <p>This consultation is still open. You can publish the outcome after it closes at {formatLondonDateTime(row.closes_at)}.</p>
        </InsetText>
      ) : (
        <>
          <p>Tell people what happened to their views. Everyone watching this consultation gets an email when you first publish it.</p>
          <Form action={`/consultations/${row.id}/outcome`} csrf={ctx.csrf}>
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
        </>
      )}
    </Layout>,
    Object.keys(errors).length ? 422 : 200,
  );
}

consultationPages.get("/consultations/:id/outcome", authorize("consultation.publish_outcome", consultationById), (c) => renderOutcome(c));

consultationPages.post("/consultations/:id/outcome", authorize("consultation.publish_outcome", consultationById), async (c) => {
  const form = await parseForm(c, OutcomeForm);
  if (!form.ok) return renderOutcome(c, form.errors, form.values);
  const row = recordOf<ConsultationRow>(c);
  const first = row.state === "active";
  await publishOutcome(depsOf(c), c.var.actor!, c.var.actingRoles, row, form.data);
  return redirectWithFlash(
    c,
    `/consultations/${row.id}`,
    first ? "The outcome is published. Everyone watching this consultation has been emailed." : "The outcome is amended.",
  );
});

consultationPages.post("/consultations/:id{[0-9]+}/watch", signedIn, async (c) => {
  const id = pathId(c);
  if (id === null || !(await findConsultation(c.var.db, id))) throw notFound("consultation");
  await ensureWatches(c.var.db, c.env.DB, [{ personId: c.var.actor!.personId, target: { kind: "consultation", id } }], c.var.now);
  return redirectWithFlash(c, `/consultations/${id}`, "You are watching this consultation. We will email you before it closes.");
});

consultationPages.post("/consultations/:id{[0-9]+}/unwatch", signedIn, async (c) => {
  const id = pathId(c);
  if (id === null) throw notFound("consultation");
  await removeWatch(c.var.db, c.var.actor!.personId, { target: { kind: "consultation", id } });
  return redirectWithFlash(c, `/consultations/${id}`, "You are no longer watching this consultation.");
});
