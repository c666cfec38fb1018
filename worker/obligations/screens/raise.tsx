// Raising a request, in two steps that work without JavaScript: choose the kind, then fill in its form.
import { type Context, Hono } from "hono";
import { obligationKinds } from "../../../shared/obligations/machine";
import { type RaisableKind, type RaiseRule, raisableKinds, raiseRules } from "../../../shared/obligations/rules";
import { organisationKindLabels, type OrganisationKind } from "../../../shared/roles";
import { ObligationForm, type ObligationInput } from "../../../shared/schemas/obligations";
import { formatLondonDate } from "../../../shared/time";
import { signedIn } from "../../auth/middleware";
import type { Actor } from "../../platform/actor";
import { randomToken } from "../../platform/crypto";
import type { DB } from "../../platform/db";
import { type Deps, depsOf } from "../../platform/deps";
import type { AppEnv } from "../../platform/env";
import { AppError, forbidden } from "../../platform/errors";
import { organisationsReached } from "../../platform/reach";
import { parseForm } from "../../platform/validation";
import {
  BackLink,
  Button,
  ErrorSummary,
  type FieldErrors,
  Form,
  type FormValues,
  type Problem,
  Radios,
  Select,
  Textarea,
  TextInput,
} from "../../web/components";
import { LinkFields } from "../../web/deadlines";
import { Layout } from "../../web/layout";
import { type PageContext, pageContext, redirectWithFlash, renderPage } from "../../web/render";
import { raiseObligation } from "../service";

type Party = { id: number; name: string; area_id: number; kind: OrganisationKind };

/** The first step: the kinds this person can raise, and whether they asked for one they cannot. */
export interface ChooseKindView {
  page: PageContext;
  available: RaisableKind[];
  refused: boolean;
}

/** The second step: the kind's form, the organisations it can be raised for and addressed to. */
export interface RaiseFormView {
  page: PageContext;
  kind: RaisableKind;
  raising: Party[];
  counterparts: Party[];
  clientId: string;
  problem: Problem | null;
}

const kindHints: Record<RaisableKind, string> = {
  information_request:
    "Ask a commissioner or provider for information. They must reply within 20 working days unless your area set another period.",
  report: "Send a report or recommendations, for example after an enter and view visit. The organisation must reply.",
  osc_referral: "Refer a matter to the overview and scrutiny committee. The committee must acknowledge it.",
  osc_consultation_response:
    "Record that an NHS body has consulted the scrutiny committee, and the date it set for the committee's response.",
};

const isRaisableKind = (k: string | undefined): k is RaisableKind => raisableKinds.some((r) => r === k);

/** Of the organisations a person can raise for, those that raise this kind (a LINk, or the committee). */
const raisingSide = (rule: RaiseRule, reached: readonly Party[]) =>
  reached.filter((o) => (rule.raisedBy === "owed_to" ? rule.owedTo : rule.owedBy).includes(o.kind));

/** The organisations a kind can be addressed to (or, for a committee, asked by) in the raising side's areas. */
async function counterpartsOf(db: DB, rule: RaiseRule, raising: readonly Party[]): Promise<Party[]> {
  const areas = [...new Set(raising.map((o) => o.area_id))];
  if (areas.length === 0) return [];
  const kinds = rule.raisedBy === "owed_to" ? rule.owedBy : rule.owedTo;
  const organisations = await db
    .selectFrom("organisations")
    .select(["id", "name", "area_id", "kind"])
    .where("area_id", "in", areas)
    .orderBy("name")
    .limit(500)
    .execute();
  return organisations.filter((o) => kinds.includes(o.kind));
}

/** Loader: the kinds the actor can raise (403 when none) and, for one of them, both sides of its form; null form otherwise. */
export async function loadRaise(deps: Deps, actor: Actor, kind: RaisableKind | null) {
  const reached = await organisationsReached(deps.db, actor.memberships, "obligation.raise");
  const available = raisableKinds.filter((k) => raisingSide(raiseRules[k], reached).length > 0);
  if (available.length === 0) throw forbidden("Only LINk members and scrutiny clerks can raise requests, for their own organisation.");
  const chosen = available.find((k) => k === kind);
  if (!chosen) return { available, form: null };
  const raising = raisingSide(raiseRules[chosen], reached);
  return { available, form: { kind: chosen, raising, counterparts: await counterpartsOf(deps.db, raiseRules[chosen], raising) } };
}

