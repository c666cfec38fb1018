import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { ALERTS_ALARM } from "@/utils/alerts";
import { draftFromExtracted } from "@/utils/draft";
import { askBackground } from "@/utils/messages";
import { OUTBOX_ALARM, queueClip, queuedClips } from "@/utils/outbox";
import { alertsCache } from "@/utils/settings";
import { alertItem, areas, ben, fakeServer, savedConsultation, signIn, toolbar } from "@/utils/testing/fixtures";
import background from "@/entrypoints/background";

const soon = () => new Date(Date.now() + 2 * 86_400_000).toISOString();

beforeEach(async () => {
  Object.assign(fakeBrowser, {
    contextMenus: { onClicked: { addListener: vi.fn() }, removeAll: vi.fn(async () => undefined), create: vi.fn() },
  });
  await signIn();
});

/** Lets the worker's start-up jobs (storage, fetches) finish. */
const settle = () => vi.waitFor(async () => expect(await fakeBrowser.alarms.get(ALERTS_ALARM)).toBeDefined());

describe("the service worker", () => {
  it("on start recreates the deadline alarm, sends waiting clips, fetches deadlines and shows the count on the badge", async () => {
    const closing = alertItem({ deadlineAt: soon(), key: "consultation:41:closes:soon" });
    const server = fakeServer({
      "POST /api/v1/consultations": () => ({ status: 201, body: savedConsultation() }),
      "GET /api/v1/me/alerts": () => ({ status: 200, body: { generatedAt: new Date().toISOString(), leadTimes: [2], items: [closing] } }),
    });
    await queueClip({
      clientId: "clip-0001-aaaa",
      areaId: 1,
      organisationId: 6,
      title: "T",
      summary: "",
      opensAt: null,
      closesAt: null,
      stage: null,
      method: null,
    });
    background.main();
    await settle();
    await vi.waitFor(async () => expect(await toolbar().getBadgeText({})).toBe("1"));
    expect((await fakeBrowser.alarms.get(ALERTS_ALARM))?.periodInMinutes).toBe(15);
    expect(await queuedClips()).toEqual([]);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /api/v1/consultations", "GET /api/v1/me/alerts"]);
  });

  it("retries the outbox when its alarm fires, and refreshes the deadlines after sending", async () => {
    await alertsCache.setValue({ generatedAt: new Date().toISOString(), leadTimes: [], items: [] });
    background.main();
    await settle();
    await queueClip({
      clientId: "clip-0002-bbbb",
      areaId: 1,
      organisationId: 6,
      title: "T",
      summary: "",
      opensAt: null,
      closesAt: null,
      stage: null,
      method: null,
    });
    const server = fakeServer({
      "POST /api/v1/consultations": () => ({ status: 201, body: savedConsultation() }),
      "GET /api/v1/me/alerts": () => ({ status: 200, body: { generatedAt: new Date().toISOString(), leadTimes: [], items: [] } }),
    });
    await fakeBrowser.alarms.onAlarm.trigger({ name: OUTBOX_ALARM, scheduledTime: Date.now(), persistAcrossSessions: true });
    await vi.waitFor(() => expect(server.requests.map((r) => r.method)).toEqual(["POST", "GET"]));
    expect(await queuedClips()).toEqual([]);
  });

  it("checks the popup's clip by the server's schemas: one that needs changes is neither kept nor sent, a good one is saved", async () => {
    const server = fakeServer({
      "POST /api/v1/consultations": () => ({ status: 201, body: savedConsultation() }),
      "GET /api/v1/me/alerts": () => ({ status: 200, body: { generatedAt: new Date().toISOString(), leadTimes: [], items: [] } }),
    });
    background.main();
    await settle();
    const page = { url: "https://www.northshire-hospitals.example/have-your-say/", organisation: "Northshire Hospitals NHS Trust" };
    const draft = draftFromExtracted({ ...page, title: "Birth centre plans", opensAt: null, closesAt: null, summary: null }, ben, areas);
    const clips = () => server.requests.filter((r) => r.method === "POST");

    const refused = await askBackground({ type: "clip", draft: { ...draft, title: " " }, clientId: "clip-0009-iiii" });
    expect(refused).toEqual({ kind: "invalid", errors: { title: "Enter a title" } });
    expect(await queuedClips()).toEqual([]);
    expect(clips()).toEqual([]);

    const saved = await askBackground({ type: "clip", draft: { ...draft, closesDate: "2026-03-12" }, clientId: "clip-0009-iiii" });
    expect(saved.kind).toBe("saved");
    expect(clips().map((r) => r.body)).toEqual([
      expect.objectContaining({ clientId: "clip-0009-iiii", areaId: 1, organisationId: 6, closesAt: "2026-03-12T23:59:00.000Z" }),
    ]);
  });
});
