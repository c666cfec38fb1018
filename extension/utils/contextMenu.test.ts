import { beforeEach, describe, expect, it, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import type { Extracted } from "#shared/extraction/index";
import { MENU_TRACK_PAGE, MENU_TRACK_SELECTION, trackFromMenu } from "./contextMenu";
import { signedInAs } from "./settings";
import { areas, fakeServer, savedConsultation, signIn } from "./testing/fixtures";

const page: Extracted = {
  url: "https://www.northshire-hospitals.example/have-your-say/",
  title: "Birth centre plans",
  organisation: "Northshire Hospitals NHS Foundation Trust",
  opensAt: null,
  closesAt: "2026-07-03T22:59:59.999Z",
  summary: "What the page says.",
};

function pageInTab(extracted: Extracted) {
  const executeScript = vi.fn(async () => [{ frameId: 0, result: extracted }]);
  Object.assign(fakeBrowser, { scripting: { executeScript } });
  return executeScript;
}

beforeEach(signIn);

describe("the right-click menu", () => {
  it("saves the page at once when it says who runs it, and says so in a notification", async () => {
    const executeScript = pageInTab(page);
    const server = fakeServer({
      "GET /api/v1/areas": () => ({ status: 200, body: { items: areas } }),
      "POST /api/v1/consultations": () => ({ status: 201, body: savedConsultation() }),
    });
    const result = await trackFromMenu(MENU_TRACK_PAGE, 12);
    expect(result?.kind).toBe("saved");
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 12 }, files: ["/extract.js"] });
    expect(server.requests.find((r) => r.method === "POST")?.body).toMatchObject({
      organisationId: 6,
      areaId: 1,
      summary: "What the page says.",
    });
    const shown = Object.values(fakeBrowser.notifications.getAllCreateOptions()) as { title: string }[];
    expect(shown.map((n) => n.title)).toEqual(["Tracking “Birth centre plans”"]);
  });

  it("uses the selected text as the summary", async () => {
    pageInTab(page);
    const server = fakeServer({
      "GET /api/v1/areas": () => ({ status: 200, body: { items: areas } }),
      "POST /api/v1/consultations": () => ({ status: 201, body: savedConsultation() }),
    });
    await trackFromMenu(MENU_TRACK_SELECTION, 12, "  The proposal closes two wards.  ");
    expect(server.requests.find((r) => r.method === "POST")?.body).toMatchObject({ summary: "The proposal closes two wards." });
  });

  it("keeps the clip offline (areas from the last copy) and says it will be sent later", async () => {
    pageInTab(page);
    fakeServer({ "GET /api/v1/areas": () => ({ status: 200, body: { items: areas } }) });
    await trackFromMenu(MENU_TRACK_PAGE, 12).catch(() => null);
    vi.stubGlobal(
      "fetch",
      vi.fn(() => Promise.reject(new TypeError("offline"))),
    );
    const result = await trackFromMenu(MENU_TRACK_PAGE, 12);
    expect(result?.kind).toBe("queued");
    const titles = (Object.values(fakeBrowser.notifications.getAllCreateOptions()) as { title: string }[]).map((n) => n.title);
    expect(titles).toContain("Keeping “Birth centre plans”");
  });

  it("opens the popup's form in a window when it is unsure who runs it", async () => {
    pageInTab({ ...page, organisation: "Department of Health and Social Care" });
    const server = fakeServer({ "GET /api/v1/areas": () => ({ status: 200, body: { items: areas } }) });
    const create = vi.spyOn(fakeBrowser.windows, "create");
    expect(await trackFromMenu(MENU_TRACK_SELECTION, 12, "Selected words")).toBeNull();
    expect(create).toHaveBeenCalledWith(
      expect.objectContaining({ type: "popup", url: expect.stringContaining("popup.html?tabId=12&summary=Selected+words") }),
    );
    expect(server.requests.some((r) => r.method === "POST")).toBe(false);
  });

  it("sends a person who is not connected to the settings page", async () => {
    await signedInAs.setValue(null);
    const openOptionsPage = vi.spyOn(fakeBrowser.runtime, "openOptionsPage").mockResolvedValue(undefined);
    expect(await trackFromMenu(MENU_TRACK_PAGE, 12)).toBeNull();
    expect(openOptionsPage).toHaveBeenCalled();
  });
});
