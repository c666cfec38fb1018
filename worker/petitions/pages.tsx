// Petition web pages: browse and search, start, sign, the petition page, email-link confirmations,
// the clerks' moderation queue and dashboard, the responders' inbox and response form, scrutiny.
import { Hono, type Context } from "hono";
import type { ComponentChildren } from "preact";
import { rejectionCodes, rejectionReasons, type RejectionCode } from "../../shared/petitions/machine";
import {
  MODERATION_NEARLY_OVERDUE_DAYS,
  MODERATION_OVERDUE_DAYS,
  petitionFilters,
  petitionStatusLabels,
  type PetitionStatus,
} from "../../shared/petitions/status";
import {
  DashboardQuery,
  dashboardFilters,
  hidingCodes,
  ModerationDecision,
  NewPetition,
  PetitionListQuery,
  RemovalInput,
  ResponseInput,
  ScrutinyInput,
  SignatureInput,
  TokenInput,
  type DashboardRow,
  type Petition,
  type PetitionSummary,
  type SimilarPetition,
} from "../../shared/schemas/petitions";
import { calendarDaysBetween, formatLondonDate, formatLondonDateTime, londonDate } from "../../shared/time";
import { areaById } from "../admin/service";
import type { Area } from "../../shared/schemas/areas";
import { areasFrom, areasQueries, listAreas } from "../areas/queries";
import { readBatch } from "../platform/db";
import { type AuthorizedEnv, authorize, publicAccess, recordOf } from "../auth/middleware";
import type { AppEnv } from "../platform/env";
import { AppError, notFound } from "../platform/errors";
import { csvResponse } from "../feeds/csv";
import { calendarResponse } from "../feeds/ical";
import { clientIpHash, parseForm } from "../platform/validation";
import {
  BackLink,
  Button,
  Checkbox,
  ErrorSummary,
  Form,
  InsetText,
  Pagination,
  Paragraphs,
  Radios,
  Select,
  SummaryList,
  Table,
  Tag,
  Textarea,
  TextInput,
  WarningCallout,
  type FieldErrors,
  type FormValues,
  type TagColour,
} from "../web/components";
import { Layout } from "../web/layout";
import { pageContext, redirectWithFlash, renderPage, type PageContext } from "../web/render";
import {
  canModerate,
  may,
  dashboardPage,
  dashboardPageQuery,
  dashboardCsvHeader,
  dashboardPages,
  feedByToken,
  feedTokenById,
  feedTokensQuery,
  inbox,
  listPublic,
  moderationQueue,
  petitionById,
  petitionDetail,
  readablePetition,
  removedMessage,
  responsesDue,
  similarPetitions,
  summaryOf,
  type PetitionRow,
} from "./queries";
import {
  ADDRESSABLE_KINDS,
  confirmPetition,
  confirmSignature,
  createPetitionFeed,
  isReferralToken,
  moderatePetition,
  publishResponse,
  recordScrutiny,
  referPetition,
  removePetition,
  revokePetitionFeed,
  saveResponseDraft,
  signPetition,
  startPetition,
} from "./service";
import { depsOf } from "../platform/deps";
import { reachOf } from "../../shared/permissions";
import { reaching } from "../auth/middleware";
import { petitionStatus } from "../../shared/petitions/rules";

export const petitionPages = new Hono<AppEnv>();

interface Problem {
  errors: FieldErrors;
  values: FormValues;
}

const n = (v: number | null | undefined) => (v ?? 0).toLocaleString("en-GB");

function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}

/** A form's typed values (for showing them again with an error from the service). */
async function typedValues<E extends AppEnv>(c: Context<E>): Promise<FormValues> {
  const body = await c.req.parseBody();
  return Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => e[0] !== "_csrf" && typeof e[1] === "string"));
}

/** Runs a change; a field error from the service is shown on the form again instead of an error page. */
async function orShowAgain<E extends AppEnv>(
  c: Context<E>,
  run: () => Promise<Response>,
  again: (problem: Problem) => Promise<Response>,
): Promise<Response> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AppError && err.fields) return again({ errors: err.fields, values: await typedValues(c) });
    throw err;
  }
}

const statusColours: Record<PetitionStatus, TagColour> = {
  draft: "grey",
  pending: "yellow",
  open: "green",
  closed: "grey",
  rejected: "red",
  removed: "red",
  response_owed: "orange",
  response_overdue: "red",
  responded: "blue",
  referred: "purple",
  considered: "aqua-green",
};

function StatusTag({ status }: { status: PetitionStatus }) {
  return <Tag colour={statusColours[status]}>{petitionStatusLabels[status]}</Tag>;
}

/** Form fields side by side on wide screens, stacked on narrow ones. */
function Columns({ children }: { children: ComponentChildren }) {
  const items = (Array.isArray(children) ? children : [children]).filter(Boolean);
  return (
    <div class="nhsuk-grid-row">
      {items.map((child, i) => (
        <div class="nhsuk-grid-column-one-quarter" key={i}>
          {child}
        </div>
      ))}
    </div>
  );
}

function TwoThirds({ children }: { children: ComponentChildren }) {
  return (
    <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">{children}</div>
    </div>
  );
}

function LinkProblem({ ctx, title, message }: { ctx: PageContext; title: string; message: ComponentChildren }) {
  return (
    <Layout ctx={ctx} title={title}>
      <TwoThirds>
        <h1>{title}</h1>
        {message}
      </TwoThirds>
    </Layout>
  );
}

// ---------------------------------------------------------------- browse and search

async function areaOptions<E extends AppEnv>(c: Context<E>) {
  const areas = await listAreas(c.var.db);
  return {
    areas: areas.map((a) => ({ value: String(a.id), label: a.name })),
    organisations: areas.flatMap((a) =>
      a.organisations
        .filter((o) => (ADDRESSABLE_KINDS as readonly string[]).includes(o.kind))
        .map((o) => ({ value: String(o.id), label: `${o.name}, ${a.name}` })),
    ),
  };
}

function PetitionListItem({ p, now }: { p: PetitionSummary; now: Date }) {
  return (
    <li class="app-petition-list__item">
      <h3 class="nhsuk-heading-s app-petition-list__title">
        <a href={`/petitions/${p.id}`}>{p.title}</a>
      </h3>
      <p class="nhsuk-body-s app-petition-list__meta">
        <StatusTag status={p.status} /> To {p.organisationName}. {n(p.signatureCount)} {p.signatureCount === 1 ? "signature" : "signatures"}
        .{p.closesAt ? ` ${Date.parse(p.closesAt) > now.getTime() ? "Closes" : "Closed"} ${formatLondonDate(p.closesAt)}.` : ""}
      </p>
    </li>
  );
}

