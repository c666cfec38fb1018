// Options: which server to use, pairing with an account by code, reminders, signing out.
import { useEffect, useState } from "preact/hooks";
import { LEAD_TIME_CHOICES } from "#shared/alerts/timing";
import type { Me } from "#shared/schemas/auth";
import { ApiError, callApi } from "@/utils/api";
import { apiToken, apiTokenId, DEFAULT_SERVER, forgetAccount, serverUrl, signedInAs } from "@/utils/settings";

type Message = { kind: "error" | "success"; text: string } | null;

/** The origin of a web address typed by a person, or null when it is not one. */
export function serverOrigin(typed: string): string | null {
  try {
    const url = new URL(typed.trim());
    return url.protocol === "http:" || url.protocol === "https:" ? url.origin : null;
  } catch {
    return null;
  }
}

const errorText = (err: unknown, field?: string) =>
  err instanceof ApiError ? ((field && err.fields?.[field]) ?? err.message) : err instanceof Error ? err.message : String(err);

function Announcement({ message }: { message: Message }) {
  if (!message) return null;
  return (
    <p class={message.kind === "error" ? "error" : "success"} role={message.kind === "error" ? "alert" : "status"}>
      {message.text}
    </p>
  );
}

export function OptionsApp() {
  const [server, setServer] = useState(DEFAULT_SERVER);
  const [me, setMe] = useState<Me | null>(null);
  const [message, setMessage] = useState<Message>(null);

  useEffect(() => {
    void serverUrl.getValue().then(setServer);
    void signedInAs.getValue().then(setMe);
  }, []);

  return (
    <main class="page">
      <h1>Health involvement tracker</h1>
      <Announcement message={message} />
      {me ? (
        <>
          <Account
            me={me}
            server={server}
            onSignedOut={(text) => {
              setMe(null);
              setMessage({ kind: "success", text });
            }}
          />
          <Reminders me={me} onSaved={setMe} />
        </>
      ) : (
        <Pairing
          server={server}
          setServer={setServer}
          onPaired={(paired) => {
            setMe(paired);
            setMessage({ kind: "success", text: `Connected as ${paired.name}.` });
          }}
        />
      )}
    </main>
  );
}

function Pairing({ server, setServer, onPaired }: { server: string; setServer: (s: string) => void; onPaired: (me: Me) => void }) {
  const [code, setCode] = useState("");
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<{ server?: string; code?: string }>({});

  async function pair(event: Event) {
    event.preventDefault();
    const origin = serverOrigin(server);
    if (!origin) return setErrors({ server: "Enter the server address, like https://tracker.example.org" });
    setBusy(true);
    setErrors({});
    try {
      await serverUrl.setValue(origin);
      setServer(origin);
      const label = `${import.meta.env.FIREFOX ? "Firefox" : "Chrome"} extension`;
      const result = await callApi((api) => api.POST("/pairing", { body: { code, label } }));
      await Promise.all([apiTokenId.setValue(result.tokenId), signedInAs.setValue(result.me)]);
      // Last: the service worker starts fetching deadlines when the token appears.
      await apiToken.setValue(result.token);
      setCode("");
      onPaired(result.me);
    } catch (err) {
      setErrors(err instanceof ApiError && err.status === 0 ? { server: err.message } : { code: errorText(err, "code") });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={pair} aria-labelledby="pair-heading" noValidate>
      <h2 id="pair-heading">Connect to your account</h2>
      <p>
        On the website, go to <strong>Your account</strong> and select <strong>Get a pairing code</strong>. Then type the code here.
      </p>
      {errors.server || errors.code ? (
        <p class="error" role="alert">
          {errors.server ?? errors.code}
        </p>
      ) : null}
      <label for="server">Server address</label>
      <input
        id="server"
        type="url"
        value={server}
        onInput={(e) => setServer(e.currentTarget.value)}
        autocomplete="url"
        aria-invalid={errors.server ? "true" : undefined}
        aria-describedby="server-hint"
      />
      <p id="server-hint" class="hint">
        The address of the tracker's website. Leave it as it is unless you were told another.
      </p>
      <label for="code">Pairing code</label>
      <input
        id="code"
        value={code}
        onInput={(e) => setCode(e.currentTarget.value)}
        autocomplete="one-time-code"
        spellcheck={false}
        aria-invalid={errors.code ? "true" : undefined}
        aria-describedby="code-hint"
      />
      <p id="code-hint" class="hint">
        8 letters and numbers, like K7MQ-2XDP
      </p>
      <button type="submit" disabled={busy}>
        {busy ? "Connecting…" : "Connect"}
      </button>
    </form>
  );
}

function Account({ me, server, onSignedOut }: { me: Me; server: string; onSignedOut: (text: string) => void }) {
  const [busy, setBusy] = useState(false);
  async function signOut() {
    setBusy(true);
    const id = await apiTokenId.getValue();
    try {
      if (id) await callApi((api) => api.DELETE("/tokens/{id}", { params: { path: { id } } }));
    } catch {
      // Signed out here even if the server cannot be reached; the website's account page can disconnect it too.
    }
    await forgetAccount();
    setBusy(false);
    onSignedOut("Signed out. This browser can no longer use your account.");
  }
  return (
    <section aria-labelledby="account-heading">
      <h2 id="account-heading">Your account</h2>
      <p>
        Connected as <strong>{me.name}</strong> ({me.email}) on {server}.
      </p>
      <button type="button" class="secondary" onClick={() => void signOut()} disabled={busy}>
        Sign out of this browser
      </button>
    </section>
  );
}

function Reminders({ me, onSaved }: { me: Me; onSaved: (me: Me) => void }) {
  const [leadTimes, setLeadTimes] = useState<number[]>(me.leadTimes);
  const [dailyDigest, setDailyDigest] = useState(me.dailyDigest);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);

  async function save(event: Event) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const saved = await callApi((api) => api.PUT("/me/preferences", { body: { leadTimes, dailyDigest } }));
      const next = { ...me, ...saved };
      await signedInAs.setValue(next);
      onSaved(next);
      setMessage({ kind: "success", text: "Your reminder settings are saved." });
    } catch (err) {
      setMessage({ kind: "error", text: errorText(err, "leadTimes") });
    } finally {
      setBusy(false);
    }
  }

  const toggle = (days: number, on: boolean) => setLeadTimes(on ? [...leadTimes, days] : leadTimes.filter((d) => d !== days));
  return (
    <form onSubmit={save} aria-labelledby="reminders-heading">
      <h2 id="reminders-heading">Reminders</h2>
      <Announcement message={message} />
      <fieldset>
        <legend>When should we remind you about deadlines?</legend>
        <p class="hint">For everything you watch: consultations, petitions and requests.</p>
        {LEAD_TIME_CHOICES.map((choice) => (
          <div class="checkbox" key={choice.days}>
            <input
              type="checkbox"
              id={`lead-${choice.days}`}
              checked={leadTimes.includes(choice.days)}
              onChange={(e) => toggle(choice.days, e.currentTarget.checked)}
            />
            <label for={`lead-${choice.days}`}>{choice.label}</label>
          </div>
        ))}
      </fieldset>
      <div class="checkbox">
        <input type="checkbox" id="dailyDigest" checked={dailyDigest} onChange={(e) => setDailyDigest(e.currentTarget.checked)} />
        <label for="dailyDigest">Send me one email a day with all my reminders, instead of one email for each</label>
      </div>
      <button type="submit" disabled={busy}>
        {busy ? "Saving…" : "Save reminder settings"}
      </button>
    </form>
  );
}
