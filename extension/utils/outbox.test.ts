import { beforeEach, describe, expect, it } from "vitest";
import { fakeBrowser } from "wxt/testing/fake-browser";
import { storage } from "wxt/utils/storage";
import { backoffMinutes, flushOutbox, OUTBOX_ALARM, QUEUED_MESSAGE, queuedClips, submitClip, type Clip } from "./outbox";
import { outboxFailures, trackedPages } from "./settings";
import { fakeServer, savedConsultation, signIn } from "./testing/fixtures";

const clip = (clientId = "clip-0001-aaaa"): Clip => ({
  clientId,
  areaId: 1,
  organisationId: 6,
  title: "Birth centre plans",
  url: "https://www.northshire-hospitals.example/have-your-say/?utm_source=x",
  summary: "",
  opensAt: null,
  closesAt: "2026-03-12T23:59:00.000Z",
  stage: null,
  method: null,
});

beforeEach(signIn);

describe("the outbox", () => {
  it("waits 1, 2, 4, … minutes between retries, never more than 30", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(backoffMinutes)).toEqual([1, 2, 4, 8, 16, 30, 30, 30]);
  });

  it("stores the clip before sending it, sends its clientId, and forgets it once saved", async () => {
    let storedWhenSent: unknown[] = [];
    const server = fakeServer({
      "POST /api/v1/consultations": async () => {
        storedWhenSent = await queuedClips();
        return { status: 201, body: savedConsultation() };
      },
    });
    const result = await submitClip(clip());
    expect(result.kind).toBe("saved");
    expect(storedWhenSent).toHaveLength(1);
    expect(server.requests[0]).toMatchObject({
      method: "POST",
      body: { clientId: "clip-0001-aaaa", title: "Birth centre plans" },
      authorization: "Bearer token-1",
    });
    expect(await queuedClips()).toEqual([]);
    expect(await trackedPages.getValue()).toEqual({
      "https://northshire-hospitals.example/have-your-say": {
        consultationId: 41,
        title: "Birth centre plans",
        webUrl: "https://tracker.example/consultations/41",
      },
    });
  });

  it("keeps the clip when the server cannot be reached and sets a retry alarm that backs off", async () => {
    const first = await submitClip(clip());
    expect(first).toEqual({ kind: "queued", message: QUEUED_MESSAGE });
    expect((await fakeBrowser.alarms.get(OUTBOX_ALARM))?.scheduledTime).toBeGreaterThan(Date.now() + 50_000);
    await flushOutbox();
    expect(await outboxFailures.getValue()).toBe(2);
    const alarm = await fakeBrowser.alarms.get(OUTBOX_ALARM);
    expect(alarm!.scheduledTime).toBeGreaterThan(Date.now() + 110_000);
    expect(await queuedClips()).toHaveLength(1);
  });

  it("treats a failing server (5xx) and a lapsed sign-in (401) as worth retrying", async () => {
    fakeServer({ "POST /api/v1/consultations": () => ({ status: 503, body: { error: { code: "unavailable", message: "Busy" } } }) });
    expect((await submitClip(clip("clip-0002-bbbb"))).kind).toBe("queued");
    fakeServer({ "POST /api/v1/consultations": () => ({ status: 401, body: { error: { code: "unauthorized", message: "Sign in" } } }) });
    const result = await submitClip(clip("clip-0003-cccc"));
    expect(result.kind === "queued" && result.message).toContain("Connect the extension to your account again");
    expect(await queuedClips()).toHaveLength(2);
  });

  it("sends what waits exactly once when the server answers again, with the same clientId, then clears the alarm", async () => {
    await submitClip(clip("clip-0004-dddd"));
    await submitClip(clip("clip-0005-eeee"));
    const server = fakeServer({ "POST /api/v1/consultations": () => ({ status: 201, body: savedConsultation() }) });
    expect(await flushOutbox()).toEqual({ sent: 2, waiting: 0 });
    expect(server.requests.map((r) => (r.body as Clip).clientId)).toEqual(["clip-0004-dddd", "clip-0005-eeee"]);
    expect(await flushOutbox()).toEqual({ sent: 0, waiting: 0 });
    expect(server.requests).toHaveLength(2);
    expect(await fakeBrowser.alarms.get(OUTBOX_ALARM)).toBeUndefined();
    expect(await outboxFailures.getValue()).toBe(0);
  });

  it("keeps a refused clip with the server's message for the person to correct, and does not retry it", async () => {
    const server = fakeServer({
      "POST /api/v1/consultations": () => ({
        status: 422,
        body: { error: { code: "validation_failed", message: "Check the details", fields: { title: "Enter a title" } } },
      }),
    });
    const result = await submitClip(clip());
    expect(result).toEqual({ kind: "rejected", message: "Check the details", fields: { title: "Enter a title" } });
    const [queued] = await queuedClips();
    expect(queued?.rejected?.fields).toEqual({ title: "Enter a title" });
    expect(await flushOutbox()).toEqual({ sent: 0, waiting: 0 });
    expect(server.requests).toHaveLength(1);
  });

  it("survives a restart: the queue lives in extension storage, one key per clip", async () => {
    await submitClip(clip());
    expect(await storage.getItem("local:outbox:clip-0001-aaaa")).toMatchObject({ clip: { clientId: "clip-0001-aaaa" } });
  });
});
