// The popup: the page in the tab (track it, or see that it is tracked), clips waiting to be sent,
// and the deadlines the person watches. Opened as popup.html?tabId=N (from the context menu, or
// in tests) it works on that tab instead of the active one.
import { useEffect, useState } from "preact/hooks";
import type { Area } from "#shared/schemas/areas";
import { CurrentPage, type TargetTab } from "@/components/CurrentPage";
import { TrackedList } from "@/components/TrackedList";
import { WaitingList } from "@/components/WaitingList";
import { loadAreas } from "@/utils/areas";
import { askBackground } from "@/utils/messages";
import { alertsCache, signedInAs } from "@/utils/settings";
import { useStored } from "@/utils/useStored";

async function targetTab(): Promise<TargetTab | null> {
  const asked = Number(new URLSearchParams(location.search).get("tabId"));
  const tab = asked ? await browser.tabs.get(asked) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url ?? "" };
}

export function PopupApp() {
  const me = useStored(signedInAs);
  const alerts = useStored(alertsCache);
  const [tab, setTab] = useState<TargetTab | null | undefined>(undefined);
  const [areas, setAreas] = useState<Area[] | null>(null);
  const [refreshing, setRefreshing] = useState(false);

  const refresh = () => {
    setRefreshing(true);
    void askBackground({ type: "refresh" }).finally(() => setRefreshing(false));
  };

  useEffect(() => {
    void targetTab().then(setTab, () => setTab(null));
    void loadAreas().then(setAreas);
    refresh();
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
  const summary = new URLSearchParams(location.search).get("summary");
  return (
    <main>
      <h1>Health involvement tracker</h1>
      {tab && areas ? (
        <CurrentPage tab={tab} me={me} areas={areas} summary={summary} />
      ) : tab === null ? (
        <p>Open the consultation's page in a tab, then select this button again.</p>
      ) : (
        <p role="status">Reading the page…</p>
      )}
      <WaitingList />
      <TrackedList alerts={alerts ?? null} now={new Date()} refreshing={refreshing} onRefresh={refresh} />
      <p class="footer">
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          Settings
        </button>
      </p>
    </main>
  );
}