export function ChooseKindPage({ page, available, refused }: ChooseKindView) {
  const errors: FieldErrors = refused ? { kind: "Choose what you want to raise" } : {};
  return (
    <Layout ctx={page} title="Raise a request">
      <BackLink href="/obligations">Requests</BackLink>
      <ErrorSummary errors={errors} />
      <form action="/obligations/new" method="get" novalidate>
        <Radios
          name="kind"
          legend="What do you want to raise?"
          options={available.map((k) => ({ value: k, label: obligationKinds[k].label, hint: kindHints[k] }))}
          errors={errors}
        />
        <Button>Continue</Button>
      </form>
    </Layout>
  );
}

/** Who raises it and who it is to: a hidden field when the person raises for one organisation only. */
function PartyFields({ kind, raising, counterparts, problem }: Omit<RaiseFormView, "page" | "clientId">) {
  const rule = raiseRules[kind];
  const errors = problem?.errors ?? {};
  const values = problem?.values ?? {};
  const raisingField = rule.raisedBy === "owed_to" ? "owedToOrganisationId" : "owedByOrganisationId";
  const counterpartField = rule.raisedBy === "owed_to" ? "owedByOrganisationId" : "owedToOrganisationId";
  const only = raising.length === 1 ? raising[0] : undefined;
  return (
    <>
      {only ? (
        <input type="hidden" name={raisingField} value={String(only.id)} />
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
          rule.raisedBy === "owed_to" ? `Choose ${rule.addressedTo} in your area.` : "The NHS body or council that consulted the committee."
        }
        placeholder="Choose"
        options={counterparts.map((o) => ({ value: String(o.id), label: `${o.name} (${organisationKindLabels[o.kind]})` }))}
        errors={errors}
        value={values[counterpartField]}
      />
    </>
  );
}

export function RaiseFormPage({ page, kind, raising, counterparts, clientId, problem }: RaiseFormView) {
  const errors = problem?.errors ?? {};
  const values = problem?.values ?? {};
  const label = obligationKinds[kind].label;
  return (
    <Layout ctx={page} title={`Raise a ${label.toLowerCase()}`}>
      <BackLink href="/obligations/new">Choose another kind of request</BackLink>
      <ErrorSummary errors={errors} />
      <h1>{label}</h1>
      <p>{kindHints[kind]}</p>
      <Form action="/obligations" csrf={page.csrf}>
        <input type="hidden" name="clientId" value={clientId} />
        <input type="hidden" name="kind" value={kind} />
        <PartyFields kind={kind} raising={raising} counterparts={counterparts} problem={problem} />
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
        {raiseRules[kind].due === "date_given" ? (
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
    </Layout>
  );
}

/** What was sent, back into form fields, links as links.N.title / links.N.url. */
function formValuesOf({ links, ...fields }: ObligationInput): FormValues {
  const values: FormValues = {};
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) values[name] = String(value);
  links.forEach((l, i) => {
    values[`links.${i}.title`] = l.title;
    values[`links.${i}.url`] = l.url;
  });
  return values;
}

/** The step a kind leads to: its form (with what was typed, when sent back to be corrected), or the choice of kind. */
async function respond<E extends AppEnv>(c: Context<E>, actor: Actor, kind: RaisableKind | null, problem: Problem | null) {
  const { available, form } = await loadRaise(depsOf(c), actor, kind);
  const page = await pageContext(c);
  if (!form) return renderPage(c, <ChooseKindPage page={page} available={available} refused={kind !== null} />, kind ? 422 : 200);
  const clientId = problem?.values.clientId ?? randomToken(16);
  const status = problem && Object.keys(problem.errors).length ? 422 : 200;
  return renderPage(c, <RaiseFormPage page={page} {...form} clientId={clientId} problem={problem} />, status);
}

export const raiseScreen = new Hono<AppEnv>()
  .get("/obligations/new", signedIn, (c) => {
    const kind = c.req.query("kind");
    return respond(c, c.var.actor, isRaisableKind(kind) ? kind : null, null);
  })
  .post("/obligations", signedIn, async (c) => {
    const form = await parseForm(c, ObligationForm);
    // A form that names no kind it could be goes back to the first step, as asking for the form without one does.
    if (!form.ok) return respond(c, c.var.actor, isRaisableKind(form.values.kind) ? form.values.kind : null, form);
    try {
      const { obligation } = await raiseObligation(depsOf(c), c.var.actor, form.data);
      return redirectWithFlash(
        c,
        `/obligations/${obligation.id}`,
        `Sent to ${obligation.owed_by_name}. A reply is due by the end of ${formatLondonDate(obligation.due_at)}.`,
      );
    } catch (err) {
      if (err instanceof AppError && err.fields)
        return respond(c, c.var.actor, form.data.kind, { errors: err.fields, values: formValuesOf(form.data) });
      throw err;
    }
  });
