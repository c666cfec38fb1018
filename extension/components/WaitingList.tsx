// Clips saved on this computer and not yet on the server: sent by the retry alarm, or now on request.
import { useEffect, useState } from "preact/hooks";
import { askBackground } from "@/utils/messages";
import { discardClip, queuedClips, type QueuedClip } from "@/utils/outbox";

export function WaitingList() {
  const [queued, setQueued] = useState<QueuedClip[]>([]);
  const [sending, setSending] = useState(false);
  useEffect(() => {
    const read = () => void queuedClips().then(setQueued);
    read();
    const changed = (changes: Record<string, unknown>) => Object.keys(changes).some((k) => k.startsWith("outbox:")) && read();
    browser.storage.local.onChanged.addListener(changed);
    return () => browser.storage.local.onChanged.removeListener(changed);
  }, []);
  if (queued.length === 0) return null;
  return (
    <section aria-labelledby="waiting-heading">
      <h2 id="waiting-heading">Waiting to be sent ({queued.length})</h2>
      <ul class="waiting">
        {queued.map((q) => (
          <li key={q.clip.clientId}>
            <strong>{q.clip.title}</strong>
            {q.rejected ? (
              <>
                <span class="error-message">Not saved: {q.rejected.message} Open its page and track it again to correct it.</span>
                <button type="button" class="secondary small" onClick={() => void discardClip(q.clip.clientId)}>
                  Remove<span class="visually-hidden"> “{q.clip.title}”</span>
                </button>
              </>
            ) : (
              <span class="hint">Saved on this computer, waiting for the server.</span>
            )}
          </li>
        ))}
      </ul>
      <button
        type="button"
        class="secondary"
        disabled={sending}
        onClick={() => {
          setSending(true);
          void askBackground({ type: "flush" }).finally(() => setSending(false));
        }}
      >
        {sending ? "Sending…" : "Try sending now"}
      </button>
    </section>
  );
}
