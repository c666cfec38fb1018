// Web pages for statutory requests: the list for my organisations, raising one (works without JavaScript),
// and one request's thread and timeline with the reply, note and withdraw forms for each side.
import { Hono, type Context } from "hono";
import { obligationKinds } from "../../shared/obligations/machine";
import { obligationStatus, raisableKinds, raiseRules, raisingOrganisationId, type RaisableKind } from "../../shared/obligations/rules";
import { rolesAllowed, type Action } from "../../shared/permissions";
import { organisationKindLabels, type OrganisationKind } from "../../shared/roles";
import { NoteForm, ObligationForm, ReplyForm, WithdrawInput } from "../../shared/schemas/obligations";
import { formatLondonDate, formatLondonDateTime } from "../../shared/time";
import { ensureWatches, isWatching, removeWatch } from "../alerts/service";
import type { Actor } from "../platform/actor";
import { authorize, recordOf, signedIn } from "../auth/middleware";
import { organisationsReached } from "../platform/reach";
import { randomToken } from "../platform/crypto";
import type { AppEnv } from "../platform/env";
import { AppError, forbidden } from "../platform/errors";
import { parseForm } from "../platform/validation";
import {
  BackLink,
  Button,
  ErrorSummary,
  Form,
  InsetText,
  Pagination,
  Paragraphs,
  Radios,
  Select,
  SummaryList,
  Table,
  Textarea,
  TextInput,
  type FieldErrors,
  type FormValues,
} from "../web/components";
import { Layout } from "../web/layout";
import { pageContext, redirectWithFlash, renderPage } from "../web/render";
import { Due, LinkFields, LinkList, ObligationStatusTag, WatchForm } from "../web/deadlines";
import { depsOf } from "../platform/deps";
import { visibleTo } from "./api";
import {
  listObligations,
  obligationById,
  obligationOwedBy,
  obligationRaisingSide,
  threadOf,
  timelineOf,
  type ObligationRow,
} from "./queries";
import { addNote, raiseObligation, replyToObligation, withdrawObligation } from "./service";

export const obligationPages = new Hono<AppEnv>();

const tabs = [
  { status: "unanswered", label: "Waiting for a reply" },
  { status: "met", label: "Answered" },
  { status: "withdrawn", label: "Withdrawn" },
] as const;

obligationPages.get("/obligations", signedIn, async (c) => {
  const ctx = await pageContext(c);
  const actor = ctx.actor!;
  const tab = tabs.find((t) => t.status === c.req.query("status")) ?? tabs[0];
  const page = Math.max(1, Math.min(1000, Number.parseInt(c.req.query("page") ?? "1", 10) || 1));
  const now = c.var.now;
  const [{ rows, hasMore }, canRaise] = await Promise.all([
    listObligations(c.var.db, { ...visibleTo(actor), status: tab.status, page, perPage: 25 }, now),
    organisationsReached(c.var.db, actor.memberships, "obligation.raise"),
  ]);
  const link = (status: string, p = 1) => `/obligations?status=${status}${p > 1 ? `&page=${p}` : ""}`;
  return renderPage(
    c,
    <Layout ctx={ctx} title="Requests">
      <h1>Requests</h1>
      <p class="nhsuk-lede-text">
        Requests for information, reports and referrals your organisations have sent or must answer, and when each is due.
      </p>
      {canRaise.length ? (
        <p>
          <a class="nhsuk-button" href="/obligations/new">
            Raise a request
          </a>
        </p>
      ) : null}
      <nav aria-label="Requests by status">
        <ul class="app-tag-list">
          {tabs.map((t) => (
            <li key={t.status}>
              {t.status === tab.status ? <strong aria-current="page">{t.label}</strong> : <a href={link(t.status)}>{t.label}</a>}
            </li>
          ))}
        </ul>
      </nav>
      {rows.length === 0 ? (
        <p>There are no requests here.</p>
      ) : (
        <Table
          caption={`${tab.label}${tab.status === "unanswered" ? ", due soonest first" : ""}`}
          head={["Request", "From and to", "Due", "Status"]}
          rows={rows.map((o) => [
            <>
              <a href={`/obligations/${o.id}`}>{o.title}</a>
              <br />
              <span class="nhsuk-body-s app-muted">{obligationKinds[o.kind as keyof typeof obligationKinds]?.label}</span>
            </>,
            <>
              {o.owed_to_name ?? "—"} to {o.owed_by_name}
            </>,
            <Due dueAt={o.due_at} now={now} open={o.state === "open"} />,
            <ObligationStatusTag status={obligationStatus(o, now)} metLate={o.met_late === 1} />,
          ])}
        />
      )}
      <Pagination previous={page > 1 ? link(tab.status, page - 1) : null} next={hasMore ? link(tab.status, page + 1) : null} />
    </Layout>,
  );
});

