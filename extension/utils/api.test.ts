import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError, callApi, REQUEST_TIMEOUT_MS } from "./api";
import { apiToken } from "./settings";
import { fakeServer, SERVER, savedConsultation, signIn } from "./testing/fixtures";

beforeEach(signIn);
afterEach(() => vi.restoreAllMocks());

/** The ApiError a call threw (the test fails if it did not throw one). */
async function failure(call: Promise<unknown>): Promise<ApiError> {
  const error = await call.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe("the typed API client", () => {
  it("calls the stored server under /api/v1 with the stored token, and gives back the typed answer", async () => {
    const server = fakeServer({
      "GET /api/v1/consultations/lookup": () => ({ status: 200, body: { consultation: savedConsultation().consultation, watching: true } }),
    });
    const page = "https://www.northshire-hospitals.example/have-your-say/?q=a b&x=1";
    const found = await callApi((api) => api.GET("/consultations/lookup", { params: { query: { url: page } } }));
    expect(found.consultation.webUrl).toBe(`${SERVER}/consultations/41`);
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.authorization).toBe("Bearer token-1");
    expect(new URL(request?.path ?? "", SERVER).searchParams.get("url")).toBe(page);
  });

  it("sends JSON bodies and path parameters, and takes a 204 as no data", async () => {
    const server = fakeServer({
      "POST /api/v1/watches": () => ({ status: 201, body: { id: 5, created: true } }),
      "DELETE /api/v1/tokens/17": () => ({ status: 204 }),
    });
    await callApi((api) => api.POST("/watches", { body: { targetKind: "consultation", targetId: 41 } }));
    expect(await callApi((api) => api.DELETE("/tokens/{id}", { params: { path: { id: 17 } } }))).toBeUndefined();
    expect(server.requests.map((r) => [r.method, r.path, r.body])).toEqual([
      ["POST", "/api/v1/watches", { targetKind: "consultation", targetId: 41 }],
      ["DELETE", "/api/v1/tokens/17", undefined],
    ]);
  });

  it("sends no Authorization header before pairing", async () => {
    await apiToken.setValue(null);
    const server = fakeServer({ "GET /api/v1/areas": () => ({ status: 200, body: { items: [] } }) });
    await callApi((api) => api.GET("/areas"));
    expect(server.requests[0]?.authorization).toBeNull();
  });

  it("turns the server's error into an ApiError with its code, plain-English message and fields; not worth retrying", async () => {
    fakeServer({
      "POST /api/v1/pairing": () => ({
        status: 422,
        body: { error: { code: "validation_failed", message: "Check the code", fields: { code: "Enter the 8-character code" } } },
      }),
    });
    const error = await failure(callApi((api) => api.POST("/pairing", { body: { code: "nope", label: "Chrome extension" } })));
    expect(error).toMatchObject({
      status: 422,
      code: "validation_failed",
      message: "Check the code",
      fields: { code: "Enter the 8-character code" },
    });
    expect(error.retryable).toBe(false);
  });

  it("says what status a server answered with when its body is not the API's error (a proxy's page), and retries 5xx and 401", async () => {
    vi.stubGlobal(
      "fetch",
      vi.fn(async () => new Response("<html>Bad gateway</html>", { status: 502, headers: { "Content-Type": "text/html" } })),
    );
    const error = await failure(callApi((api) => api.GET("/me/alerts")));
    expect(error).toMatchObject({ status: 502, code: "error", message: "The server answered 502.", fields: undefined });
    expect(error.retryable).toBe(true);
    fakeServer({ "GET /api/v1/me/alerts": () => ({ status: 401, body: { error: { code: "unauthorized", message: "Sign in" } } }) });
    expect((await failure(callApi((api) => api.GET("/me/alerts")))).retryable).toBe(true);
  });

  it("counts a server that cannot be reached as offline (status 0), worth retrying", async () => {
    // The test setup's fetch fails as a browser's does with no network.
    const error = await failure(callApi((api) => api.GET("/areas")));
    expect(error).toMatchObject({ status: 0, code: "offline", message: `Cannot reach the server at ${SERVER}. Check your connection.` });
    expect(error.retryable).toBe(true);
  });

  it("gives up on a server that has not answered in 20 seconds, as offline", async () => {
    const timeout = new AbortController();
    const timeoutSpy = vi.spyOn(AbortSignal, "timeout").mockReturnValue(timeout.signal);
    vi.stubGlobal(
      "fetch",
      vi.fn(
        (_request: Request, init?: RequestInit) =>
          new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal?.reason))),
      ),
    );
    const call = failure(callApi((api) => api.GET("/areas")));
    await vi.waitFor(() => expect(timeoutSpy).toHaveBeenCalledWith(REQUEST_TIMEOUT_MS));
    expect(REQUEST_TIMEOUT_MS).toBe(20_000);
    timeout.abort(new DOMException("The operation timed out.", "TimeoutError"));
    expect(await call).toMatchObject({ status: 0, code: "offline" });
  });
});
