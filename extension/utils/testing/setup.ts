// Every extension unit test starts with an empty fake browser and no network. In the Firefox
// (MV2) run the toolbar button is `browserAction`, as in Firefox itself.
import { afterEach, beforeEach, vi } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";

const fake = fakeBrowser as unknown as Record<string, unknown>;
const action = fakeBrowser.action;

beforeEach(() => {
  fakeBrowser.reset();
  vi.unstubAllGlobals();
  vi.stubGlobal(
    "fetch",
    vi.fn(() => Promise.reject(new TypeError("fetch failed: no network in unit tests"))),
  );
  // The fake browser has no icons; record what was set.
  Object.assign(action, { setIcon: vi.fn(() => Promise.resolve()) });
  if (import.meta.env.MANIFEST_VERSION === 2 || String(import.meta.env.MANIFEST_VERSION) === "2") {
    fake.browserAction = action;
    fake.action = undefined;
  }
});

afterEach(() => {
  fake.action = action;
  delete fake.browserAction;
});