type Org = { id: number; name: string; area_id: number; kind: string };

/** For a kind: organisations the person can raise it for, and those it can be addressed to in the same areas. */
async function partiesFor<E extends AppEnv>(c: Context<E>, actor: Actor, kind: RaisableKind) {
  const rule = raiseRules[kind];
  const reached = (await organisationsReached(c.var.db, actor.memberships, "obligation.raise")) as Org[];
  const raisingKinds: readonly string[] = rule.raisedBy === "owed_to" ? rule.owedTo : rule.owedBy;
  const counterpartKinds: readonly string[] = rule.raisedBy === "owed_to" ? rule.owedBy : rule.owedTo;
  const raising = reached.filter((o) => raisingKinds.includes(o.kind));
  const areas = [...new Set(raising.map((o) => o.area_id))];
  const counterparts = areas.length
    ? (
        (await c.var.db
          .selectFrom("organisations")
          .select(["id", "name", "area_id", "kind"])
          .where("area_id", "in", areas)
          .orderBy("name")
          .limit(500)
          .execute()) as Org[]
      ).filter((o) => counterpartKinds.includes(o.kind))
    : [];
  return { rule, raising, counterparts };
}

async function kindsAvailable<E extends AppEnv>(c: Context<E>, actor: Actor): Promise<RaisableKind[]> {
  const available: RaisableKind[] = [];
  for (const kind of raisableKinds) if ((await partiesFor(c, actor, kind)).raising.length) available.push(kind);
  return available;
}

const kindHints: Record<RaisableKind, string> = {
  information_request:
    "Ask a commissioner or provider for information. They must reply within 20 working days unless your area set another period.",
  report: "Send a report or recommendations, for example after an enter and view visit. The organisation must reply.",
  osc_referral: "Refer a matter to the overview and scrutiny committee. The committee must acknowledge it.",
  osc_consultation_response:
    "Record that an NHS body has consulted the scrutiny committee, and the date it set for the committee's response.",
};