petitionPages.get("/petitions", publicAccess, async (c) => {
  const parsed = PetitionListQuery.safeParse(c.req.query());
  const q = parsed.success ? parsed.data : PetitionListQuery.parse({});
  const [ctx, options, results] = await Promise.all([pageContext(c), areaOptions(c), listPublic(c.var.db, q, c.var.now, c.env.PUBLIC_URL)]);
  const filters = { q: q.q, areaId: q.areaId, organisationId: q.organisationId, status: q.status, sort: q.sort };
  const page = (p: number, after?: string) => `/petitions${query({ ...filters, page: p === 1 ? undefined : p, after })}`;
  return renderPage(
    c,
    <Layout ctx={ctx} title="Petitions">
      <h1>Petitions</h1>
      <p class="nhsuk-lede-text">
        Petitions about local health services: what people asked for, how many signed, and what the NHS and the council's scrutiny committee
        did about it.
      </p>
      <p>
        <a class="nhsuk-button" href="/petitions/new" role="button" draggable={false}>
          Start a petition
        </a>
      </p>
      <form method="get" action="/petitions" class="app-filters" role="search" aria-label="Petitions">
        <TextInput name="q" label="Search for words" type="search" value={q.q} />
        <Columns>
          <Select name="areaId" label="Area" placeholder="All areas" options={options.areas} value={q.areaId ? String(q.areaId) : ""} />
          <Select
            name="organisationId"
            label="Addressed to"
            placeholder="Any organisation"
            options={options.organisations}
            value={q.organisationId ? String(q.organisationId) : ""}
          />
          <Select
            name="status"
            label="Status"
            placeholder="Any status"
            options={Object.entries(petitionFilters).map(([value, label]) => ({ value, label }))}
            value={q.status ?? ""}
          />
          <Select
            name="sort"
            label="Order"
            options={[
              { value: "recent", label: "Newest first" },
              { value: "signatures", label: "Most signatures first" },
            ]}
            value={q.sort ?? "recent"}
          />
        </Columns>
        <Button variant="secondary">Search</Button>
      </form>
      <h2>{results.items.length === 0 ? "No petitions found" : `Results${q.page > 1 ? `, page ${q.page}` : ""}`}</h2>
      {results.items.length === 0 ? <p>Try other words, or fewer filters.</p> : null}
      <ul class="nhsuk-list app-petition-list">
        {results.items.map((p) => (
          <PetitionListItem key={p.id} p={p} now={c.var.now} />
        ))}
      </ul>
      {/* Next reads on from this page's last petition (a cursor); Previous counts back by page number. */}
      <Pagination
        previous={q.page > 1 ? page(q.page - 1) : null}
        next={results.hasMore && results.nextCursor ? page(q.page + 1, results.nextCursor) : null}
      />
      <p class="nhsuk-body-s">
        Use this list elsewhere: <a href={`/api/v1/petitions.csv${query(filters)}`}>download as a spreadsheet (CSV)</a> or{" "}
        <a href={`/api/v1/petitions${query(filters)}`}>as data (JSON)</a>.
      </p>
    </Layout>,
  );
});

// ---------------------------------------------------------------- starting a petition

function StartForm({
  ctx,
  organisations,
  problem,
}: {
  ctx: PageContext;
  organisations: { value: string; label: string }[];
  problem?: Problem | undefined;
}) {
  const errors = problem?.errors ?? {};
  const v = problem?.values ?? {};
  return (
    <Form action="/petitions/new" csrf={ctx.csrf}>
      <Select
        name="organisationId"
        label="Who is your petition to?"
        hint="Usually the NHS body that pays for or runs the service: the primary care trust or clinical commissioning group, or a hospital trust."
        placeholder="Choose an organisation"
        options={organisations}
        errors={errors}
        value={v.organisationId}
      />
      <TextInput
        name="title"
        label="Title"
        hint="Say in a few words what your petition is about (up to 150 characters)."
        errors={errors}
        value={v.title}
      />
      <Textarea
        name="action"
        label="What do you want them to do?"
        hint="Start with a verb, for example: 'Keep the minor injuries unit open at night'. Up to 500 characters."
        rows={3}
        errors={errors}
        value={v.action}
      />
      <Textarea
        name="background"
        label="Why?"
        hint="Explain why it matters, with facts people can check. Do not name or describe other people, such as staff or patients. Up to 3,000 characters."
        rows={8}
        errors={errors}
        value={v.background}
      />
      <TextInput
        name="petitionerName"
        label="Your full name"
        hint="We will not publish your name."
        autocomplete="name"
        errors={errors}
        value={v.petitionerName}
      />
      <TextInput
        name="petitionerEmail"
        label="Your email address"
        hint="We will email you a link to confirm it, and tell you what happens to your petition. We will not publish it."
        type="email"
        autocomplete="email"
        spellcheck={false}
        errors={errors}
        value={v.petitionerEmail}
      />
      {v.checked === "yes" ? <input type="hidden" name="checked" value="yes" /> : null}
      <Button>Continue</Button>
    </Form>
  );
}

async function addressable<E extends AppEnv>(c: Context<E>) {
  return (await areaOptions(c)).organisations;
}

async function renderStart<E extends AppEnv>(c: Context<E>, problem?: Problem) {
  const [ctx, organisations] = await Promise.all([pageContext(c), addressable(c)]);
  return renderPage(
    c,
    <Layout ctx={ctx} title="Start a petition">
      <TwoThirds>
        <ErrorSummary errors={problem?.errors ?? {}} />
        <h1>Start a petition</h1>
        <p>
          A petition asks an NHS organisation or the council to do something about a local health service. When enough people sign it, they
          must reply in public.
        </p>
        <InsetText>
          <p>Your petition will be checked before it opens for signatures. It will be rejected if:</p>
          <ul>
            {rejectionCodes
              .filter((code) => code !== "other")
              .map((code) => (
                <li key={code}>{rejectionReasons[code].label.replace(/^It /, "it ").replace(/^There /, "there ")}</li>
              ))}
          </ul>
        </InsetText>
        <h2>What happens next</h2>
        <ol>
          <li>We email you a link to confirm your email address.</li>
          <li>The council's health scrutiny clerk checks your petition, usually within two weeks.</li>
          <li>It opens for signatures for a set time, usually 3 months. Share it as widely as you can.</li>
          <li>
            If enough people sign, the organisation must publish a response by a set date. A petition with many signatures, or one whose
            response you are not happy with, can go to the council's scrutiny committee.
          </li>
        </ol>
        <h2>Your petition</h2>
        <StartForm ctx={ctx} organisations={organisations} problem={problem} />
      </TwoThirds>
    </Layout>,
    problem ? 422 : 200,
  );
}

function SimilarPage({
  ctx,
  similar,
  values,
  organisations,
}: {
  ctx: PageContext;
  similar: SimilarPetition[];
  values: FormValues;
  organisations: { value: string; label: string }[];
}) {
  return (
    <Layout ctx={ctx} title="Is there already a petition about this?">
      <TwoThirds>
        <h1>Is there already a petition about this?</h1>
        <p>
          These open petitions in the same area look similar to yours. If one of them asks for the same thing, signing it will make it
          stronger than starting another.
        </p>
        <ul class="nhsuk-list app-petition-list">
          {similar.map((p) => (
            <li class="app-petition-list__item" key={p.id}>
              <h2 class="nhsuk-heading-s app-petition-list__title">
                <a href={`/petitions/${p.id}`}>{p.title}</a>
              </h2>
              <p class="nhsuk-body-s">
                To {p.organisationName}. {n(p.signatureCount)} signatures.{" "}
                <a href={`/petitions/${p.id}/sign`}>
                  Sign this petition<span class="nhsuk-u-visually-hidden">: {p.title}</span>
                </a>
              </p>
            </li>
          ))}
        </ul>
        <h2>Mine is different</h2>
        <p>Check your petition and continue.</p>
        <StartForm ctx={ctx} organisations={organisations} problem={{ errors: {}, values: { ...values, checked: "yes" } }} />
      </TwoThirds>
    </Layout>
  );
}

petitionPages.get("/petitions/new", publicAccess, (c) => renderStart(c));

petitionPages.post("/petitions/new", publicAccess, async (c) => {
  const form = await parseForm(c, NewPetition);
  if (!form.ok) return renderStart(c, { errors: form.errors, values: form.values });
  const values = await typedValues(c);
  if (values.checked !== "yes") {
    const similar = await similarPetitions(c.var.db, form.data.organisationId, form.data.title, c.env.PUBLIC_URL);
    if (similar.length) {
      const [ctx, organisations] = await Promise.all([pageContext(c), addressable(c)]);
      return renderPage(c, <SimilarPage ctx={ctx} similar={similar} values={values} organisations={organisations} />);
    }
  }
  return orShowAgain(
    c,
    async () => {
      await startPetition(depsOf(c), form.data, await clientIpHash(c));
      return c.redirect("/petitions/new/check-email", 303);
    },
    (problem) => renderStart(c, problem),
  );
});

