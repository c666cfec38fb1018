// The person's own account: their roles, pairing and disconnecting the browser extension, and when to be reminded of deadlines.
import { type Context, Hono } from "hono";
import { LEAD_TIME_CHOICES } from "../../../shared/alerts/timing";
import { PreferencesForm } from "../../../shared/schemas/preferences";
import { roleLabels } from "../../../shared/roles";
import { formatLondonDateTime } from "../../../shared/time";
import { signedIn } from "../../auth/middleware";
import type { Actor } from "../../platform/actor";
import { type Deps, depsOf } from "../../platform/deps";
import type { AppEnv } from "../../platform/env";
import { AppError } from "../../platform/errors";
import { pathId } from "../../platform/pathId";
import { parseForm } from "../../platform/validation";
import { Button, Checkbox, Checkboxes, ErrorSummary, type FieldErrors, Form, Table } from "../../web/components";
import { Layout } from "../../web/layout";
import { type PageContext, pageContext, redirectWithFlash, renderPage } from "../../web/render";
import { createPairingCode, formatPairingCode, PAIRING_CODE_MINUTES, type PairingCode, revokeApiToken } from "../pairing";
import { savePreferences } from "../service";

interface ConnectedExtension {
  id: number;
  label: string;
  created_at: string;
  last_used_at: string | null;
}

export interface AccountView {
  page: PageContext;
  person: Actor;
  /** The extensions (API tokens) still connected, newest first. */
  extensions: ConnectedExtension[];
  /** A code just made, to show once. */
  pairing: PairingCode | null;
  /** What was wrong with the alert settings sent. */
  errors: FieldErrors | null;
}

export async function loadAccount(deps: Deps, person: Actor): Promise<Pick<AccountView, "person" | "extensions">> {
  const extensions = await deps.db
    .selectFrom("api_tokens")
    .select(["id", "label", "created_at", "last_used_at"])
    .where("person_id", "=", person.personId)
    .where("revoked_at", "is", null)
    .orderBy("created_at", "desc")
    .execute();
  return { person, extensions };
}

function Roles({ person }: { person: Actor }) {
  return person.memberships.length ? (
    <Table
      caption="Organisations you work with"
      head={["Organisation", "Area", "Role"]}
      rows={person.memberships.map((m) => [m.organisationName, m.areaName, roleLabels[m.role]])}
    />
  ) : (
    <p>You do not hold a role in any organisation yet. Ask the administrator for your area to add you.</p>
  );
}

function PairingCodeCard({ pairing }: { pairing: PairingCode }) {
  return (
    <div class="nhsuk-card app-pairing-code">
      <div class="nhsuk-card__content">
        <h3 class="nhsuk-card__heading">Your pairing code</h3>
        <p class="app-code" aria-label={`Pairing code ${pairing.code.split("").join(" ")}`}>
          {formatPairingCode(pairing.code)}
        </p>
        <p>
          Type this into the extension's options page. It works once, until {formatLondonDateTime(pairing.expiresAt)} (
          {PAIRING_CODE_MINUTES} minutes).
        </p>
      </div>
    </div>
  );
}

function ConnectedExtensions({ extensions, csrf }: { extensions: ConnectedExtension[]; csrf: string }) {
  if (extensions.length === 0) return null;
  return (
    <>
      <h3>Connected extensions</h3>
      <Table
        caption="Browsers connected to your account"
        head={["Name", "Connected", "Last used", ""]}
        rows={extensions.map((t) => [
          t.label,
          formatLondonDateTime(t.created_at),
          t.last_used_at ? formatLondonDateTime(t.last_used_at) : "Not yet",
          <Form action={`/account/tokens/${t.id}/revoke`} csrf={csrf}>
            <Button variant="secondary" small>
              Disconnect<span class="nhsuk-u-visually-hidden"> {t.label}</span>
            </Button>
          </Form>,
        ])}
      />
    </>
  );
}

function AlertSettings({ person, errors, csrf }: { person: Actor; errors: FieldErrors | null; csrf: string }) {
  return (
    <Form action="/account/preferences" csrf={csrf}>
      <Checkboxes
        name="leadTimes"
        legend="When should we remind you about deadlines?"
        hint="For everything you watch: consultations, petitions and requests."
        options={LEAD_TIME_CHOICES.map((choice) => ({ value: String(choice.days), label: choice.label }))}
        values={person.leadTimes.map(String)}
        errors={errors ?? {}}
        small
      />
      <Checkbox
        name="dailyDigest"
        label="Send me one email a day with all my reminders, instead of one email for each"
        checked={person.dailyDigest}
      />
      <Button variant="secondary">Save alert settings</Button>
    </Form>
  );
}

export function AccountPage({ page, person, extensions, pairing, errors }: AccountView) {
  return (
    <Layout ctx={page} title="Your account">
      <ErrorSummary errors={errors ?? {}} />
      <h1>Your account</h1>
      <p>
        Signed in as <strong>{person.name}</strong> ({person.email}).
      </p>
      <h2>Your roles</h2>
      <Roles person={person} />

      <h2 id="extension">Browser extension</h2>
      <p>
        The extension lets you save a consultation page in one click and reminds you before it closes. To connect it to your account, get a
        pairing code here and type it into the extension's options page.
      </p>
      {pairing ? (
        <PairingCodeCard pairing={pairing} />
      ) : (
        <Form action="/account/pairing-code" csrf={page.csrf}>
          <Button variant="secondary">Get a pairing code</Button>
        </Form>
      )}
      <ConnectedExtensions extensions={extensions} csrf={page.csrf} />

      <h2 id="alerts">Deadline alerts</h2>
      <AlertSettings person={person} errors={errors} csrf={page.csrf} />
    </Layout>
  );
}

/** The account page, with a new pairing code to show or the alert settings' problem (422). */
async function showAccount<E extends AppEnv>(c: Context<E>, person: Actor, { pairing = null, errors = null }: Partial<AccountView> = {}) {
  const [page, view] = await Promise.all([pageContext(c), loadAccount(depsOf(c), person)]);
  return renderPage(c, <AccountPage page={page} {...view} pairing={pairing} errors={errors} />, errors ? 422 : 200);
}

export const accountScreen = new Hono<AppEnv>()
  .get("/account", signedIn, (c) => showAccount(c, c.var.actor))
  .post("/account/pairing-code", signedIn, async (c) =>
    showAccount(c, c.var.actor, { pairing: await createPairingCode(depsOf(c), c.var.actor) }),
  )
  .post("/account/tokens/:id/revoke", signedIn, async (c) => {
    const id = pathId(c);
    if (id === null) throw new AppError(404, "not_found", "That connection does not exist.");
    const revoked = await revokeApiToken(depsOf(c), c.var.actor, id);
    if (!revoked) throw new AppError(404, "not_found", "That connection does not exist, or was already disconnected.");
    return redirectWithFlash(c, "/account#extension", "The extension was disconnected. It can no longer use your account.");
  })
  .post("/account/preferences", signedIn, async (c) => {
    const form = await parseForm(c, PreferencesForm);
    if (!form.ok) return showAccount(c, c.var.actor, { errors: form.errors });
    await savePreferences(depsOf(c), c.var.actor, form.data);
    return redirectWithFlash(c, "/account#alerts", "Your alert settings are saved.");
  });