async function renderNew<E extends AppEnv>(c: Context<E>, kind: RaisableKind | null, errors: FieldErrors = {}, values: FormValues = {}) {
  const ctx = await pageContext(c);
  const actor = ctx.actor!;
  const available = await kindsAvailable(c, actor);
  if (available.length === 0) throw forbidden("Only LINk members and scrutiny clerks can raise requests, for their own organisation.");
  if (!kind || !available.includes(kind)) {
    return renderPage(
      c,
      <Layout ctx={ctx} title="Raise a request">
        <BackLink href="/obligations">Requests</BackLink>
        <ErrorSummary errors={kind ? { kind: "Choose what you want to raise" } : {}} />
        <form action="/obligations/new" method="get" novalidate>
          <Radios
            name="kind"
            legend="What do you want to raise?"
            options={available.map((k) => ({ value: k, label: obligationKinds[k].label, hint: kindHints[k] }))}
            errors={kind ? { kind: "Choose what you want to raise" } : {}}
          />
          <Button>Continue</Button>
        </form>
      </Layout>,
      kind ? 422 : 200,
    );
  }
  const { rule, raising, counterparts } = await partiesFor(c, actor, kind);
  const raisingField = rule.raisedBy === "owed_to" ? "owedToOrganisationId" : "owedByOrganisationId";
  const counterpartField = rule.raisedBy === "owed_to" ? "owedByOrganisationId" : "owedToOrganisationId";
  const label = obligationKinds[kind].label;
  return renderPage(
    c,
    <Layout ctx={ctx} title={`Raise a ${label.toLowerCase()}`}>
      <BackLink href="/obligations/new">Choose another kind of request</BackLink>
      <ErrorSummary errors={errors} />
      <h1>{label}</h1>
      <p>{kindHints[kind]}</p>
      <Form action="/obligations" csrf={ctx.csrf}>
        <input type="hidden" name="clientId" value={values.clientId ?? randomToken(16)} />
        <input type="hidden" name="kind" value={kind} />
        {raising.length === 1 ? (
          <input type="hidden" name={raisingField} value={String(raising[0]!.id)} />
        ) : (
          <Select
            name={raisingField}
            label="On behalf of"
            placeholder="Choose"
            options={raising.map((o) => ({ value: String(o.id), label: o.name }))}
            errors={errors}
            value={values[raisingField]}
          />
        )}
        <Select
          name={counterpartField}
          label={rule.raisedBy === "owed_to" ? "Who is it to?" : "Which organisation asked for the response?"}
          hint={
            rule.raisedBy === "owed_to"
              ? `Choose ${rule.addressedTo} in your area.`
              : "The NHS body or council that consulted the committee."
          }
          placeholder="Choose"
          options={counterparts.map((o) => ({
            value: String(o.id),
            label: `${o.name} (${organisationKindLabels[o.kind as OrganisationKind]})`,
          }))}
          errors={errors}
          value={values[counterpartField]}
        />
        <TextInput
          name="title"
          label="Title"
          hint="A short name for it, for the clock and for emails."
          errors={errors}
          value={values.title}
        />
        <Textarea
          name="body"
          label={kind === "osc_consultation_response" ? "What the committee is being consulted about" : "What you are asking or reporting"}
          errors={errors}
          value={values.body}
          rows={8}
        />
        <LinkFields errors={errors} values={values} />
        <TextInput
          name="receivedOn"
          label="Date it was received (optional)"
          hint="If you sent it before today, the date the organisation received it. The due date counts from here. Leave empty for today."
          type="date"
          errors={errors}
          value={values.receivedOn}
        />
        {rule.due === "date_given" ? (
          <TextInput
            name="dueDate"
            label="Date the response is due"
            hint="The date the consulting body set."
            type="date"
            errors={errors}
            value={values.dueDate}
          />
        ) : null}
        <Button>Send the {label.toLowerCase()}</Button>
      </Form>
    </Layout>,
    Object.keys(errors).length ? 422 : 200,
  );
}

const isRaisableKind = (k: string | undefined): k is RaisableKind => (raisableKinds as readonly string[]).includes(k ?? "");

obligationPages.get("/obligations/new", signedIn, (c) => {
  const kind = c.req.query("kind");
  return renderNew(c, kind === undefined ? null : isRaisableKind(kind) ? kind : ("" as RaisableKind));
});

obligationPages.post("/obligations", signedIn, async (c) => {
  const form = await parseForm(c, ObligationForm);
  if (!form.ok) return renderNew(c, isRaisableKind(form.values.kind) ? form.values.kind : null, form.errors, form.values);
  const kind = form.data.kind;
  const values = flatValues(form.data as unknown as Record<string, unknown>);
  try {
    const { obligation } = await raiseObligation(depsOf(c), c.var.actor!, form.data);
    return redirectWithFlash(
      c,
      `/obligations/${obligation.id}`,
      `Sent to ${obligation.owed_by_name}. A reply is due by the end of ${formatLondonDate(obligation.due_at)}.`,
    );
  } catch (err) {
    if (err instanceof AppError && err.fields) return renderNew(c, kind, err.fields, values);
    throw err;
  }
});

/** Typed values back into form fields, including links as links.N.title / links.N.url. */
function flatValues(data: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const [k, v] of Object.entries(data)) {
    if (k === "links" && Array.isArray(v)) {
      v.forEach((l: { title: string; url: string }, i) => {
        values[`links.${i}.title`] = l.title;
        values[`links.${i}.url`] = l.url;
      });
    } else if (v !== undefined && v !== null) values[k] = String(v);
  }
  return values;
}

type Section = "reply" | "note" | "withdraw";

