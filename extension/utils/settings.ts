// What the extension keeps in its own storage: the server, the API token, who is signed in, and
// copies of what the server said so the popup works offline. Kept in storage (not memory) so
// nothing is lost when the service worker sleeps or the browser restarts.
import { storage } from "wxt/utils/storage";
import type { Area } from "#shared/schemas/areas";
import type { Me } from "#shared/schemas/auth";
import type { AlertsResponse } from "#shared/schemas/watches";

export const DEFAULT_SERVER = "http://127.0.0.1:8787";

export const serverUrl = storage.defineItem<string>("local:serverUrl", { fallback: DEFAULT_SERVER });
export const apiToken = storage.defineItem<string | null>("local:apiToken", { fallback: null });
export const apiTokenId = storage.defineItem<number | null>("local:apiTokenId", { fallback: null });
export const signedInAs = storage.defineItem<Me | null>("local:me", { fallback: null });

/** The areas and their organisations, for the popup's pickers when the server cannot be reached. */
export const areasCache = storage.defineItem<Area[]>("local:areas", { fallback: [] });

/** The last answer of /me/alerts: the popup's list, the badge and the notifications all come from it. */
export const alertsCache = storage.defineItem<AlertsResponse | null>("local:alerts", { fallback: null });

/** A page the person tracks, by its canonical address. */
export interface TrackedPage {
  consultationId: number;
  title: string;
  webUrl: string;
}
export const trackedPages = storage.defineItem<Record<string, TrackedPage>>("local:trackedPages", { fallback: {} });

/** Notifications already shown (id → when the deadline passes, for pruning) and where each leads. */
export interface ShownAlert {
  openUrl: string;
  deadlineAt: string;
}
export const shownAlerts = storage.defineItem<Record<string, ShownAlert>>("local:shownAlerts", { fallback: {} });

/** How many retries of the outbox in a row have failed: the next waits longer (backoff). */
export const outboxFailures = storage.defineItem<number>("local:outboxFailures", { fallback: 0 });

/** Clears everything that belongs to the signed-in person (on sign-out). */
export async function forgetAccount(): Promise<void> {
  await Promise.all([
    apiToken.removeValue(),
    apiTokenId.removeValue(),
    signedInAs.removeValue(),
    alertsCache.removeValue(),
    trackedPages.removeValue(),
    shownAlerts.removeValue(),
  ]);
}
