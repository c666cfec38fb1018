// The service worker. All setup happens inside defineBackground; nothing at module level.
// Alarms survive restarts but are recreated here whenever the worker starts, as the browser may
// have dropped them; the outbox and the deadlines are checked on every start too.
import { ALERTS_ALARM, ALERTS_PERIOD_MINUTES, checkAlerts, notificationTarget } from "@/utils/alerts";
import { markAllTabs, markTab, showClosingSoon } from "@/utils/badge";
import { clipFromDraft } from "@/utils/clip";
import { createMenus, trackFromMenu } from "@/utils/contextMenu";
import type { BackgroundReplies, BackgroundRequest } from "@/utils/messages";
import { flushOutbox, OUTBOX_ALARM, queuedClips, scheduleRetry, submitClip } from "@/utils/outbox";
import { alertsCache, apiToken, trackedPages } from "@/utils/settings";
import { serially } from "@/utils/serially";

export default defineBackground(() => {
  const REFRESH_ON_WAKE_AFTER_MS = 5 * 60_000;
  const run = serially();

  const refresh = () =>
    run(async () => {
      try {
        await checkAlerts();
        return { ok: true };
      } catch (err) {
        return { ok: false, message: err instanceof Error ? err.message : String(err) };
      }
    });

  const flush = () => run(flushOutbox);

  async function ensureAlarms() {
    if (!(await browser.alarms.get(ALERTS_ALARM))) {
      await browser.alarms.create(ALERTS_ALARM, { delayInMinutes: 1, periodInMinutes: ALERTS_PERIOD_MINUTES });
    }
    if ((await queuedClips()).some((q) => !q.rejected) && !(await browser.alarms.get(OUTBOX_ALARM))) await scheduleRetry();
  }

  async function start() {
    await ensureAlarms();
    await flush();
    // The worker wakes often (every page load marks its tab); the deadlines need not be fetched each time.
    const alerts = await alertsCache.getValue();
    if (!alerts || Date.now() - Date.parse(alerts.generatedAt) > REFRESH_ON_WAKE_AFTER_MS) await refresh();
    await showClosingSoon(await alertsCache.getValue(), new Date());
    await markAllTabs(await trackedPages.getValue());
  }

  browser.runtime.onInstalled.addListener(({ reason }) => {
    void createMenus();
    if (reason === "install") void browser.runtime.openOptionsPage();
  });
  browser.runtime.onStartup.addListener(() => void createMenus());

  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === OUTBOX_ALARM) void flush().then(({ sent }) => (sent > 0 ? refresh() : undefined));
    if (alarm.name === ALERTS_ALARM) void refresh();
  });

  browser.notifications.onClicked.addListener((id) => {
    void notificationTarget(id).then(async (url) => {
      if (url) await browser.tabs.create({ url });
      await browser.notifications.clear(id);
    });
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (tab?.id === undefined) return;
    void run(() => trackFromMenu(info.menuItemId, tab.id!, info.selectionText)).then((result) =>
      result?.kind === "saved" ? refresh() : undefined,
    );
  });

  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === "complete") void trackedPages.getValue().then((pages) => markTab(tabId, tab.url, pages));
  });

  alertsCache.watch(
    (alerts) =>
      void showClosingSoon(alerts, new Date())
        .then(() => trackedPages.getValue())
        .then(markAllTabs),
  );
  trackedPages.watch((pages) => void markAllTabs(pages ?? {}));
  apiToken.watch((token) => void (token ? start() : showClosingSoon(null, new Date())));

  browser.runtime.onMessage.addListener((message: BackgroundRequest, _sender, sendResponse) => {
    const reply = (promise: Promise<BackgroundReplies[typeof message.type]>) => {
      void promise.then(sendResponse, (err: unknown) => sendResponse({ kind: "queued", message: String(err) }));
      return true;
    };
    if (message.type === "clip") {
      const built = clipFromDraft(message.draft, message.clientId);
      if ("errors" in built) return reply(Promise.resolve({ kind: "invalid", errors: built.errors }));
      return reply(
        run(() => submitClip(built.clip)).then(async (result) => {
          if (result.kind === "saved") await refresh();
          return result;
        }),
      );
    }
    if (message.type === "refresh") return reply(refresh());
    if (message.type === "flush") return reply(flush());
    return false;
  });

  void start();
});