async function renderObligation<E extends AppEnv>(
  c: Context<E>,
  problem: { section: Section; errors: FieldErrors; values: FormValues } | null = null,
) {
  const row = recordOf<ObligationRow>(c);
  const ctx = await pageContext(c);
  const actor = ctx.actor!;
  const now = c.var.now;
  const [messages, timeline, watching] = await Promise.all([
    threadOf(c.var.db, row.id),
    timelineOf(c.var.db, row.id),
    isWatching(c.var.db, actor.personId, { kind: "obligation", id: row.id }),
  ]);
  const status = obligationStatus(row, now);
  const raising = raisingOrganisationId(row);
  const may = (action: Action, organisationIds: number[]) =>
    rolesAllowed(action, actor.memberships, { areaId: row.area_id, organisationIds }).length > 0;
  const canReply = row.state === "open" && may("obligation.reply", [row.owed_by_organisation_id]);
  const canNote = raising !== null && may("obligation.raise", [raising]);
  const canWithdraw = row.state === "open" && raising !== null && may("obligation.withdraw", [raising]);
  const errorsFor = (s: Section) => (problem?.section === s ? problem.errors : {});
  const valuesFor = (s: Section) => (problem?.section === s ? problem.values : {});
  const label = obligationKinds[row.kind as keyof typeof obligationKinds]?.label ?? "Request";
  return renderPage(
    c,
    <Layout ctx={ctx} title={row.title}>
      <BackLink href="/obligations">Requests</BackLink>
      <ErrorSummary errors={problem?.errors ?? {}} />
      <span class="nhsuk-caption-l">{label}</span>
      <h1>{row.title}</h1>
      <p>
        <ObligationStatusTag status={status} metLate={row.met_late === 1} />
      </p>
      <SummaryList
        rows={[
          { key: "From", value: row.owed_to_name ?? "Not recorded" },
          { key: "To", value: row.owed_by_name },
          { key: "Received", value: formatLondonDate(row.received_at) },
          { key: "Reply due", value: <Due dueAt={row.due_at} now={now} open={row.state === "open"} /> },
          ...(row.met_at
            ? [
                {
                  key: "Answered",
                  value: `${formatLondonDateTime(row.met_at)}${row.met_late === 1 ? ", after the due date" : ", on time"}`,
                },
              ]
            : []),
          ...(row.withdrawn_at ? [{ key: "Withdrawn", value: formatLondonDateTime(row.withdrawn_at) }] : []),
        ]}
      />
      <h2>Messages</h2>
      {messages.some((m) => m.kind === "request") ? null : (
        <div class="nhsuk-card app-thread-message">
          <div class="nhsuk-card__content">
            <h3 class="nhsuk-card__heading nhsuk-heading-s">The request{row.owed_to_name ? ` from ${row.owed_to_name}` : ""}</h3>
            <p class="nhsuk-body-s app-muted">{formatLondonDate(row.received_at)}</p>
            <Paragraphs text={row.body || "No details were recorded."} />
          </div>
        </div>
      )}
      {messages.map((m) => (
        <div class="nhsuk-card app-thread-message" key={m.id}>
          <div class="nhsuk-card__content">
            <h3 class="nhsuk-card__heading nhsuk-heading-s">
              {m.kind === "request" ? "The request" : m.kind === "reply" ? "Reply" : "Note"} from {m.authorName ?? "someone"}
              {m.authorOrganisationName ? `, ${m.authorOrganisationName}` : ""}
            </h3>
            <p class="nhsuk-body-s app-muted">{formatLondonDateTime(m.createdAt)}</p>
            <Paragraphs text={m.body} />
            <LinkList links={m.links} />
          </div>
        </div>
      ))}
      {canReply ? (
        <>
          <h2 id="reply">Reply for {row.owed_by_name}</h2>
          <p>
            Your reply answers the request: both sides will see it here
            {Date.parse(row.due_at) < now.getTime() ? ". It is now past the due date, so it will be recorded as late" : ""}.
          </p>
          <Form action={`/obligations/${row.id}/reply`} csrf={ctx.csrf}>
            <Textarea name="body" label="Your reply" errors={errorsFor("reply")} value={valuesFor("reply").body} rows={8} />
            <LinkFields errors={errorsFor("reply")} values={valuesFor("reply")} />
            <Button>Send reply</Button>
          </Form>
        </>
      ) : null}
      {canNote ? (
        <>
          <h2 id="note">Add a note</h2>
          <Form action={`/obligations/${row.id}/note`} csrf={ctx.csrf}>
            <Textarea
              name="body"
              label="Note"
              hint="For example, a reminder you sent, or what you thought of the reply. Both sides can read it."
              errors={errorsFor("note")}
              value={valuesFor("note").body}
            />
            <LinkFields errors={errorsFor("note")} values={valuesFor("note")} />
            <Button variant="secondary">Add note</Button>
          </Form>
        </>
      ) : null}
      {canWithdraw ? (
        <details class="nhsuk-details" open={problem?.section === "withdraw"}>
          <summary class="nhsuk-details__summary">
            <span class="nhsuk-details__summary-text">Withdraw this request</span>
          </summary>
          <div class="nhsuk-details__text">
            <Form action={`/obligations/${row.id}/withdraw`} csrf={ctx.csrf}>
              <Textarea
                name="reason"
                label="Why are you withdrawing it?"
                errors={errorsFor("withdraw")}
                value={valuesFor("withdraw").reason}
                rows={3}
              />
              <Button variant="warning">Withdraw request</Button>
            </Form>
          </div>
        </details>
      ) : null}
      <h2>Timeline</h2>
      {timeline.length ? (
        <ol class="nhsuk-list">
          {timeline.map((t, i) => (
            <li key={i}>
              <strong>{formatLondonDateTime(t.at)}</strong>: {t.what} <span class="app-muted">({t.who})</span>
            </li>
          ))}
        </ol>
      ) : (
        <InsetText>
          <p>Raised {formatLondonDate(row.received_at)}. Nothing else has happened yet.</p>
        </InsetText>
      )}
      {row.state === "open" ? <WatchForm action={`/obligations/${row.id}`} watching={watching} csrf={ctx.csrf} what="request" /> : null}
    </Layout>,
    problem ? 422 : 200,
  );
}

