// Deadline reminders: fetch /me/alerts, keep a copy for the popup and the badge, and show each
// lead time's notification once, remembered in storage so a restart never shows it again.
import type { AlertItem, AlertsResponse } from "#shared/schemas/watches";
import { callApi } from "./api";
import { safeCanonical } from "./outbox";
import { alertsCache, apiToken, shownAlerts, trackedPages, type ShownAlert, type TrackedPage } from "./settings";

export const ALERTS_ALARM = "alerts";
export const ALERTS_PERIOD_MINUTES = 15;

/** The notification of one lead time before one deadline; also its id, so showing it twice replaces rather than repeats. */
export const notificationId = (item: AlertItem, leadDays: number) => `${item.key}:${leadDays}`;

export interface DueNotification {
  id: string;
  item: AlertItem;
  leadDays: number;
}

/**
 * The notifications to show now: for each deadline still ahead, the nearest lead time reached,
 * unless already shown. When several were reached at once (the watch is new, or the computer was
 * off), only the nearest is shown; the others count as shown, as "2 weeks to go" is noise 2 days before.
 */
export function dueNotifications(
  items: readonly AlertItem[],
  shown: Readonly<Record<string, unknown>>,
  now: Date,
): { show: DueNotification[]; skip: DueNotification[] } {
  const show: DueNotification[] = [];
  const skip: DueNotification[] = [];
  for (const item of items) {
    const fresh = item.leadTimesReached.filter((lead) => !(notificationId(item, lead) in shown));
    if (fresh.length === 0) continue;
    const nearest = Math.min(...fresh);
    const passed = Date.parse(item.deadlineAt) <= now.getTime();
    for (const leadDays of fresh) {
      (leadDays === nearest && !passed ? show : skip).push({ id: notificationId(item, leadDays), item, leadDays });
    }
  }
  return { show, skip };
}

const deadlineWords: Record<AlertItem["deadlineKind"], string> = { closes: "Closes", response_due: "Response due", reply_due: "Reply due" };

export function notificationText(due: DueNotification): { title: string; message: string } {
  const when = due.leadDays === 0 ? "today" : due.leadDays === 1 ? "tomorrow" : `in ${due.leadDays} days`;
  return { title: due.item.title, message: `${deadlineWords[due.item.deadlineKind]} ${when}. Select to open it.` };
}

/** Shows the due notifications and records them (before showing, so a crash never repeats one). */
export async function notifyDue(response: AlertsResponse, now: Date): Promise<string[]> {
  const shown = await shownAlerts.getValue();
  const { show, skip } = dueNotifications(response.items, shown, now);
  if (show.length === 0 && skip.length === 0) return [];
  const done = [...show, ...skip].map((d): [string, ShownAlert] => [d.id, { openUrl: d.item.webUrl, deadlineAt: d.item.deadlineAt }]);
  await shownAlerts.setValue({ ...pruneShown(shown, now), ...Object.fromEntries(done) });
  for (const due of show) {
    await browser.notifications.create(due.id, {
      type: "basic",
      iconUrl: browser.runtime.getURL("/icon/128.png"),
      ...notificationText(due),
    });
  }
  return show.map((d) => d.id);
}

/** Forgets notifications whose deadline passed more than a week ago (the server no longer lists them). */
function pruneShown(shown: Record<string, ShownAlert>, now: Date): Record<string, ShownAlert> {
  const cutoff = now.getTime() - 7 * 86_400_000;
  return Object.fromEntries(Object.entries(shown).filter(([, s]) => Date.parse(s.deadlineAt) >= cutoff));
}

/** Where a notification leads: the record's page on the tracker. */
export async function notificationTarget(id: string): Promise<string | null> {
  return (await shownAlerts.getValue())[id]?.openUrl ?? null;
}

/** Tracked pages from the alerts list, merged into those already known (saved from this browser). */
export function mergeTracked(known: Record<string, TrackedPage>, items: readonly AlertItem[]): Record<string, TrackedPage> {
  const merged = { ...known };
  for (const item of items) {
    if (item.targetKind !== "consultation" || !item.url) continue;
    const canonical = safeCanonical(item.url);
    if (canonical) merged[canonical] = { consultationId: item.targetId, title: item.title, webUrl: item.webUrl };
  }
  return merged;
}

/** Fetches the person's deadlines, keeps a copy, and shows what is due. Null when not connected. */
export async function checkAlerts(now = new Date()): Promise<AlertsResponse | null> {
  if (!(await apiToken.getValue())) return null;
  const response = await callApi((api) => api.GET("/me/alerts"));
  await alertsCache.setValue(response);
  await trackedPages.setValue(mergeTracked(await trackedPages.getValue(), response.items));
  await notifyDue(response, now);
  return response;
}
