// The popup: who is signed in, or how to connect.
import { useEffect, useState } from "preact/hooks";
import type { Me } from "../../../shared/schemas/auth";
import { signedInAs } from "../../utils/settings";

export function PopupApp() {
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  useEffect(() => {
    void signedInAs.getValue().then(setMe);
  }, []);
  if (me === undefined) return <p role="status">Loading…</p>;
  if (!me) {
    return (
      <main>
        <h1>Health involvement tracker</h1>
        <p>Connect this extension to your account to save consultations and get reminders.</p>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          Connect to your account
        </button>
      </main>
    );
  }
  return (
    <main>
      <h1>Health involvement tracker</h1>
      <p>Signed in as {me.name}.</p>
    </main>
  );
}
