import { describe, expect, it } from "vitest";
import { markTab, NHS_BLUE, showClosingSoon } from "./badge";
import { alertItem, toolbar } from "./testing/fixtures";

const now = new Date("2026-03-10T10:00:00Z");
const pages = {
  "https://northshire-hospitals.example/have-your-say": {
    consultationId: 41,
    title: "Birth centre plans",
    webUrl: "https://tracker.example/consultations/41",
  },
};

describe("the toolbar button", () => {
  it("counts what closes within 7 days on an NHS blue badge, and clears it when there is none", async () => {
    const alerts = {
      generatedAt: now.toISOString(),
      leadTimes: [1],
      items: [alertItem(), alertItem({ targetId: 42, key: "b", deadlineAt: "2026-03-30T10:00:00Z" })],
    };
    expect(await showClosingSoon(alerts, now)).toBe(1);
    expect(await toolbar().getBadgeText({})).toBe("1");
    expect(await toolbar().getBadgeBackgroundColor({})).toEqual([0, 94, 184, 255]);
    expect(NHS_BLUE).toBe("#005EB8");
    expect(await toolbar().getTitle({})).toBe("Health involvement tracker: 1 closing within 7 days");
    await showClosingSoon(null, now);
    expect(await toolbar().getBadgeText({})).toBe("");
  });

  it("marks a tab showing a tracked page (any form of its address) with a ticked icon and says so", async () => {
    expect(await markTab(7, "http://northshire-hospitals.example/have-your-say/?utm_campaign=x#top", pages)).toBe(true);
    expect(await toolbar().getTitle({ tabId: 7 })).toBe("You track this page: Birth centre plans");
    expect(toolbar().setIcon).toHaveBeenLastCalledWith({ tabId: 7, path: { 16: "/icon/tracked-16.png", 32: "/icon/tracked-32.png" } });
    expect(await markTab(7, "https://example.org/other", pages)).toBe(false);
    expect(toolbar().setIcon).toHaveBeenLastCalledWith({ tabId: 7, path: { 16: "/icon/16.png", 32: "/icon/32.png" } });
    expect(await markTab(8, "chrome://extensions", pages)).toBe(false);
  });
});
