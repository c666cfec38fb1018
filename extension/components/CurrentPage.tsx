// The page in the tab: already tracked (Watch / Open), waiting to be sent, or the form to track it.
import { useEffect, useRef, useState } from "preact/hooks";
import { storage } from "wxt/utils/storage";
import type { Area } from "#shared/schemas/areas";
import type { Me } from "#shared/schemas/auth";
import { ApiError, callApi } from "@/utils/api";
import { draftErrorsFromServer, draftFromClip, draftFromExtracted, extractFromTab, type Draft, type DraftErrors } from "@/utils/draft";
import { askBackground } from "@/utils/messages";
import { QUEUED_MESSAGE, queuedClipFor, safeCanonical, type QueuedClip } from "@/utils/outbox";
import { trackedPages } from "@/utils/settings";
import { ClipForm } from "./ClipForm";

export interface TargetTab {
  id: number;
  url: string;
}

interface Tracked {
  id: number;
  title: string;
  webUrl: string;
  watching: boolean;
  /** Just saved by this popup: whether it was new to the tracker. */
  saved?: "created" | "existing";
}

type View =
  | { kind: "reading" }
  | { kind: "form"; draft: Draft; errors: DraftErrors; problem?: string; notice?: string }
  | { kind: "queued"; draft: Draft; message: string }
  | { kind: "tracked"; tracked: Tracked };

/** Whether the tracker has this page: asked of the server, or from the last known list when it cannot be reached. */
async function lookUp(url: string): Promise<Tracked | null> {
  if (!/^https?:/.test(url)) return null;
  try {
    const found = await callApi((api) => api.GET("/consultations/lookup", { params: { query: { url } } }));
    return { id: found.consultation.id, title: found.consultation.title, webUrl: found.consultation.webUrl, watching: found.watching };
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    const canonical = safeCanonical(url);
    const known = canonical ? (await trackedPages.getValue())[canonical] : undefined;
    return known ? { id: known.consultationId, title: known.title, webUrl: known.webUrl, watching: true } : null;
  }
}

function emptyDraft(url: string, me: Me, areas: readonly Area[]): Draft {
  const draft = draftFromExtracted({ url, title: null, organisation: null, opensAt: null, closesAt: null, summary: null }, me, areas);
  return /^https?:/.test(url) ? draft : { ...draft, url: "" };
}

const formFromQueued = (queued: QueuedClip): View => ({
  kind: "form",
  draft: draftFromClip(queued.clip),
  errors: draftErrorsFromServer(queued.rejected?.fields),
  problem: `It was not saved: ${queued.rejected?.message ?? ""}`,
});