/** "Check your email" after a form that sends a confirmation link. */
function CheckEmailPage({ ctx, children }: { ctx: PageContext; children: ComponentChildren }) {
  return (
    <Layout ctx={ctx} title="Check your email">
      <TwoThirds>
        <h1>Check your email</h1>
        {children}
        <p>Not arrived after a few minutes? Check your spam folder.</p>
        {ctx.localDev ? (
          <InsetText>
            <p>
              This is a local copy: open the <a href="/dev/outbox">outbox</a> to find the link.
            </p>
          </InsetText>
        ) : null}
      </TwoThirds>
    </Layout>
  );
}

petitionPages.get("/petitions/new/check-email", publicAccess, async (c) =>
  renderPage(
    c,
    <CheckEmailPage ctx={await pageContext(c)}>
      <p>We have sent you an email with a link. Select it to confirm your email address, and we will send your petition to be checked.</p>
    </CheckEmailPage>,
  ),
);

// ---------------------------------------------------------------- email links (a button, so link scanners do not use them up)

function ContinuePage({
  ctx,
  title,
  text,
  action,
  token,
}: {
  ctx: PageContext;
  title: string;
  text: ComponentChildren;
  action: string;
  token: string;
}) {
  return (
    <Layout ctx={ctx} title={title}>
      <TwoThirds>
        <h1>{title}</h1>
        {text}
        <Form action={action} csrf={ctx.csrf}>
          <input type="hidden" name="token" value={token} />
          <Button>Continue</Button>
        </Form>
      </TwoThirds>
    </Layout>
  );
}

const invalidLink = (ctx: PageContext) => (
  <LinkProblem
    ctx={ctx}
    title="This link does not work"
    message={
      <>
        <p>
          The link is not valid. It may have been copied incompletely, or replaced by a newer link: if you asked for another email, use the
          link in the newest one.
        </p>
        <p>
          <a href="/petitions">Find the petition</a> and try again.
        </p>
      </>
    }
  />
);

petitionPages.get("/petitions/confirm", publicAccess, async (c) => {
  const ctx = await pageContext(c);
  c.header("Referrer-Policy", "no-referrer");
  return renderPage(
    c,
    <ContinuePage
      ctx={ctx}
      title="Confirm your petition"
      text={<p>Select the button to confirm your email address and send your petition to be checked.</p>}
      action="/petitions/confirm"
      token={c.req.query("token") ?? ""}
    />,
  );
});

petitionPages.post("/petitions/confirm", publicAccess, async (c) => {
  const form = await parseForm(c, TokenInput);
  const result = form.ok ? await confirmPetition(depsOf(c), form.data.token) : ({ ok: false, reason: "invalid" } as const);
  if (!result.ok) return renderPage(c, invalidLink(await pageContext(c)), 400);
  return redirectWithFlash(
    c,
    "/petitions/new/confirmed",
    result.already ? "Your petition was already confirmed." : "Your email address is confirmed.",
  );
});

petitionPages.get("/petitions/new/confirmed", publicAccess, async (c) => {
  const ctx = await pageContext(c);
  return renderPage(
    c,
    <Layout ctx={ctx} title="Your petition is being checked">
      <TwoThirds>
        <h1>Your petition is being checked</h1>
        <p>
          The council's health scrutiny clerk will check that it follows the rules. We will email you when they have: either a link to
          share, or the reason it could not be accepted.
        </p>
        <p>
          <a href="/petitions">See other petitions</a>
        </p>
      </TwoThirds>
    </Layout>,
  );
});

petitionPages.get("/signatures/confirm", publicAccess, async (c) => {
  const ctx = await pageContext(c);
  c.header("Referrer-Policy", "no-referrer");
  return renderPage(
    c,
    <ContinuePage
      ctx={ctx}
      title="Confirm your signature"
      text={<p>Select the button to confirm your email address. Your signature is counted once you do.</p>}
      action="/signatures/confirm"
      token={c.req.query("token") ?? ""}
    />,
  );
});

petitionPages.post("/signatures/confirm", publicAccess, async (c) => {
  const form = await parseForm(c, TokenInput);
  const result = form.ok ? await confirmSignature(depsOf(c), form.data.token) : ({ ok: false, reason: "invalid" } as const);
  if (result.ok) {
    return redirectWithFlash(
      c,
      `/petitions/${result.petitionId}`,
      result.already
        ? "You had already signed this petition. Each person's signature counts once."
        : "Thank you. Your signature has been counted.",
    );
  }
  const ctx = await pageContext(c);
  if (result.reason === "closed") {
    return renderPage(
      c,
      <LinkProblem
        ctx={ctx}
        title="This petition has closed"
        message={
          <p>
            The petition closed before you confirmed, so your signature could not be counted.{" "}
            <a href={`/petitions/${result.petitionId}`}>See what happens next</a>.
          </p>
        }
      />,
      409,
    );
  }
  return renderPage(c, invalidLink(ctx), 400);
});

// ---------------------------------------------------------------- clerks: moderation queue

function waitingDays(since: string | null, now: Date): number {
  return since ? Math.max(0, calendarDaysBetween(since, now)) : 0;
}

petitionPages.get("/petitions/moderation", reaching("petition.moderate", "a scrutiny clerk or administrator"), async (c) => {
  const [ctx, queue] = await Promise.all([pageContext(c), moderationQueue(c.var.db, c.var.reach)]);
  const now = c.var.now;
  return renderPage(
    c,
    <Layout ctx={ctx} title="Petitions to check">
      <h1>Petitions to check</h1>
      <p>
        Approve a petition to open it for signatures, or reject it with a reason. Aim to check each within{" "}
        {MODERATION_NEARLY_OVERDUE_DAYS - 1} days; after {MODERATION_OVERDUE_DAYS} days it is overdue.
      </p>
      {queue.pending.length === 0 ? (
        <p>There are no petitions waiting to be checked.</p>
      ) : (
        <Table
          caption={`Waiting to be checked (${queue.pending.length}), the longest waiting first`}
          head={["Petition", "Addressed to", "Waiting", ""]}
          rows={queue.pending.map((p) => {
            const days = waitingDays(p.petitioner_confirmed_at, now);
            return [
              <a href={`/petitions/${p.id}/moderate`}>{p.title}</a>,
              `${p.organisation_name}, ${p.area_name}`,
              <>
                {days === 1 ? "1 day" : `${days} days`}{" "}
                {days >= MODERATION_OVERDUE_DAYS ? (
                  <Tag colour="red">Overdue</Tag>
                ) : days >= MODERATION_NEARLY_OVERDUE_DAYS ? (
                  <Tag colour="orange">Nearly overdue</Tag>
                ) : null}
              </>,
              <a href={`/petitions/${p.id}/moderate`}>
                Check<span class="nhsuk-u-visually-hidden"> {p.title}</span>
              </a>,
            ];
          })}
        />
      )}
      <h2>Waiting for the petitioner to confirm their email</h2>
      {queue.drafts.length === 0 ? (
        <p>None.</p>
      ) : (
        <Table
          caption="Started, but the email address is not confirmed yet (newest first)"
          head={["Petition", "Addressed to", "Started"]}
          rows={queue.drafts.map((p) => [
            <a href={`/petitions/${p.id}`}>{p.title}</a>,
            `${p.organisation_name}, ${p.area_name}`,
            formatLondonDate(p.created_at),
          ])}
        />
      )}
    </Layout>,
  );
});

// ---------------------------------------------------------------- clerks: dashboard, CSV and calendar addresses

