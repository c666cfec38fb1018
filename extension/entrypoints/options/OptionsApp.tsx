// Options: which server to use, pairing with an account by code, signing out.
import { useEffect, useState } from "preact/hooks";
import type { PairingResponse } from "../../../shared/schemas/auth";
import type { z } from "zod";
import { ApiError, apiFetch } from "../../utils/api";
import { apiToken, apiTokenId, DEFAULT_SERVER, serverUrl, signedInAs } from "../../utils/settings";
import type { Me } from "../../../shared/schemas/auth";

export function OptionsApp() {
  const [server, setServer] = useState(DEFAULT_SERVER);
  const [me, setMe] = useState<Me | null>(null);
  const [code, setCode] = useState("");
  const [message, setMessage] = useState<{ kind: "error" | "success"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void serverUrl.getValue().then(setServer);
    void signedInAs.getValue().then(setMe);
  }, []);

  async function pair(event: Event) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const address = new URL(server.trim()).origin;
      await serverUrl.setValue(address);
      const result = await apiFetch<z.infer<typeof PairingResponse>>("/pairing", {
        body: { code, label: `${navigator.userAgent.includes("Firefox") ? "Firefox" : "Chrome"} extension` },
      });
      await Promise.all([apiToken.setValue(result.token), apiTokenId.setValue(result.tokenId), signedInAs.setValue(result.me)]);
      setMe(result.me);
      setCode("");
      setMessage({ kind: "success", text: `Connected as ${result.me.name}.` });
    } catch (err) {
      const text = err instanceof ApiError ? (err.fields?.code ?? err.message) : err instanceof TypeError ? "Enter the server address, like https://tracker.example.org" : String(err);
      setMessage({ kind: "error", text });
    } finally {
      setBusy(false);
    }
  }

  async function signOut() {
    setBusy(true);
    const id = await apiTokenId.getValue();
    try {
      if (id) await apiFetch(`/tokens/${id}`, { method: "DELETE" });
    } catch {
      // Signed out locally even if the server cannot be reached; the token can be revoked on the web.
    }
    await Promise.all([apiToken.setValue(null), apiTokenId.setValue(null), signedInAs.setValue(null)]);
    setMe(null);
    setBusy(false);
    setMessage({ kind: "success", text: "Signed out. This browser can no longer use your account." });
  }

  return (
    <main class="page">
      <h1>Health involvement tracker</h1>
      {message ? (
        <p class={message.kind === "error" ? "error" : "success"} role={message.kind === "error" ? "alert" : "status"}>
          {message.text}
        </p>
      ) : null}
      {me ? (
        <section aria-labelledby="account-heading">
          <h2 id="account-heading">Your account</h2>
          <p>
            Connected as <strong>{me.name}</strong> ({me.email}) on {server}.
          </p>
          <button type="button" class="secondary" onClick={signOut} disabled={busy}>
            Sign out of this browser
          </button>
        </section>
      ) : (
        <form onSubmit={pair} aria-labelledby="pair-heading">
          <h2 id="pair-heading">Connect to your account</h2>
          <p>
            On the website, go to <strong>Your account</strong> and select <strong>Get a pairing code</strong>. Then type
            the code here.
          </p>
          <label for="server">Server address</label>
          <input id="server" type="url" value={server} onInput={(e) => setServer(e.currentTarget.value)} autocomplete="url" />
          <label for="code">Pairing code</label>
          <input
            id="code"
            value={code}
            onInput={(e) => setCode(e.currentTarget.value)}
            autocomplete="one-time-code"
            spellcheck={false}
            aria-describedby="code-hint"
          />
          <p id="code-hint" class="hint">
            8 letters and numbers, like K7MQ-2XDP
          </p>
          <button type="submit" disabled={busy}>
            {busy ? "Connecting…" : "Connect"}
          </button>
        </form>
      )}
    </main>
  );
}
