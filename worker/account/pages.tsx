// Web pages for signing in and out, and the person's account (extension pairing, alert preferences).
import { Hono, type Context } from "hono";
import { SignInConfirmForm, SignInForm } from "../../shared/schemas/auth";
import { roleLabels } from "../../shared/roles";
import { formatLondonDateTime } from "../../shared/time";
import { LEAD_TIME_CHOICES } from "../../shared/alerts/timing";
import { PreferencesForm } from "../../shared/schemas/preferences";
import { batch } from "../platform/db";
import { preferencesChanged } from "../alerts/service";
import { auditInsert } from "../platform/audit";
import { deliverOutbox, senderFor } from "../email/sender";
import type { AppEnv } from "../platform/env";
import { AppError } from "../platform/errors";
import { clientIpHash, parseForm } from "../platform/validation";
import { Button, Checkbox, ErrorSummary, Form, InsetText, Table, TextInput, type FieldErrors, type FormValues } from "../web/components";
import { Layout } from "../web/layout";
import { pageContext, redirectWithFlash, renderPage, type PageContext } from "../web/render";
import { publicAccess, signedIn } from "../auth/middleware";
import { createPairingCode, formatPairingCode, PAIRING_CODE_MINUTES, revokeApiToken } from "./pairing";
import { endSession, startSession } from "../auth/session";
import { isSafeNext, redeemSignInToken, requestSignInLink, SIGN_IN_LINK_MINUTES } from "./signIn";
import { pathId } from "../platform/pathId";

export const authPages = new Hono<AppEnv>();

function SignInPage({
  ctx,
  errors = {},
  values = {},
  next,
}: {
  ctx: PageContext;
  errors?: FieldErrors;
  values?: FormValues;
  next?: string | undefined;
}) {
  return (
    <Layout ctx={ctx} title="Sign in">
      <div class="nhsuk-grid-row">
        <div class="nhsuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <h1>Sign in</h1>
          <p>
            We will email you a link to sign in. There is no password to remember. You only need to sign in if you work with a LINk, a
            council, or an NHS organisation. Anyone can read petitions and consultations, or sign a petition, without an account.
          </p>
          <Form action="/sign-in" csrf={ctx.csrf}>
            {next ? <input type="hidden" name="next" value={next} /> : null}
            <TextInput
              name="email"
              label="Email address"
              type="email"
              autocomplete="email"
              spellcheck={false}
              errors={errors}
              value={values.email}
            />
            <Button>Email me a sign-in link</Button>
          </Form>
        </div>
      </div>
    </Layout>
  );
}

authPages.get("/sign-in", publicAccess, async (c) => {
  const next = c.req.query("next");
  return renderPage(c, <SignInPage ctx={await pageContext(c)} next={next && isSafeNext(next) ? next : undefined} />);
});

authPages.post("/sign-in", publicAccess, async (c) => {
  const form = await parseForm(c, SignInForm);
  if (!form.ok) {
    return renderPage(c, <SignInPage ctx={await pageContext(c)} errors={form.errors} values={form.values} />, 422);
  }
  const outboxId = await requestSignInLink(form.data.email, {
    db: c.var.db,
    d1: c.env.DB,
    publicUrl: c.env.PUBLIC_URL,
    now: c.var.now,
    ipHash: await clientIpHash(c),
    next: form.data.next,
  });
  const sender = senderFor(c.env);
  if (outboxId !== null && sender) {
    // Send now rather than waiting for the next scheduled run; the cron retries on failure.
    c.executionCtx.waitUntil(deliverOutbox(c.var.db, sender, c.env.EMAIL_FROM, c.var.now, { ids: [outboxId] }).catch(() => undefined));
  }
  return c.redirect(`/sign-in/check-email?email=${encodeURIComponent(form.data.email)}`, 303);
});

authPages.get("/sign-in/check-email", publicAccess, async (c) => {
  const ctx = await pageContext(c);
  const email = c.req.query("email") ?? "your email address";
  return renderPage(
    c,
    <Layout ctx={ctx} title="Check your email">
      <h1>Check your email</h1>
      <p>
        If <strong>{email}</strong> belongs to an account, we have sent it a sign-in link. The link works once and expires in{" "}
        {SIGN_IN_LINK_MINUTES} minutes.
      </p>
      <p>
        Not arrived after a few minutes? Check your spam folder, or <a href="/sign-in">ask for another link</a>. If you still cannot sign
        in, ask the administrator for your area to check the email address they have for you.
      </p>
      {ctx.localDev ? (
        <InsetText>
          <p>
            This is a local copy: open the <a href="/dev/outbox">outbox</a> to find the link.
          </p>
        </InsetText>
      ) : null}
    </Layout>,
  );
});

