// One request: its facts, thread and timeline, with the reply form for the owing side, the note and
// withdraw forms for the raising side, and watching it.
import { type Context, Hono } from "hono";
import { obligationKinds } from "../../../shared/obligations/machine";
import {
  isAnsweredLate,
  isUnanswered,
  type ObligationStatus,
  obligationStatus,
  raisingOrganisationId,
} from "../../../shared/obligations/rules";
import { type Action, rolesAllowed } from "../../../shared/permissions";
import { NoteForm, type ObligationMessage, ReplyForm, type TimelineEntry, WithdrawInput } from "../../../shared/schemas/obligations";
import { formatLondonDate, formatLondonDateTime } from "../../../shared/time";
import { ensureWatches, isWatching, removeWatch } from "../../alerts/service";
import { authorize } from "../../auth/middleware";
import type { Actor } from "../../platform/actor";
import { type Deps, depsOf } from "../../platform/deps";
import type { AppEnv } from "../../platform/env";
import { parseForm } from "../../platform/validation";
import { BackLink, Button, ErrorSummary, Form, InsetText, Paragraphs, type Problem, SummaryList, Textarea } from "../../web/components";
import { Due, LinkFields, LinkList, ObligationStatusTag, WatchForm } from "../../web/deadlines";
import { Layout } from "../../web/layout";
import { type PageContext, pageContext, redirectWithFlash, renderPage } from "../../web/render";
import { obligationById, obligationOwedBy, obligationRaisingSide, type ObligationRow, threadOf, timelineOf } from "../queries";
import { addNote, replyToObligation, withdrawObligation } from "../service";

/** The page's forms; a problem belongs to the one it was sent from. */
export type Section = "reply" | "note" | "withdraw";
export interface SectionProblem extends Problem {
  section: Section;
}

export interface ObligationView {
  page: PageContext;
  obligation: ObligationRow;
  status: ObligationStatus;
  messages: ObligationMessage[];
  timeline: TimelineEntry[];
  watching: boolean;
  /** The forms this person may use: reply for the owing side, note and withdraw for the raising side. */
  may: { reply: boolean; note: boolean; withdraw: boolean };
  problem: SectionProblem | null;
}

/** Loader: the thread, the timeline and whether the actor watches it, read together, and which forms are theirs. */
export async function loadObligation(deps: Deps, actor: Actor, row: ObligationRow): Promise<Omit<ObligationView, "page" | "problem">> {
  const [messages, timeline, watching] = await Promise.all([
    threadOf(deps.db, row.id),
    timelineOf(deps.db, row.id),
    isWatching(deps.db, actor.personId, { kind: "obligation", id: row.id }),
  ]);
  const raising = raisingOrganisationId(row);
  const may = (action: Action, organisationIds: number[]) =>
    rolesAllowed(action, actor.memberships, { areaId: row.area_id, organisationIds }).length > 0;
  return {
    obligation: row,
    status: obligationStatus(row, deps.now),
    messages,
    timeline,
    watching,
    may: {
      reply: isUnanswered(row) && may("obligation.reply", [row.owed_by_organisation_id]),
      note: raising !== null && may("obligation.raise", [raising]),
      withdraw: isUnanswered(row) && raising !== null && may("obligation.withdraw", [raising]),
    },
  };
}

function Facts({ obligation: o, now }: { obligation: ObligationRow; now: Date }) {
  return (
    <SummaryList
      rows={[
        { key: "From", value: o.owed_to_name ?? "Not recorded" },
        { key: "To", value: o.owed_by_name },
        { key: "Received", value: formatLondonDate(o.received_at) },
        { key: "Reply due", value: <Due dueAt={o.due_at} now={now} open={isUnanswered(o)} /> },
        ...(o.met_at
          ? [{ key: "Answered", value: `${formatLondonDateTime(o.met_at)}${isAnsweredLate(o) ? ", after the due date" : ", on time"}` }]
          : []),
        ...(o.withdrawn_at ? [{ key: "Withdrawn", value: formatLondonDateTime(o.withdrawn_at) }] : []),
      ]}
    />
  );
}

function Thread({ obligation: o, messages }: { obligation: ObligationRow; messages: ObligationMessage[] }) {
  return (
    <>
      <h2>Messages</h2>
      {messages.some((m) => m.kind === "request") ? null : (
        <div class="nhsuk-card app-thread-message">
          <div class="nhsuk-card__content">
            <h3 class="nhsuk-card__heading nhsuk-heading-s">The request{o.owed_to_name ? ` from ${o.owed_to_name}` : ""}</h3>
            <p class="nhsuk-body-s app-muted">{formatLondonDate(o.received_at)}</p>
            <Paragraphs text={o.body || "No details were recorded."} />
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
    </>
  );
}

type FormProps = { obligation: ObligationRow; problem: Problem | null; csrf: string };

function ReplySection({ obligation: o, problem, csrf, overdue }: FormProps & { overdue: boolean }) {
  return (
    <>
      <h2 id="reply">Reply for {o.owed_by_name}</h2>
      <p>
        Your reply answers the request: both sides will see it here
        {overdue ? ". It is now past the due date, so it will be recorded as late" : ""}.
      </p>
      <Form action={`/obligations/${o.id}/reply`} csrf={csrf}>
        <Textarea name="body" label="Your reply" errors={problem?.errors ?? {}} value={problem?.values.body} rows={8} />
        <LinkFields errors={problem?.errors ?? {}} values={problem?.values ?? {}} />
        <Button>Send reply</Button>
      </Form>
    </>
  );
}

function NoteSection({ obligation: o, problem, csrf }: FormProps) {
  return (
    <>
      <h2 id="note">Add a note</h2>
      <Form action={`/obligations/${o.id}/note`} csrf={csrf}>
        <Textarea
          name="body"
          label="Note"
          hint="For example, a reminder you sent, or what you thought of the reply. Both sides can read it."
          errors={problem?.errors ?? {}}
          value={problem?.values.body}
        />
        <LinkFields errors={problem?.errors ?? {}} values={problem?.values ?? {}} />
        <Button variant="secondary">Add note</Button>
      </Form>
    </>
  );
}

function WithdrawSection({ obligation: o, problem, csrf }: FormProps) {
  return (
    <details class="nhsuk-details" open={problem !== null}>
      <summary class="nhsuk-details__summary">
        <span class="nhsuk-details__summary-text">Withdraw this request</span>
      </summary>
      <div class="nhsuk-details__text">
        <Form action={`/obligations/${o.id}/withdraw`} csrf={csrf}>
          <Textarea
            name="reason"
            label="Why are you withdrawing it?"
            errors={problem?.errors ?? {}}
            value={problem?.values.reason}
            rows={3}
          />
          <Button variant="warning">Withdraw request</Button>
        </Form>
      </div>
    </details>
  );
}

function Timeline({ obligation: o, timeline }: { obligation: ObligationRow; timeline: TimelineEntry[] }) {
  return (
    <>
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
          <p>Raised {formatLondonDate(o.received_at)}. Nothing else has happened yet.</p>
        </InsetText>
      )}
    </>
  );
}

