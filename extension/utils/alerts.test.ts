import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { AlertsResponse } from "#shared/schemas/watches";
import { checkAlerts, dueNotifications, notificationTarget } from "./alerts";
import { alertsCache, apiToken, shownAlerts, trackedPages } from "./settings";
import { alertItem, fakeServer, signIn } from "./testing/fixtures";

const now = new Date("2026-03-11T09:00:00Z");
const response = (items = [alertItem({ leadTimesReached: [14, 7, 2, 1] })]): AlertsResponse => ({
  generatedAt: now.toISOString(),
  leadTimes: [14, 7, 2, 1, 0],
  items,
});

beforeEach(signIn);

describe("deadline notifications", () => {
  it("shows only the nearest lead time reached and counts the earlier ones as done", () => {
    const { show, skip } = dueNotifications(response().items, {}, now);
    expect(show.map((d) => d.id)).toEqual(["consultation:41:closes:2026-03-12T23:59:00.000Z:1"]);
    expect(skip.map((d) => d.leadDays)).toEqual([14, 7, 2]);
  });

  it("shows nothing already shown, and nothing for a deadline that has passed", () => {
    const item = alertItem({ leadTimesReached: [2, 1] });
    expect(dueNotifications([item], { [`${item.key}:1`]: {}, [`${item.key}:2`]: {} }, now).show).toEqual([]);
    const passed = alertItem({ deadlineAt: "2026-03-10T23:59:00.000Z", leadTimesReached: [0] });
    const { show, skip } = dueNotifications([passed], {}, now);
    expect(show).toEqual([]);
    expect(skip).toHaveLength(1);
  });

  it("shows each notification once, even when the person closed it and the check runs again", async () => {
    const server = fakeServer({ "GET /api/v1/me/alerts": () => ({ status: 200, body: response() }) });
    await checkAlerts(now);
    const id = "consultation:41:closes:2026-03-12T23:59:00.000Z:1";
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([id]);
    expect(server.requests[0]?.authorization).toBe("Bearer token-1");
    await fakeBrowser.notifications.clear(id);
    await checkAlerts(now);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    expect(Object.keys(await shownAlerts.getValue()).sort()).toEqual(
      [14, 7, 2, 1].map((d) => `consultation:41:closes:2026-03-12T23:59:00.000Z:${d}`).sort(),
    );
    expect(await notificationTarget(id)).toBe("https://tracker.example/consultations/41");
  });

  it("keeps the list for the popup and the badge, and learns which pages are tracked", async () => {
    fakeServer({ "GET /api/v1/me/alerts": () => ({ status: 200, body: response() }) });
    await checkAlerts(now);
    expect((await alertsCache.getValue())?.items).toHaveLength(1);
    expect(await trackedPages.getValue()).toEqual({
      "https://northshire-hospitals.example/have-your-say": {
        consultationId: 41,
        title: "Birth centre plans",
        webUrl: "https://tracker.example/consultations/41",
      },
    });
  });

  it("asks nothing of the server when not connected", async () => {
    await apiToken.setValue(null);
    const server = fakeServer({});
    expect(await checkAlerts(now)).toBeNull();
    expect(server.requests).toEqual([]);
  });
});