obligationPages.get("/obligations/:id{[0-9]+}", authorize("obligation.view", obligationById), (c) => renderObligation(c));

obligationPages.post("/obligations/:id/reply", authorize("obligation.reply", obligationOwedBy), async (c) => {
  const form = await parseForm(c, ReplyForm);
  if (!form.ok) return renderObligation(c, { section: "reply", errors: form.errors, values: form.values });
  const row = await replyToObligation(depsOf(c), c.var.actor!, c.var.actingRoles, recordOf<ObligationRow>(c), form.data);
  return redirectWithFlash(
    c,
    `/obligations/${row.id}`,
    row.met_late === 1 ? "Your reply is sent. It was recorded as late." : "Your reply is sent, on time.",
  );
});

obligationPages.post("/obligations/:id/note", authorize("obligation.raise", obligationRaisingSide), async (c) => {
  const form = await parseForm(c, NoteForm);
  if (!form.ok) return renderObligation(c, { section: "note", errors: form.errors, values: form.values });
  const row = recordOf<ObligationRow>(c);
  await addNote(depsOf(c), c.var.actor!, row, form.data);
  return redirectWithFlash(c, `/obligations/${row.id}`, "Your note is added.");
});

obligationPages.post("/obligations/:id/withdraw", authorize("obligation.withdraw", obligationRaisingSide), async (c) => {
  const form = await parseForm(c, WithdrawInput);
  if (!form.ok) return renderObligation(c, { section: "withdraw", errors: form.errors, values: form.values });
  const row = await withdrawObligation(depsOf(c), c.var.actor!, c.var.actingRoles, recordOf<ObligationRow>(c), form.data);
  return redirectWithFlash(c, `/obligations/${row.id}`, "The request is withdrawn.");
});

obligationPages.post("/obligations/:id/watch", authorize("obligation.view", obligationById), async (c) => {
  const row = recordOf<ObligationRow>(c);
  await ensureWatches(c.var.db, c.env.DB, [{ personId: c.var.actor!.personId, target: { kind: "obligation", id: row.id } }], c.var.now);
  return redirectWithFlash(c, `/obligations/${row.id}`, "You are watching this request. We will remind you before the reply is due.");
});

obligationPages.post("/obligations/:id/unwatch", authorize("obligation.view", obligationById), async (c) => {
  const row = recordOf<ObligationRow>(c);
  await removeWatch(c.var.db, c.var.actor!.personId, { target: { kind: "obligation", id: row.id } });
  return redirectWithFlash(c, `/obligations/${row.id}`, "You are no longer watching this request.");
});