function LinkProblemPage({ ctx, reason }: { ctx: PageContext; reason: "invalid" | "expired" | "used" }) {
  const why = {
    invalid: "This sign-in link is not valid. It may have been copied incompletely.",
    expired: `This sign-in link has expired. Links last ${SIGN_IN_LINK_MINUTES} minutes.`,
    used: "This sign-in link has already been used. Each link works once.",
  }[reason];
  return (
    <Layout ctx={ctx} title="Sign-in link problem">
      <h1>We could not sign you in</h1>
      <p>{why}</p>
      <p>
        <a href="/sign-in">Ask for a new sign-in link</a>.
      </p>
    </Layout>
  );
}

// Opening the link shows a button rather than signing in at once, so that email
// scanners which follow links do not use it up.
authPages.get("/sign-in/confirm", publicAccess, async (c) => {
  const token = c.req.query("token") ?? "";
  const next = c.req.query("next");
  const ctx = await pageContext(c);
  c.header("Referrer-Policy", "no-referrer");
  return renderPage(
    c,
    <Layout ctx={ctx} title="Sign in">
      <h1>Sign in</h1>
      <p>Select the button to finish signing in on this device.</p>
      <Form action="/sign-in/confirm" csrf={ctx.csrf}>
        <input type="hidden" name="token" value={token} />
        {next && isSafeNext(next) ? <input type="hidden" name="next" value={next} /> : null}
        <Button>Continue</Button>
      </Form>
    </Layout>,
  );
});

authPages.post("/sign-in/confirm", publicAccess, async (c) => {
  const form = await parseForm(c, SignInConfirmForm);
  const result = form.ok
    ? await redeemSignInToken(c.var.db, c.env.DB, form.data.token, c.var.now)
    : ({ ok: false, reason: "invalid" } as const);
  if (!result.ok) return renderPage(c, <LinkProblemPage ctx={await pageContext(c)} reason={result.reason} />, 400);
  await startSession(c, result.personId);
  const next = form.ok && form.data.next && isSafeNext(form.data.next) ? form.data.next : "/account";
  return redirectWithFlash(c, next, "You are signed in.");
});

authPages.post("/sign-out", publicAccess, async (c) => {
  const actor = c.var.caller;
  if (actor) {
    await auditInsert(c.var.db, {
      actor,
      areaId: null,
      entity: "person",
      entityId: actor.personId,
      action: "signed_out",
      at: c.var.now,
    }).execute();
  }
  await endSession(c);
  return redirectWithFlash(c, "/", "You are signed out.");
});

authPages.get("/account", signedIn, async (c) => renderAccount(c));

