// Clips waiting to reach the server. Each is written to storage under its own key *before* it is
// sent, and sent with its clientId, so a double click, a retry or a browser restart never loses
// or duplicates one: the server answers a repeated clientId with the record it already made.
import { storage } from "wxt/utils/storage";
import type { ConsultationInput, ConsultationSaved } from "#shared/schemas/consultations";
import { canonicalUrl } from "#shared/urls";
import { ApiError, callApi } from "./api";
import { outboxFailures, trackedPages } from "./settings";

/** A clip as sent: the consultation with its idempotency key. */
export type Clip = ConsultationInput & { clientId: string };

export interface QueuedClip {
  clip: Clip;
  queuedAt: string;
  /** Set when the server refused it (e.g. a missing title): it waits for the person to correct it. */
  rejected?: { message: string; fields?: Record<string, string> };
}

export type SendResult =
  | { kind: "saved"; saved: ConsultationSaved }
  | { kind: "queued"; message: string }
  | { kind: "rejected"; message: string; fields?: Record<string, string> };

export const OUTBOX_ALARM = "outbox-retry";
const PREFIX = "outbox:";
const MAX_BACKOFF_MINUTES = 30;

export const QUEUED_MESSAGE = "Saved on this computer — it will be sent when the server can be reached.";

const keyOf = (clientId: string) => `local:${PREFIX}${clientId}` as const;

/** Minutes before the next retry after `failures` failed attempts in a row: 1, 2, 4, … up to 30. */
export function backoffMinutes(failures: number): number {
  return Math.min(2 ** Math.max(0, failures - 1), MAX_BACKOFF_MINUTES);
}

export async function queueClip(clip: Clip, now = new Date()): Promise<void> {
  await storage.setItem<QueuedClip>(keyOf(clip.clientId), { clip, queuedAt: now.toISOString() });
}

export async function queuedClips(): Promise<QueuedClip[]> {
  const all = await storage.snapshot("local");
  return Object.entries(all)
    .filter(([key]) => key.startsWith(PREFIX))
    .map(([, value]) => value as QueuedClip)
    .sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}

export async function discardClip(clientId: string): Promise<void> {
  await storage.removeItem(keyOf(clientId));
}

/** The queued clip of a page, if one waits (so the popup shows it rather than a fresh form). */
export async function queuedClipFor(url: string): Promise<QueuedClip | undefined> {
  const canonical = safeCanonical(url);
  return (await queuedClips()).find((q) => q.clip.url && safeCanonical(q.clip.url) === canonical);
}

export function safeCanonical(url: string): string | null {
  try {
    return canonicalUrl(url);
  } catch {
    return null;
  }
}

/** Remembers a saved consultation's page, for the mark on tabs showing it. */
export async function rememberTracked(consultation: ConsultationSaved["consultation"]): Promise<void> {
  const canonical = consultation.canonicalUrl ?? (consultation.url ? safeCanonical(consultation.url) : null);
  if (!canonical) return;
  const pages = await trackedPages.getValue();
  await trackedPages.setValue({
    ...pages,
    [canonical]: { consultationId: consultation.id, title: consultation.title, webUrl: consultation.webUrl },
  });
}

/** Sends one queued clip. It leaves the queue only once the server has it, or marked when refused. */
export async function sendQueued(clientId: string): Promise<SendResult> {
  const queued = await storage.getItem<QueuedClip>(keyOf(clientId));
  if (!queued) return { kind: "rejected", message: "There is nothing waiting to be sent." };
  try {
    const saved = await callApi((api) => api.POST("/consultations", { body: queued.clip }));
    await rememberTracked(saved.consultation);
    await discardClip(clientId);
    return { kind: "saved", saved };
  } catch (err) {
    const error = err instanceof ApiError ? err : new ApiError(0, "offline", String(err));
    if (error.retryable) {
      const message =
        error.status === 401 ? `${QUEUED_MESSAGE} Connect the extension to your account again on its settings page.` : QUEUED_MESSAGE;
      return { kind: "queued", message };
    }
    const rejected = { message: error.message, ...(error.fields ? { fields: error.fields } : {}) };
    await storage.setItem<QueuedClip>(keyOf(clientId), { ...queued, rejected });
    return { kind: "rejected", ...rejected };
  }
}

/** Queues then sends a clip; on failure schedules the retry. */
export async function submitClip(clip: Clip): Promise<SendResult> {
  await queueClip(clip);
  const result = await sendQueued(clip.clientId);
  if (result.kind === "queued") await scheduleRetry();
  return result;
}

/**
 * Sends every clip still waiting (not those the server refused). Called by the retry alarm, when
 * the service worker starts and when the browser starts. Returns how many were sent.
 */
export async function flushOutbox(): Promise<{ sent: number; waiting: number }> {
  let sent = 0;
  let waiting = 0;
  for (const queued of await queuedClips()) {
    if (queued.rejected) continue;
    const result = await sendQueued(queued.clip.clientId);
    if (result.kind === "saved") sent++;
    if (result.kind === "queued") waiting++;
  }
  if (waiting > 0) await scheduleRetry();
  else {
    await outboxFailures.setValue(0);
    await browser.alarms.clear(OUTBOX_ALARM);
  }
  return { sent, waiting };
}

/** Sets the retry alarm after one more failure, waiting longer each time (kept across restarts by the browser). */
export async function scheduleRetry(): Promise<void> {
  const failures = (await outboxFailures.getValue()) + 1;
  await outboxFailures.setValue(failures);
  await browser.alarms.create(OUTBOX_ALARM, { delayInMinutes: backoffMinutes(failures) });
}