function dashboardOptions(areas: Area[]) {
  return {
    areas,
    organisations: areas.flatMap((a) =>
      a.organisations
        .filter((o) => (ADDRESSABLE_KINDS as readonly string[]).includes(o.kind))
        .map((o) => ({ value: String(o.id), label: areas.length > 1 ? `${o.name}, ${a.name}` : o.name })),
    ),
  };
}

function DueCell({ r }: { r: DashboardRow }) {
  if (!r.responseDueAt || r.respondedAt) return <>{r.respondedAt ? `Responded ${formatLondonDate(r.respondedAt)}` : "Not owed"}</>;
  return <>{formatLondonDate(r.responseDueAt)}</>;
}

async function renderDashboard<E extends AppEnv>(c: Context<E>, created?: { url: string; areaName: string }) {
  const reach = reachOf(c.var.caller?.memberships ?? [], "petition.monitor");
  const parsed = DashboardQuery.safeParse(c.req.query());
  const q = parsed.success ? parsed.data : DashboardQuery.parse({});
  const db = c.var.db;
  // In one round trip: the caller's areas and their organisations (for the filters; by the
  // organisations_area index, not every area's), the calendar addresses and the page's rows.
  const [[areaRows, orgRows, tokens, rows], ctx] = await Promise.all([
    readBatch(db, [...areasQueries(db, reach.areaIds), feedTokensQuery(db, reach), dashboardPageQuery(db, q, reach, c.var.now)]),
    pageContext(c),
  ]);
  const options = dashboardOptions(areasFrom(areaRows, orgRows));
  const results = await dashboardPage(db, q, rows, c.var.now, c.env.PUBLIC_URL);
  const filters = { areaId: q.areaId, organisationId: q.organisationId, status: q.status };
  const page = (p: number) => `/petitions/dashboard${query({ ...filters, page: p === 1 ? undefined : p })}`;
  return renderPage(
    c,
    <Layout ctx={ctx} title="Petitions dashboard" wide>
      <h1>Petitions dashboard</h1>
      <p>
        Every petition in your area, the most urgent first: overdue responses, responses owed, referrals waiting for the committee, then
        petitions waiting to be checked.
      </p>
      <form method="get" action="/petitions/dashboard" class="app-filters" aria-label="Filter petitions">
        <Columns>
          {options.areas.length > 1 ? (
            <Select
              name="areaId"
              label="Area"
              placeholder="All your areas"
              options={options.areas.map((a) => ({ value: String(a.id), label: a.name }))}
              value={q.areaId ? String(q.areaId) : ""}
            />
          ) : null}
          <Select
            name="organisationId"
            label="Addressed to"
            placeholder="Any organisation"
            options={options.organisations}
            value={q.organisationId ? String(q.organisationId) : ""}
          />
          <Select
            name="status"
            label="Status"
            placeholder="Any status"
            options={Object.entries(dashboardFilters).map(([value, label]) => ({ value, label }))}
            value={q.status ?? ""}
          />
        </Columns>
        <Button variant="secondary">Filter</Button>
      </form>
      <p>
        <a href={`/petitions/dashboard.csv${query(filters)}`}>Download this list as a spreadsheet (CSV) for committee papers</a>
      </p>
      {results.items.length === 0 ? (
        <p>No petitions match.</p>
      ) : (
        <Table
          caption={`Petitions${q.page > 1 ? `, page ${q.page}` : ""}`}
          head={["Petition", "Status", "Signatures", "Response threshold reached", "Response due", "Working days overdue"]}
          rows={results.items.map((r) => [
            <>
              <a href={`/petitions/${r.id}`}>{r.title}</a>
              <br />
              <span class="nhsuk-body-s app-muted">To {r.organisationName}</span>
            </>,
            <StatusTag status={r.status} />,
            n(r.signatureCount),
            r.responseThresholdReachedAt ? formatLondonDate(r.responseThresholdReachedAt) : r.state === "open" ? "Not yet" : "",
            <DueCell r={r} />,
            r.workingDaysOverdue ? <strong>{r.workingDaysOverdue}</strong> : "",
          ])}
        />
      )}
      <Pagination previous={q.page > 1 ? page(q.page - 1) : null} next={results.hasMore ? page(q.page + 1) : null} />

      <h2 id="calendar">Response due dates in your calendar</h2>
      <p>
        Create a private calendar address, then add it to Outlook (Add calendar, then From internet) or Google Calendar (Other calendars,
        then From URL). The due date of every response owed in the area appears, and updates by itself. Anyone with the address can see the
        due dates, so keep it to your team.
      </p>
      {created ? (
        <div class="nhsuk-card app-feed-created">
          <div class="nhsuk-card__content">
            <h3 class="nhsuk-card__heading">Your calendar address for {created.areaName}</h3>
            <p class="app-feed-url">{created.url}</p>
            <p>Copy it now: for your security it will not be shown again.</p>
          </div>
        </div>
      ) : null}
      {tokens.length ? (
        <Table
          caption="Calendar addresses in use"
          head={["Committee", "Created", "By", ""]}
          rows={tokens.map((t) => [
            t.organisation_name,
            formatLondonDateTime(t.created_at),
            t.created_by,
            <Form action={`/petitions/feeds/${t.id}/revoke`} csrf={ctx.csrf}>
              <Button variant="secondary" small>
                Turn off<span class="nhsuk-u-visually-hidden"> the address created {formatLondonDateTime(t.created_at)}</span>
              </Button>
            </Form>,
          ])}
        />
      ) : null}
      {options.areas.map((a) => (
        <Form key={a.id} action={`/petitions/areas/${a.id}/feeds`} csrf={ctx.csrf}>
          <Button variant="secondary">Create a calendar address{options.areas.length > 1 ? ` for ${a.name}` : ""}</Button>
        </Form>
      ))}
    </Layout>,
  );
}

const monitor = reaching("petition.monitor", "a scrutiny clerk or administrator");

petitionPages.get("/petitions/dashboard", monitor, (c) => renderDashboard(c));

petitionPages.get("/petitions/dashboard.csv", monitor, async (c) => {
  const parsed = DashboardQuery.safeParse(c.req.query());
  const q = parsed.success ? parsed.data : DashboardQuery.parse({});
  return csvResponse(
    "petitions-dashboard",
    dashboardCsvHeader,
    dashboardPages(c.var.db, q, reachOf(c.var.actor?.memberships ?? [], "petition.monitor"), c.var.now, c.env.PUBLIC_URL),
  );
});

petitionPages.post("/petitions/areas/:id/feeds", authorize("petition.monitor", areaById), async (c) => {
  const area = recordOf<{ id: number; name: string }>(c);
  const created = await createPetitionFeed(depsOf(c), c.var.actor!, area);
  return renderDashboard(c, { url: created.url, areaName: area.name });
});

petitionPages.post("/petitions/feeds/:id/revoke", authorize("petition.monitor", feedTokenById), async (c) => {
  await revokePetitionFeed(depsOf(c), c.var.actor!, recordOf(c));
  return redirectWithFlash(
    c,
    "/petitions/dashboard#calendar",
    "The calendar address is turned off. Calendars using it will stop updating.",
  );
});

petitionPages.get("/feeds/petitions/:file{[A-Za-z0-9_-]{16,100}\\.ics}", publicAccess, async (c) => {
  const token = c.req.param("file").replace(/\.ics$/, "");
  const feed = await feedByToken(c.var.db, token);
  if (!feed) throw notFound("calendar");
  const rows = await responsesDue(c.var.db, feed.area_id);
  const now = c.var.now;
  return calendarResponse(
    `Petition responses due: ${feed.organisation_name}`,
    "petition-responses",
    rows.map((r) => {
      const s = summaryOf(r, now, c.env.PUBLIC_URL);
      return {
        uid: `petition-${r.id}-response@health-involvement-tracker`,
        title: `${s.status === "response_overdue" ? "OVERDUE: " : ""}Response due: ${r.title}`,
        description: `${r.organisation_name} owes a response to this petition (${n(r.signature_count)} signatures).`,
        url: s.webUrl,
        when: { date: londonDate(r.response_due_at!) },
      };
    }),
    now,
  );
});

