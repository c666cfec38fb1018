// Calls to the tracker's JSON API with the stored server and token, through openapi-fetch typed by
// the OpenAPI document (api.generated.ts): the path decides the body and the answer's type, never
// the caller. Errors carry the server's plain-English message.
import createClient, { type Client } from "openapi-fetch";
import type { paths } from "./api.generated";
import { apiToken, serverUrl } from "./settings";

export type ApiClient = Client<paths>;

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
export const REQUEST_TIMEOUT_MS = 20_000;

/** What openapi-fetch answers: the data on success, else the error body as the server sent it. */
interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The API's error shape, `{error: {code, message, fields?}}`, when that is what the body is. */
function errorBody(body: unknown): { code?: unknown; message?: unknown; fields?: unknown } {
  const error = typeof body === "object" && body !== null && "error" in body ? body.error : null;
  return typeof error === "object" && error !== null ? error : {};
}

/** Field path → what is wrong with it; anything else the body holds there is left out. */
function fieldsOf(fields: unknown): Record<string, string> | undefined {
  if (typeof fields !== "object" || fields === null) return undefined;
  return Object.fromEntries(Object.entries(fields).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

function apiErrorOf(response: Response, body: unknown): ApiError {
  const { code, message, fields } = errorBody(body);
  return new ApiError(
    response.status,
    typeof code === "string" ? code : "error",
    typeof message === "string" ? message : `The server answered ${response.status}.`,
    fieldsOf(fields),
  );
}

/** A client for the stored server and token; a fetch that fails or times out is an ApiError with status 0 ("offline"). */
async function client(): Promise<ApiClient> {
  const [server, token] = await Promise.all([serverUrl.getValue(), apiToken.getValue()]);
  return createClient<paths>({
    baseUrl: new URL("/api/v1", server).href,
    headers: token ? { Authorization: `Bearer ${token}` } : {},
    // Looked up on each call, not when the client is made, so tests (and anything else) can stand in for it.
    fetch: async (request) => {
      try {
        return await globalThis.fetch(request, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      } catch {
        throw new ApiError(0, "offline", `Cannot reach the server at ${server}. Check your connection.`);
      }
    },
  });
}

/**
 * Makes one call and gives back its data, typed from the document:
 * `await callApi((api) => api.GET("/areas"))`. An answer that is not a success throws ApiError.
 */
export async function callApi<T>(call: (api: ApiClient) => Promise<Answer<T>>): Promise<T> {
  const { data, error, response } = await call(await client());
  if (!response.ok) throw apiErrorOf(response, error);
  // openapi-fetch's success branch types `data` as T; it is undefined only where T says so (a 204).
  return data as T;
}