async function renderAccount<E extends AppEnv>(
  c: Context<E>,
  extra: { pairing?: { code: string; expiresAt: Date }; errors?: FieldErrors } = {},
) {
  const actor = c.var.caller!;
  const ctx = await pageContext(c);
  const tokens = await c.var.db
    .selectFrom("api_tokens")
    .select(["id", "label", "created_at", "last_used_at"])
    .where("person_id", "=", actor.personId)
    .where("revoked_at", "is", null)
    .orderBy("created_at", "desc")
    .execute();
  return renderPage(
    c,
    <Layout ctx={ctx} title="Your account">
      <ErrorSummary errors={extra.errors ?? {}} />
      <h1>Your account</h1>
      <p>
        Signed in as <strong>{actor.name}</strong> ({actor.email}).
      </p>
      <h2>Your roles</h2>
      {actor.memberships.length ? (
        <Table
          caption="Organisations you work with"
          head={["Organisation", "Area", "Role"]}
          rows={actor.memberships.map((m) => [m.organisationName, m.areaName, roleLabels[m.role]])}
        />
      ) : (
        <p>You do not hold a role in any organisation yet. Ask the administrator for your area to add you.</p>
      )}

      <h2 id="extension">Browser extension</h2>
      <p>
        The extension lets you save a consultation page in one click and reminds you before it closes. To connect it to your account, get a
        pairing code here and type it into the extension's options page.
      </p>
      {extra.pairing ? (
        <div class="nhsuk-card app-pairing-code">
          <div class="nhsuk-card__content">
            <h3 class="nhsuk-card__heading">Your pairing code</h3>
            <p class="app-code" aria-label={`Pairing code ${extra.pairing.code.split("").join(" ")}`}>
              {formatPairingCode(extra.pairing.code)}
            </p>
            <p>
              Type this into the extension's options page. It works once, until {formatLondonDateTime(extra.pairing.expiresAt)} (
              {PAIRING_CODE_MINUTES} minutes).
            </p>
          </div>
        </div>
      ) : (
        <Form action="/account/pairing-code" csrf={ctx.csrf}>
          <Button variant="secondary">Get a pairing code</Button>
        </Form>
      )}
      {tokens.length ? (
        <>
          <h3>Connected extensions</h3>
          <Table
            caption="Browsers connected to your account"
            head={["Name", "Connected", "Last used", ""]}
            rows={tokens.map((t) => [
              t.label,
              formatLondonDateTime(t.created_at),
              t.last_used_at ? formatLondonDateTime(t.last_used_at) : "Not yet",
              <Form action={`/account/tokens/${t.id}/revoke`} csrf={ctx.csrf}>
                <Button variant="secondary" small>
                  Disconnect<span class="nhsuk-u-visually-hidden"> {t.label}</span>
                </Button>
              </Form>,
            ])}
          />
        </>
      ) : null}

      <h2 id="alerts">Deadline alerts</h2>
      <Form action="/account/preferences" csrf={ctx.csrf}>
        <div class={`nhsuk-form-group${extra.errors?.leadTimes ? " nhsuk-form-group--error" : ""}`}>
          <fieldset class="nhsuk-fieldset" aria-describedby="leadTimes-hint">
            <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">When should we remind you about deadlines?</legend>
            <div class="nhsuk-hint" id="leadTimes-hint">
              For everything you watch: consultations, petitions and requests.
            </div>
            {extra.errors?.leadTimes ? (
              <span class="nhsuk-error-message" id="leadTimes-error">
                <span class="nhsuk-u-visually-hidden">Error: </span>
                {extra.errors.leadTimes}
              </span>
            ) : null}
            <div class="nhsuk-checkboxes nhsuk-checkboxes--small" data-module="nhsuk-checkboxes">
              {LEAD_TIME_CHOICES.map((choice, i) => (
                <div class="nhsuk-checkboxes__item" key={choice.days}>
                  <input
                    class="nhsuk-checkboxes__input"
                    id={i === 0 ? "leadTimes" : `leadTimes-${i + 1}`}
                    name="leadTimes"
                    type="checkbox"
                    value={String(choice.days)}
                    checked={actor.leadTimes.includes(choice.days)}
                  />
                  <label class="nhsuk-label nhsuk-checkboxes__label" for={i === 0 ? "leadTimes" : `leadTimes-${i + 1}`}>
                    {choice.label}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <Checkbox
          name="dailyDigest"
          label="Send me one email a day with all my reminders, instead of one email for each"
          checked={actor.dailyDigest}
        />
        <Button variant="secondary">Save alert settings</Button>
      </Form>
    </Layout>,
    extra.errors ? 422 : 200,
  );
}

authPages.post("/account/pairing-code", signedIn, async (c) => {
  const actor = c.var.actor!;
  const pairing = await createPairingCode(c.var.db, actor.personId, c.var.now);
  return renderAccount(c, { pairing });
});

authPages.post("/account/tokens/:id/revoke", signedIn, async (c) => {
  const id = pathId(c);
  if (id === null) throw new AppError(404, "not_found", "That connection does not exist.");
  const revoked = await revokeApiToken(c.var.db, c.env.DB, c.var.actor!.personId, id, c.var.now);
  if (!revoked) throw new AppError(404, "not_found", "That connection does not exist, or was already disconnected.");
  return redirectWithFlash(c, "/account#extension", "The extension was disconnected. It can no longer use your account.");
});

authPages.post("/account/preferences", signedIn, async (c) => {
  const form = await parseForm(c, PreferencesForm);
  if (!form.ok) return renderAccount(c, { errors: form.errors });
  const actor = c.var.actor!;
  await batch(c.env.DB, [
    c.var.db
      .updateTable("people")
      .set({ lead_times: JSON.stringify(form.data.leadTimes), daily_digest: form.data.dailyDigest ? 1 : 0 })
      .where("id", "=", actor.personId),
    auditInsert(c.var.db, {
      actor,
      areaId: null,
      entity: "person",
      entityId: actor.personId,
      action: "preferences_changed",
      at: c.var.now,
      details: form.data,
    }),
  ]);
  await preferencesChanged(c.var.db, c.env.DB, actor.personId, c.var.now);
  return redirectWithFlash(c, "/account#alerts", "Your alert settings are saved.");
});