// ---------------------------------------------------------------- responders: petitions to answer

petitionPages.get("/petitions/inbox", reaching("petition.view_owed", "someone who responds for an organisation"), async (c) => {
  const [ctx, items] = await Promise.all([pageContext(c), inbox(c.var.db, c.var.reach, c.var.now, c.env.PUBLIC_URL)]);
  return renderPage(
    c,
    <Layout ctx={ctx} title="Petitions to answer">
      <h1>Petitions to answer</h1>
      <p>
        Petitions addressed to your organisation that have enough signatures for a response. Publish it on the website by the due date:
        everyone who signed and asked to hear is emailed.
      </p>
      {items.owed.length === 0 ? (
        <p>No responses are owed at the moment.</p>
      ) : (
        <Table
          caption="Responses owed, the soonest due first"
          head={["Petition", "Signatures", "Response due", ""]}
          rows={items.owed.map((p) => [
            <>
              <a href={`/petitions/${p.id}`}>{p.title}</a>
              <br />
              <span class="nhsuk-body-s app-muted">To {p.organisationName}</span>
            </>,
            n(p.signatureCount),
            <>
              {p.responseDueAt ? formatLondonDate(p.responseDueAt) : ""}{" "}
              {p.overdue ? (
                <Tag colour="red">{`Overdue by ${p.workingDaysOverdue} working ${p.workingDaysOverdue === 1 ? "day" : "days"}`}</Tag>
              ) : null}
            </>,
            <a href={`/petitions/${p.id}/respond`}>
              Respond<span class="nhsuk-u-visually-hidden"> to {p.title}</span>
            </a>,
          ])}
        />
      )}
      <h2>Open petitions to your organisation</h2>
      <p>No response is owed yet, but you can respond at any time.</p>
      {items.open.length === 0 ? (
        <p>None.</p>
      ) : (
        <Table
          caption="Open petitions without a response, the most signed first"
          head={["Petition", "Signatures", "Closes"]}
          rows={items.open.map((p) => [
            <a href={`/petitions/${p.id}`}>{p.title}</a>,
            `${n(p.signatureCount)} of ${n(p.responseThreshold)}`,
            p.closesAt ? formatLondonDate(p.closesAt) : "",
          ])}
        />
      )}
    </Layout>,
  );
});

// ---------------------------------------------------------------- the petition page

function Progress({ id, count, threshold, purpose }: { id: string; count: number; threshold: number; purpose: string }) {
  return (
    <div class="app-progress-group">
      <label class="nhsuk-label" for={id}>
        {`${n(count)} of ${n(threshold)} signatures needed for ${purpose}`}
      </label>
      <progress id={id} class="app-progress" max={threshold} value={Math.min(count, threshold)}>
        {`${Math.min(100, Math.floor((count / threshold) * 100))}%`}
      </progress>
    </div>
  );
}

function statusSentence(p: Petition): string {
  const org = p.organisationName;
  switch (p.status) {
    case "draft":
      return "Waiting for the petitioner to confirm their email address. Only clerks can see it.";
    case "pending":
      return "Waiting to be checked by the scrutiny clerk. Only clerks can see it.";
    case "rejected":
      return "This petition was checked and could not be accepted.";
    case "removed":
      return "Removed from public view.";
    case "open":
      return `Open for signatures until ${formatLondonDate(p.closesAt!)}.`;
    case "closed":
      return "Closed. It did not reach the signatures needed for a response.";
    case "response_owed":
      return `${org} must respond by ${formatLondonDate(p.responseDueAt!)}.`;
    case "response_overdue":
      return `${org} should have responded by ${formatLondonDate(p.responseDueAt!)}. The response is overdue.`;
    case "responded":
      return `${org} has responded.`;
    case "referred":
      return "Referred to the council's health scrutiny committee, which will consider it at a meeting.";
    case "considered":
      return `Considered by the council's health scrutiny committee${p.scrutiny.meetingDate ? ` on ${formatLondonDate(p.scrutiny.meetingDate)}` : ""}.`;
  }
}