export function CurrentPage({ tab, me, areas, summary }: { tab: TargetTab; me: Me; areas: readonly Area[]; summary: string | null }) {
  const [view, setView] = useState<View>({ kind: "reading" });
  const [saving, setSaving] = useState(false);
  const savingNow = useRef(false);
  const clientId = useRef<string | null>(null);

  useEffect(() => {
    void (async () => {
      const queued = await queuedClipFor(tab.url);
      if (queued) {
        clientId.current = queued.clip.clientId;
        setView(queued.rejected ? formFromQueued(queued) : { kind: "queued", draft: draftFromClip(queued.clip), message: QUEUED_MESSAGE });
        return;
      }
      const [tracked, extracted] = await Promise.all([lookUp(tab.url), extractFromTab(tab.id).catch(() => null)]);
      if (tracked) return setView({ kind: "tracked", tracked });
      const draft = extracted ? draftFromExtracted(extracted, me, areas) : emptyDraft(tab.url, me, areas);
      if (summary) draft.summary = summary;
      setView({
        kind: "form",
        draft,
        errors: {},
        notice: extracted ? undefined : "We could not read this page. You can still fill in the details yourself.",
      });
    })();
  }, [tab.id, tab.url]);

  // A waiting clip is sent by the service worker: follow it until it is saved, or refused.
  const waitingId = view.kind === "queued" ? view.draft.clientId : undefined;
  useEffect(() => {
    if (!waitingId) return;
    return storage.watch<QueuedClip>(`local:outbox:${waitingId}`, (queued) => {
      if (queued?.rejected) return setView(formFromQueued(queued));
      if (queued) return;
      void lookUp(tab.url).then((tracked) => tracked && setView({ kind: "tracked", tracked: { ...tracked, saved: "created" } }));
    });
  }, [waitingId]);

  async function track(draft: Draft) {
    if (savingNow.current) return;
    clientId.current ??= draft.clientId ?? crypto.randomUUID();
    savingNow.current = true;
    setSaving(true);
    try {
      const result = await askBackground({ type: "clip", draft, clientId: clientId.current });
      const sent = { ...draft, clientId: clientId.current };
      if (result.kind === "invalid") {
        setView({ kind: "form", draft, errors: result.errors, problem: "Some details need changing before this can be saved." });
      } else if (result.kind === "saved") {
        const { consultation, created } = result.saved;
        setView({
          kind: "tracked",
          tracked: {
            id: consultation.id,
            title: consultation.title,
            webUrl: consultation.webUrl,
            watching: true,
            saved: created ? "created" : "existing",
          },
        });
      } else if (result.kind === "queued") {
        setView({ kind: "queued", draft: sent, message: result.message });
      } else {
        setView({
          kind: "form",
          draft: sent,
          errors: draftErrorsFromServer(result.fields),
          problem: `It was not saved: ${result.message}`,
        });
      }
    } finally {
      savingNow.current = false;
      setSaving(false);
    }
  }

  if (view.kind === "reading") return <p role="status">Reading the page…</p>;
  if (view.kind === "queued") {
    return (
      <section aria-labelledby="queued-heading">
        <h2 id="queued-heading">{view.draft.title}</h2>
        <p class="notice" role="status">
          {view.message}
        </p>
      </section>
    );
  }
  if (view.kind === "tracked") return <TrackedPage tracked={view.tracked} onWatched={(tracked) => setView({ kind: "tracked", tracked })} />;
  return (
    <>
      {view.problem ? (
        <p class="error" role="alert">
          {view.problem}
        </p>
      ) : null}
      {view.notice ? <p class="notice">{view.notice}</p> : null}
      <ClipForm
        draft={view.draft}
        errors={view.errors}
        areas={areas}
        saving={saving}
        onChange={(draft) => setView({ ...view, draft })}
        onSubmit={() => void track(view.draft)}
      />
    </>
  );
}

function TrackedPage({ tracked, onWatched }: { tracked: Tracked; onWatched: (tracked: Tracked) => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  async function watch() {
    try {
      await callApi((api) => api.POST("/watches", { body: { targetKind: "consultation", targetId: tracked.id } }));
      onWatched({ ...tracked, watching: true });
      void askBackground({ type: "refresh" });
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    }
  }
  const heading = tracked.saved === "created" ? "Saved" : "Already tracked";
  return (
    <section aria-labelledby="tracked-page-heading">
      <h2 id="tracked-page-heading">{heading}</h2>
      <p class={tracked.saved ? "success" : undefined} role="status">
        {tracked.saved === "created"
          ? `You are now tracking “${tracked.title}”. We will remind you before it closes.`
          : tracked.saved === "existing"
            ? `“${tracked.title}” was already on the tracker. You are now watching it.`
            : `“${tracked.title}” is already on the tracker${tracked.watching ? " and you are watching it" : ""}.`}
      </p>
      {problem ? (
        <p class="error" role="alert">
          {problem}
        </p>
      ) : null}
      <div class="actions">
        {tracked.watching ? null : (
          <button type="button" onClick={() => void watch()}>
            Watch
          </button>
        )}
        <a class="button-link" href={tracked.webUrl} target="_blank" rel="noreferrer">
          Open<span class="visually-hidden"> “{tracked.title}” on the tracker</span>
        </a>
      </div>
    </section>
  );
}
