// Calls to the tracker's JSON API with the stored token; errors carry the server's plain-English message.
import { apiToken, serverUrl } from "./settings";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
  }

  /** Worth trying again later: the server could not be reached, was busy or failing, or the sign-in needs renewing. */
  get retryable(): boolean {
    return this.status === 0 || this.status === 401 || this.status === 408 || this.status === 429 || this.status >= 500;
  }
}

/** A server that has not answered by then counts as unreachable (the clip stays queued). */
const REQUEST_TIMEOUT_MS = 20_000;

export async function apiFetch<T>(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  const [server, token] = await Promise.all([serverUrl.getValue(), apiToken.getValue()]);
  let response: Response;
  try {
    response = await fetch(new URL(`/api/v1${path}`, server), {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers: {
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(init.body === undefined ? {} : { "Content-Type": "application/json" }),
        ...init.headers,
      },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch {
    throw new ApiError(0, "offline", `Cannot reach the server at ${server}. Check your connection.`);
  }
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => null)) as
    | (T & { error?: { code: string; message: string; fields?: Record<string, string> } })
    | null;
  if (!response.ok) {
    throw new ApiError(
      response.status,
      body?.error?.code ?? "error",
      body?.error?.message ?? `The server answered ${response.status}.`,
      body?.error?.fields,
    );
  }
  return body as T;
}