function StaffActions({ ctx, p, row }: { ctx: PageContext; p: Petition; row: PetitionRow }) {
  const actor = ctx.actor;
  if (!actor) return null;
  const links: ComponentChildren[] = [];
  const answerable = p.state === "open" || p.state === "closed";
  if (canModerate(actor, row) && (p.state === "pending" || answerable || p.state === "rejected")) {
    links.push(<a href={`/petitions/${p.id}/moderate`}>{p.state === "pending" ? "Check this petition" : "Remove this petition"}</a>);
  }
  if (may(actor, "petition.record_scrutiny", row) && answerable)
    links.push(<a href={`/petitions/${p.id}/scrutiny`}>Scrutiny: refer or record the committee's outcome</a>);
  if (may(actor, "petition.respond", row) && answerable)
    links.push(<a href={`/petitions/${p.id}/respond`}>{p.response ? "Change the response" : "Respond to this petition"}</a>);
  if (links.length === 0) return null;
  return (
    <div class="nhsuk-card app-staff-actions">
      <div class="nhsuk-card__content">
        <h2 class="nhsuk-card__heading nhsuk-heading-s">For staff</h2>
        <ul>
          {links.map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function PetitionPage({ ctx, p, row }: { ctx: PageContext; p: Petition; row: PetitionRow }) {
  const now = ctx.now;
  const open = p.state === "open" && p.closesAt !== null && Date.parse(p.closesAt) > now.getTime();
  const rejection = p.rejection;
  return (
    <Layout ctx={ctx} title={p.title}>
      <BackLink href="/petitions">All petitions</BackLink>
      <div class="nhsuk-grid-row">
        <div class="nhsuk-grid-column-two-thirds">
          <span class="nhsuk-caption-l">
            Petition to {p.organisationName}, {p.areaName}
          </span>
          <h1>{p.title}</h1>
          {row.state === "hidden" ? (
            <WarningCallout heading="Removed from public view">
              <p>{removedMessage(row)} Only clerks and administrators can see its content.</p>
            </WarningCallout>
          ) : null}
          <p>
            <StatusTag status={p.status} />
          </p>
          <p>{statusSentence(p)}</p>
          <p class="nhsuk-lede-text">{p.action}</p>
          <h2>Why</h2>
          <Paragraphs text={p.background} />
          {rejection ? (
            <WarningCallout heading="Why it was rejected">
              <p>{rejection.reason}.</p>
              <Paragraphs text={rejection.explanation} />
            </WarningCallout>
          ) : null}

          <h2 id="signatures">Signatures</h2>
          <p class="app-signature-count">
            <strong>{n(p.signatureCount)}</strong> {p.signatureCount === 1 ? "person has" : "people have"} signed
          </p>
          {p.responseThreshold ? (
            <Progress id="progress-response" count={p.signatureCount} threshold={p.responseThreshold} purpose="a response" />
          ) : null}
          {p.scrutinyThreshold ? (
            <Progress
              id="progress-scrutiny"
              count={p.signatureCount}
              threshold={p.scrutinyThreshold}
              purpose="a referral to the scrutiny committee"
            />
          ) : null}
          {p.closesAt ? (
            <p>
              {open
                ? `Open for signatures until ${formatLondonDate(p.closesAt)}.`
                : `Closed on ${formatLondonDate(row.closed_at ?? p.closesAt)}.`}
            </p>
          ) : null}
          {open ? (
            <p>
              <a class="nhsuk-button" href={`/petitions/${p.id}/sign`} role="button" draggable={false}>
                Sign this petition
              </a>
            </p>
          ) : null}

          {p.response ? (
            <>
              <h2 id="response">Response from {p.organisationName}</h2>
              <p class="nhsuk-body-s app-muted">Published {formatLondonDate(p.response.respondedAt)}</p>
              <div class="app-response">
                <Paragraphs text={p.response.text} />
              </div>
            </>
          ) : p.responseDueAt ? (
            <>
              <h2 id="response">Response from {p.organisationName}</h2>
              <p>
                {Date.parse(p.responseDueAt) < now.getTime()
                  ? `The response was due by ${formatLondonDate(p.responseDueAt)} and is overdue.`
                  : `A response is due by ${formatLondonDate(p.responseDueAt)}.`}
              </p>
            </>
          ) : null}

          {p.scrutiny.state !== "none" ? (
            <>
              <h2 id="scrutiny">Scrutiny committee</h2>
              {p.scrutiny.state === "referred" ? (
                <p>
                  The petition has been referred to the council's health scrutiny committee. Its consideration and outcome will be published
                  here.
                </p>
              ) : (
                <>
                  <SummaryList
                    rows={[
                      { key: "Meeting", value: p.scrutiny.meetingDate ? formatLondonDate(p.scrutiny.meetingDate) : "" },
                      { key: "Decision", value: p.scrutiny.decision ?? "" },
                    ]}
                  />
                  <h3>Outcome</h3>
                  <Paragraphs text={p.scrutiny.outcome} />
                </>
              )}
            </>
          ) : null}

          <h2 id="timeline">What has happened</h2>
          {p.timeline.length === 0 ? (
            <p>Nothing yet.</p>
          ) : (
            <ol class="app-timeline">
              {p.timeline.map((e, i) => (
                <li key={i} class="app-timeline__item">
                  <span class="app-timeline__date">{formatLondonDate(e.at)}</span> {e.text}
                </li>
              ))}
            </ol>
          )}

          <h2 id="districts">Signatures by postcode district</h2>
          {p.districts.length === 0 ? (
            <p>No confirmed signatures yet.</p>
          ) : (
            <>
              <p>Where the people who signed live, by the first half of their postcode. Names and email addresses are never shown.</p>
              <Table
                caption="Signatures in each postcode district, the most first"
                head={["Postcode district", "Signatures"]}
                rows={p.districts.map((d) => [d.district, n(d.signatures)])}
              />
            </>
          )}
        </div>
        <div class="nhsuk-grid-column-one-third">
          <StaffActions ctx={ctx} p={p} row={row} />
        </div>
      </div>
    </Layout>
  );
}

function RemovedPage({ ctx, row }: { ctx: PageContext; row: PetitionRow }) {
  return (
    <Layout ctx={ctx} title="This petition has been removed">
      <TwoThirds>
        <h1>This petition has been removed</h1>
        <p>{removedMessage(row)}</p>
        <p>Its content is no longer shown. The record that it existed, and why it was removed, is kept.</p>
        <p>
          <a href="/petitions">See other petitions</a>
        </p>
      </TwoThirds>
    </Layout>
  );
}

petitionPages.get("/petitions/:id{[0-9]+}", publicAccess, async (c) => {
  const { petition, removed, districts } = await readablePetition(c, { withDistricts: true });
  const ctx = await pageContext(c);
  if (removed) return renderPage(c, <RemovedPage ctx={ctx} row={petition} />, 410);
  const detail = await petitionDetail(c.var.db, petition, c.var.now, c.env.PUBLIC_URL, districts);
  return renderPage(c, <PetitionPage ctx={ctx} p={detail} row={petition} />);
});

// ---------------------------------------------------------------- signing

async function renderSign<E extends AppEnv>(c: Context<E>, p: PetitionRow, problem?: Problem) {
  const ctx = await pageContext(c);
  const errors = problem?.errors ?? {};
  const v = problem?.values ?? {};
  const open = p.state === "open" && p.closes_at !== null && p.closes_at > c.var.now.toISOString();
  return renderPage(
    c,
    <Layout ctx={ctx} title={`Sign: ${p.title}`}>
      <BackLink href={`/petitions/${p.id}`}>Back to the petition</BackLink>
      <TwoThirds>
        <ErrorSummary errors={errors} />
        <span class="nhsuk-caption-l">Sign the petition</span>
        <h1>{p.title}</h1>
        <p class="nhsuk-lede-text">{p.action}</p>
        {open ? (
          <>
            <p>We will email you a link. Your signature counts once you select it. Each person can sign once.</p>
            <p>
              We never publish your name or email address. The petition page shows only how many people signed in each postcode district.
            </p>
            <Form action={`/petitions/${p.id}/sign`} csrf={ctx.csrf}>
              <TextInput name="name" label="Your full name" autocomplete="name" errors={errors} value={v.name} />
              <TextInput
                name="email"
                label="Your email address"
                type="email"
                autocomplete="email"
                spellcheck={false}
                errors={errors}
                value={v.email}
              />
              <TextInput
                name="postcode"
                label="Your postcode"
                hint="A UK postcode, for example NR1 1AA."
                autocomplete="postal-code"
                width={10}
                errors={errors}
                value={v.postcode}
              />
              <Checkbox
                name="contactConsent"
                label="Email me about the response and the outcome of this petition"
                hint="We will not use your email address for anything else."
                errors={errors}
                checked={v.contactConsent === "yes"}
              />
              <Button>Sign this petition</Button>
            </Form>
          </>
        ) : (
          <p>
            This petition is not open for signatures. <a href={`/petitions/${p.id}`}>See where it is now</a>.
          </p>
        )}
      </TwoThirds>
    </Layout>,
    problem ? 422 : 200,
  );
}

async function signable<E extends AppEnv>(c: Context<E>): Promise<PetitionRow> {
  const { petition, removed } = await readablePetition(c);
  if (removed) throw notFound("petition");
  return petition;
}

petitionPages.get("/petitions/:id{[0-9]+}/sign", publicAccess, async (c) => renderSign(c, await signable(c)));

petitionPages.post("/petitions/:id{[0-9]+}/sign", publicAccess, async (c) => {
  const p = await signable(c);
  const form = await parseForm(c, SignatureInput);
  if (!form.ok) return renderSign(c, p, { errors: form.errors, values: form.values });
  return orShowAgain(
    c,
    async () => {
      await signPetition(depsOf(c), p, form.data, await clientIpHash(c));
      return c.redirect(`/petitions/${p.id}/sign/check-email`, 303);
    },
    (problem) => renderSign(c, p, problem),
  );
});

petitionPages.get("/petitions/:id{[0-9]+}/sign/check-email", publicAccess, async (c) => {
  const p = await signable(c);
  return renderPage(
    c,
    <CheckEmailPage ctx={await pageContext(c)}>
      <p>
        We have sent you an email about the petition "{p.title}". Select the link in it to confirm your signature.{" "}
        <strong>Your signature is not counted until you do.</strong>
      </p>
      <p>
        <a href={`/petitions/${p.id}`}>Back to the petition</a>
      </p>
    </CheckEmailPage>,
  );
});

// ---------------------------------------------------------------- moderation of one petition

type Section = "approve" | "reject" | "remove";

function PetitionSummaryBlock({ p, now }: { p: PetitionRow; now: Date }) {
  return (
    <>
      <SummaryList
        rows={[
          { key: "Addressed to", value: `${p.organisation_name}, ${p.area_name}` },
          { key: "Title", value: p.title },
          { key: "What they ask for", value: p.action },
          { key: "Why", value: <Paragraphs text={p.background} /> },
          { key: "Petitioner", value: p.petitioner_name ?? "" },
          { key: "Status", value: <StatusTag status={petitionStatus(p, now)} /> },
        ]}
      />
    </>
  );
}

async function renderModerate<E extends AppEnv>(c: Context<E>, p: PetitionRow, problem?: Problem & { section: Section }) {
  const ctx = await pageContext(c);
  const errorsFor = (s: Section) => (problem?.section === s ? problem.errors : {});
  const valueFor = (s: Section, field: string) => (problem?.section === s ? problem.values[field] : undefined);
  const reasonOptions = (codes: readonly RejectionCode[]) =>
    codes.map((code) => ({
      value: code,
      label: rejectionReasons[code].label,
      hint: rejectionReasons[code].hides ? "The petition will not be shown: only that it was removed, and why." : undefined,
    }));
  return renderPage(
    c,
    <Layout ctx={ctx} title={`Check: ${p.title}`}>
      <BackLink href="/petitions/moderation">Petitions to check</BackLink>
      <TwoThirds>
        <ErrorSummary errors={problem?.errors ?? {}} />
        <h1>{p.state === "pending" ? "Check this petition" : "Remove this petition"}</h1>
        <PetitionSummaryBlock p={p} now={c.var.now} />
        {p.state === "pending" ? (
          <>
            <h2 id="approve">Approve it</h2>
            <p>It opens for signatures now. Leave the closing date empty to use the organisation's usual length.</p>
            <Form action={`/petitions/${p.id}/moderate`} csrf={ctx.csrf}>
              <input type="hidden" name="decision" value="approve" />
              <TextInput
                name="closesOn"
                label="Last day for signatures (optional)"
                type="date"
                errors={errorsFor("approve")}
                value={valueFor("approve", "closesOn")}
              />
              <Button>Approve and open for signatures</Button>
            </Form>
            <h2 id="reject">Reject it</h2>
            <p>
              The petitioner is emailed the reason and your explanation. The petition stays on the website with the reason, unless the
              reason is a legal one.
            </p>
            <Form action={`/petitions/${p.id}/moderate`} csrf={ctx.csrf}>
              <input type="hidden" name="decision" value="reject" />
              <Radios
                name="reason"
                legend="Reason"
                options={reasonOptions(rejectionCodes)}
                errors={errorsFor("reject")}
                value={valueFor("reject", "reason")}
              />
              <Textarea
                name="explanation"
                label="Explanation for the petitioner"
                hint="Plain English. If it is a duplicate, say which petition to sign instead."
                errors={errorsFor("reject")}
                value={valueFor("reject", "explanation")}
              />
              <Button variant="warning">Reject petition</Button>
            </Form>
          </>
        ) : p.state === "open" || p.state === "closed" || p.state === "rejected" ? (
          <>
            <h2 id="remove">Remove it from view</h2>
            <p>
              Only for legal reasons. The page will say only that it was removed, and why. Any response owed is withdrawn. The petitioner is
              emailed.
            </p>
            <Form action={`/petitions/${p.id}/remove`} csrf={ctx.csrf}>
              <Radios
                name="reason"
                legend="Reason"
                options={reasonOptions(hidingCodes)}
                errors={errorsFor("remove")}
                value={valueFor("remove", "reason")}
              />
              <Textarea
                name="explanation"
                label="Explanation for the petitioner"
                errors={errorsFor("remove")}
                value={valueFor("remove", "explanation")}
              />
              <Button variant="warning">Remove petition</Button>
            </Form>
          </>
        ) : (
          <p>There is nothing to decide: the petition is {petitionStatusLabels[petitionStatus(p, c.var.now)].toLowerCase()}.</p>
        )}
      </TwoThirds>
    </Layout>,
    problem ? 422 : 200,
  );
}

const moderate = authorize("petition.moderate", petitionById);

petitionPages.get("/petitions/:id{[0-9]+}/moderate", moderate, (c) => renderModerate(c, recordOf<PetitionRow>(c)));

petitionPages.post("/petitions/:id{[0-9]+}/moderate", moderate, async (c) => {
  const p = recordOf<PetitionRow>(c);
  const form = await parseForm(c, ModerationDecision);
  const section: Section = (await typedValues(c)).decision === "approve" ? "approve" : "reject";
  if (!form.ok) return renderModerate(c, p, { section, errors: form.errors, values: form.values });
  const decision = form.data;
  return orShowAgain(
    c,
    async () => {
      const to = await moderatePetition(depsOf(c), c.var.actor!, c.var.actingRoles, p, decision);
      const message =
        to === "open"
          ? "Petition approved: it is open for signatures. The petitioner has been emailed."
          : to === "hidden"
            ? "Petition rejected and not shown. The petitioner has been emailed."
            : "Petition rejected. The petitioner has been emailed.";
      return redirectWithFlash(c, to === "hidden" ? "/petitions/moderation" : `/petitions/${p.id}`, message);
    },
    (problem) => renderModerate(c, p, { ...problem, section }),
  );
});

petitionPages.post("/petitions/:id{[0-9]+}/remove", authorize("petition.remove", petitionById), async (c) => {
  const p = recordOf<PetitionRow>(c);
  const form = await parseForm(c, RemovalInput);
  if (!form.ok) return renderModerate(c, p, { section: "remove", errors: form.errors, values: form.values });
  await removePetition(depsOf(c), c.var.actor!, c.var.actingRoles, p, form.data);
  return redirectWithFlash(c, "/petitions/dashboard", "Petition removed from view. The petitioner has been emailed.");
});

// ---------------------------------------------------------------- responding (with a preview)

/** A form page about a petition's response or scrutiny: only once it has opened. */
function answerablePage(render: (c: Context<AuthorizedEnv<PetitionRow>>, p: PetitionRow) => Promise<Response>) {
  return async (c: Context<AuthorizedEnv<PetitionRow>>) => {
    const p = recordOf<PetitionRow>(c);
    if (p.state !== "open" && p.state !== "closed") {
      throw new AppError(409, "transition_not_allowed", "This is only possible for a petition that has opened for signatures.");
    }
    return render(c, p);
  };
}

async function renderRespond<E extends AppEnv>(c: Context<E>, p: PetitionRow, problem?: Problem) {
  const ctx = await pageContext(c);
  const errors = problem?.errors ?? {};
  const text = problem?.values.text ?? p.response_draft ?? p.response_text ?? "";
  return renderPage(
    c,
    <Layout ctx={ctx} title={`Respond: ${p.title}`}>
      <BackLink href={`/petitions/${p.id}`}>Back to the petition</BackLink>
      <TwoThirds>
        <ErrorSummary errors={errors} />
        <span class="nhsuk-caption-l">{p.response_state === "responded" ? "Change the response" : "Respond to the petition"}</span>
        <h1>{p.title}</h1>
        <p class="nhsuk-lede-text">{p.action}</p>
        <SummaryList
          rows={[
            { key: "Signatures", value: n(p.signature_count) },
            { key: "Response due", value: p.response_due_at ? formatLondonDate(p.response_due_at) : "Not owed yet" },
          ]}
        />
        <Form action={`/petitions/${p.id}/respond`} csrf={ctx.csrf}>
          <Textarea
            name="text"
            label="Your response"
            hint="Plain text. Say what you will do, and by when. Leave a blank line between paragraphs. You will see it as it will appear before you publish it."
            rows={14}
            errors={errors}
            value={text}
          />
          <Button name="intent" value="preview">
            Preview response
          </Button>
        </Form>
      </TwoThirds>
    </Layout>,
    problem ? 422 : 200,
  );
}

async function renderPreview<E extends AppEnv>(c: Context<E>, p: PetitionRow, text: string) {
  const ctx = await pageContext(c);
  return renderPage(
    c,
    <Layout ctx={ctx} title={`Check your response: ${p.title}`}>
      <TwoThirds>
        <span class="nhsuk-caption-l">{p.title}</span>
        <h1>Check your response before publishing</h1>
        <p>
          This is how it will appear on the petition page.{" "}
          {p.response_state === "responded"
            ? "The change replaces the published response."
            : "Publishing emails it to the petitioner and to everyone who signed and asked to hear."}
        </p>
        <div class="nhsuk-card app-response-preview">
          <div class="nhsuk-card__content">
            <h2 class="nhsuk-card__heading">Response from {p.organisation_name}</h2>
            <Paragraphs text={text} />
          </div>
        </div>
        <Form action={`/petitions/${p.id}/respond`} csrf={ctx.csrf}>
          <input type="hidden" name="text" value={text} />
          <div class="app-button-group">
            <Button name="intent" value="publish">
              {p.response_state === "responded" ? "Publish the change" : "Publish response"}
            </Button>
            <Button name="intent" value="edit" variant="secondary">
              Change response
            </Button>
          </div>
        </Form>
      </TwoThirds>
    </Layout>,
  );
}

const respond = authorize("petition.respond", petitionById);

petitionPages.get(
  "/petitions/:id{[0-9]+}/respond",
  respond,
  answerablePage((c, p) => renderRespond(c, p)),
);

petitionPages.post(
  "/petitions/:id{[0-9]+}/respond",
  respond,
  answerablePage(async (c, p) => {
    const intent = (await typedValues(c)).intent;
    const form = await parseForm(c, ResponseInput);
    if (!form.ok) return renderRespond(c, p, { errors: form.errors, values: form.values });
    const text = form.data.text;
    // "Change response" on the preview: the form again, with the text as it was.
    if (intent === "edit") return renderRespond(c, { ...p, response_draft: text });
    if (intent !== "publish") {
      await saveResponseDraft(depsOf(c), p, text);
      return renderPreview(c, p, text);
    }
    const { amended } = await publishResponse(depsOf(c), c.var.caller!, c.var.actingRoles, p, text);
    return redirectWithFlash(
      c,
      `/petitions/${p.id}#response`,
      amended ? "The response has been changed." : "Response published. The petitioner and signers who asked to hear are being emailed.",
    );
  }),
);

// ---------------------------------------------------------------- scrutiny

async function renderScrutiny<E extends AppEnv>(c: Context<E>, p: PetitionRow, problem?: Problem) {
  const ctx = await pageContext(c);
  const errors = problem?.errors ?? {};
  const v = problem?.values ?? { meetingDate: p.osc_meeting_date ?? "", decision: p.osc_decision ?? "", outcome: p.osc_outcome ?? "" };
  const referralWhy = {
    threshold: "it reached the signatures for a referral",
    dissatisfied: "the petitioner was not satisfied with the response",
    clerk: "a clerk referred it",
  } as Record<string, string>;
  return renderPage(
    c,
    <Layout ctx={ctx} title={`Scrutiny: ${p.title}`}>
      <BackLink href={`/petitions/${p.id}`}>Back to the petition</BackLink>
      <TwoThirds>
        <ErrorSummary errors={errors} />
        <span class="nhsuk-caption-l">Scrutiny committee</span>
        <h1>{p.title}</h1>
        {p.scrutiny_state === "none" ? (
          <>
            <p>
              This petition has not been referred to the committee. You can refer it, for example when the committee asks to consider it.
            </p>
            <Form action={`/petitions/${p.id}/scrutiny/refer`} csrf={ctx.csrf}>
              <Button>Refer to the scrutiny committee</Button>
            </Form>
          </>
        ) : (
          <>
            <p>
              Referred on {p.referred_at ? formatLondonDate(p.referred_at) : "an unknown date"}
              {p.referral_reason ? `: ${referralWhy[p.referral_reason] ?? p.referral_reason}` : ""}.
            </p>
            <h2>{p.scrutiny_state === "considered" ? "Change the committee's outcome" : "Record the committee's consideration"}</h2>
            <p>
              The decision and outcome are published on the petition page.{" "}
              {p.scrutiny_state === "considered" ? "" : "The petitioner and signers who asked to hear are emailed."}
            </p>
            <Form action={`/petitions/${p.id}/scrutiny`} csrf={ctx.csrf}>
              <TextInput name="meetingDate" label="Date of the meeting" type="date" errors={errors} value={v.meetingDate} />
              <Textarea name="decision" label="What the committee decided" rows={3} errors={errors} value={v.decision} />
              <Textarea
                name="outcome"
                label="Outcome"
                hint="What will happen as a result, in plain English. Leave a blank line between paragraphs."
                rows={8}
                errors={errors}
                value={v.outcome}
              />
              <Button>{p.scrutiny_state === "considered" ? "Save the change" : "Record and publish the outcome"}</Button>
            </Form>
          </>
        )}
      </TwoThirds>
    </Layout>,
    problem ? 422 : 200,
  );
}

const scrutiny = authorize("petition.record_scrutiny", petitionById);

petitionPages.get(
  "/petitions/:id{[0-9]+}/scrutiny",
  scrutiny,
  answerablePage((c, p) => renderScrutiny(c, p)),
);

petitionPages.post("/petitions/:id{[0-9]+}/scrutiny/refer", scrutiny, async (c) => {
  const p = recordOf<PetitionRow>(c);
  await referPetition(depsOf(c), { actor: c.var.actor!, roles: c.var.actingRoles }, p);
  return redirectWithFlash(c, `/petitions/${p.id}/scrutiny`, "Referred to the scrutiny committee.");
});

petitionPages.post("/petitions/:id{[0-9]+}/scrutiny", scrutiny, async (c) => {
  const p = recordOf<PetitionRow>(c);
  const form = await parseForm(c, ScrutinyInput);
  if (!form.ok) return renderScrutiny(c, p, { errors: form.errors, values: form.values });
  return orShowAgain(
    c,
    async () => {
      const { amended } = await recordScrutiny(depsOf(c), c.var.actor!, c.var.actingRoles, p, form.data);
      return redirectWithFlash(
        c,
        `/petitions/${p.id}#scrutiny`,
        amended ? "The outcome has been changed." : "The committee's outcome is published.",
      );
    },
    (problem) => renderScrutiny(c, p, problem),
  );
});

// The petitioner's link from the response email: not satisfied, refer it to the committee.
petitionPages.get("/petitions/:id{[0-9]+}/refer", publicAccess, async (c) => {
  const { petition } = await readablePetition(c);
  const ctx = await pageContext(c);
  c.header("Referrer-Policy", "no-referrer");
  return renderPage(
    c,
    <ContinuePage
      ctx={ctx}
      title="Ask for a referral to the scrutiny committee"
      text={
        <>
          <p>
            If you are not satisfied with the response to your petition "{petition.title}", the council's health scrutiny committee can
            consider it in public.
          </p>
          <p>Select the button to ask for the referral. The committee's clerk will be told.</p>
        </>
      }
      action={`/petitions/${petition.id}/refer`}
      token={c.req.query("token") ?? ""}
    />,
  );
});

petitionPages.post("/petitions/:id{[0-9]+}/refer", publicAccess, async (c) => {
  const { petition } = await readablePetition(c);
  const form = await parseForm(c, TokenInput);
  const ctx = depsOf(c);
  if (!form.ok || !(await isReferralToken(ctx.secret, petition.id, form.data.token)))
    return renderPage(c, invalidLink(await pageContext(c)), 400);
  await referPetition(ctx, "petitioner", petition);
  return redirectWithFlash(c, `/petitions/${petition.id}#scrutiny`, "Your petition has been referred to the scrutiny committee.");
});
