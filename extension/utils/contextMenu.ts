// The right-click menu: "Track this page" and "Track selected text as the summary". When the page
// says who runs the consultation, it is saved at once and a notification says so; otherwise the
// popup's form opens in a small window to finish it.
import { loadAreas } from "./areas";
import { clipFromDraft } from "./clip";
import { draftFromExtracted, extractFromTab } from "./draft";
import { submitClip, type SendResult } from "./outbox";
import { signedInAs } from "./settings";

export const MENU_TRACK_PAGE = "track-page";
export const MENU_TRACK_SELECTION = "track-selection";

export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id: MENU_TRACK_PAGE, title: "Track this page", contexts: ["page"] });
  browser.contextMenus.create({ id: MENU_TRACK_SELECTION, title: "Track selected text as the summary", contexts: ["selection"] });
}

/** Opens the popup's form for a tab in a small window (for when the menu cannot finish alone). */
export async function openClipWindow(tabId: number, summary?: string): Promise<void> {
  const query = new URLSearchParams({ tabId: String(tabId), ...(summary ? { summary } : {}) });
  await browser.windows.create({ url: browser.runtime.getURL(`/popup.html?${query}`), type: "popup", width: 420, height: 640 });
}

function notify(title: string, message: string): Promise<string> {
  return browser.notifications.create({ type: "basic", iconUrl: browser.runtime.getURL("/icon/128.png"), title, message });
}

export async function trackFromMenu(menuItemId: string | number, tabId: number, selectionText?: string): Promise<SendResult | null> {
  const summary = menuItemId === MENU_TRACK_SELECTION ? selectionText?.trim().slice(0, 5000) : undefined;
  const me = await signedInAs.getValue();
  if (!me) {
    await browser.runtime.openOptionsPage();
    return null;
  }
  let draft: ReturnType<typeof draftFromExtracted>;
  try {
    draft = draftFromExtracted(await extractFromTab(tabId), me, await loadAreas());
  } catch {
    await openClipWindow(tabId, summary);
    return null;
  }
  if (summary) draft.summary = summary;
  const built = clipFromDraft(draft, crypto.randomUUID());
  if ("errors" in built) {
    await openClipWindow(tabId, summary);
    return null;
  }
  const result = await submitClip(built.clip);
  if (result.kind === "rejected") await openClipWindow(tabId, summary);
  else
    await notify(
      result.kind === "saved" ? `Tracking “${result.saved.consultation.title}”` : `Keeping “${built.clip.title}”`,
      result.kind === "saved" ? "You will be reminded before it closes." : result.message,
    );
  return result;
}