export function ObligationPage({ page, obligation: o, status, messages, timeline, watching, may, problem }: ObligationView) {
  const problemFor = (section: Section) => (problem?.section === section ? problem : null);
  const form = { obligation: o, csrf: page.csrf };
  return (
    <Layout ctx={page} title={o.title}>
      <BackLink href="/obligations">Requests</BackLink>
      <ErrorSummary errors={problem?.errors ?? {}} />
      <span class="nhsuk-caption-l">{obligationKinds[o.kind].label}</span>
      <h1>{o.title}</h1>
      <p>
        <ObligationStatusTag status={status} metLate={isAnsweredLate(o)} />
      </p>
      <Facts obligation={o} now={page.now} />
      <Thread obligation={o} messages={messages} />
      {may.reply ? <ReplySection {...form} problem={problemFor("reply")} overdue={status === "overdue"} /> : null}
      {may.note ? <NoteSection {...form} problem={problemFor("note")} /> : null}
      {may.withdraw ? <WithdrawSection {...form} problem={problemFor("withdraw")} /> : null}
      <Timeline obligation={o} timeline={timeline} />
      {isUnanswered(o) ? <WatchForm action={`/obligations/${o.id}`} watching={watching} csrf={page.csrf} what="request" /> : null}
    </Layout>
  );
}

/** The page, or (422) the page again with the form that was sent back to be corrected. */
async function respond<E extends AppEnv>(c: Context<E>, actor: Actor, row: ObligationRow, problem: SectionProblem | null = null) {
  const view = await loadObligation(depsOf(c), actor, row);
  return renderPage(c, <ObligationPage page={await pageContext(c)} {...view} problem={problem} />, problem ? 422 : 200);
}

const backTo = (row: ObligationRow) => `/obligations/${row.id}`;

export const obligationScreen = new Hono<AppEnv>()
  .get("/obligations/:id{[0-9]+}", authorize("obligation.view", obligationById), (c) => respond(c, c.var.actor, c.var.record))
  .post("/obligations/:id/reply", authorize("obligation.reply", obligationOwedBy), async (c) => {
    const form = await parseForm(c, ReplyForm);
    if (!form.ok) return respond(c, c.var.actor, c.var.record, { section: "reply", errors: form.errors, values: form.values });
    const row = await replyToObligation(depsOf(c), { actor: c.var.actor, roles: c.var.actingRoles }, c.var.record, form.data);
    return redirectWithFlash(
      c,
      backTo(row),
      isAnsweredLate(row) ? "Your reply is sent. It was recorded as late." : "Your reply is sent, on time.",
    );
  })
  .post("/obligations/:id/note", authorize("obligation.raise", obligationRaisingSide), async (c) => {
    const form = await parseForm(c, NoteForm);
    if (!form.ok) return respond(c, c.var.actor, c.var.record, { section: "note", errors: form.errors, values: form.values });
    await addNote(depsOf(c), { actor: c.var.actor, roles: c.var.actingRoles }, c.var.record, form.data);
    return redirectWithFlash(c, backTo(c.var.record), "Your note is added.");
  })
  .post("/obligations/:id/withdraw", authorize("obligation.withdraw", obligationRaisingSide), async (c) => {
    const form = await parseForm(c, WithdrawInput);
    if (!form.ok) return respond(c, c.var.actor, c.var.record, { section: "withdraw", errors: form.errors, values: form.values });
    const row = await withdrawObligation(depsOf(c), { actor: c.var.actor, roles: c.var.actingRoles }, c.var.record, form.data);
    return redirectWithFlash(c, backTo(row), "The request is withdrawn.");
  })
  .post("/obligations/:id/watch", authorize("obligation.view", obligationById), async (c) => {
    const { db, d1, now } = depsOf(c);
    await ensureWatches(db, d1, [{ personId: c.var.actor.personId, target: { kind: "obligation", id: c.var.record.id } }], now);
    return redirectWithFlash(c, backTo(c.var.record), "You are watching this request. We will remind you before the reply is due.");
  })
  .post("/obligations/:id/unwatch", authorize("obligation.view", obligationById), async (c) => {
    await removeWatch(c.var.db, c.var.actor.personId, { target: { kind: "obligation", id: c.var.record.id } });
    return redirectWithFlash(c, backTo(c.var.record), "You are no longer watching this request.");
  });
