// The toolbar button: the badge counts what closes within 7 days (the same on every tab), and a
// tab showing a page the person tracks gets a ticked icon and says so in the button's tooltip.
import type { AlertsResponse } from "#shared/schemas/watches";
import { closingSoonCount } from "./deadlines";
import { safeCanonical } from "./outbox";
import type { TrackedPage } from "./settings";

export const NHS_BLUE = "#005EB8";
export const EXTENSION_NAME = "Health involvement tracker";

const ICON = { 16: "/icon/16.png", 32: "/icon/32.png" };
const TRACKED_ICON = { 16: "/icon/tracked-16.png", 32: "/icon/tracked-32.png" };

/** Chrome (MV3) calls the toolbar button `action`; Firefox's MV2 build calls it `browserAction`. */
const toolbar = () => browser.action ?? browser.browserAction;

export async function showClosingSoon(alerts: AlertsResponse | null, now: Date): Promise<number> {
  const count = alerts ? closingSoonCount(alerts.items, now) : 0;
  await toolbar().setBadgeBackgroundColor({ color: NHS_BLUE });
  await toolbar().setBadgeText({ text: count > 0 ? String(count) : "" });
  await toolbar().setTitle({ title: count > 0 ? `${EXTENSION_NAME}: ${count} closing within 7 days` : EXTENSION_NAME });
  return count;
}

/** The tracked page a tab shows, if any. */
export function trackedPageOf(url: string | undefined, pages: Readonly<Record<string, TrackedPage>>): TrackedPage | null {
  const canonical = url ? safeCanonical(url) : null;
  return (canonical && pages[canonical]) || null;
}

export async function markTab(tabId: number, url: string | undefined, pages: Readonly<Record<string, TrackedPage>>): Promise<boolean> {
  const tracked = trackedPageOf(url, pages);
  await toolbar().setIcon({ tabId, path: tracked ? TRACKED_ICON : ICON });
  // An untracked tab shows the same tooltip as every other tab (with the count).
  await toolbar().setTitle({ tabId, title: tracked ? `You track this page: ${tracked.title}` : await toolbar().getTitle({}) });
  return Boolean(tracked);
}

export async function markAllTabs(pages: Readonly<Record<string, TrackedPage>>): Promise<void> {
  for (const tab of await browser.tabs.query({})) {
    if (tab.id !== undefined) await markTab(tab.id, tab.url, pages).catch(() => undefined);
  }
}
