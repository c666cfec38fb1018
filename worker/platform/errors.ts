// One error type for the whole Worker, turned into one JSON shape (API) or one page (web).
export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 410 | 413 | 415 | 422 | 429 | 500 | 503,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const notFound = (what = "page") =>
  new AppError(404, "not_found", `We could not find that ${what}. It may have been removed, or the address may be wrong.`);

export const forbidden = (message = "You do not have permission to do that.") => new AppError(403, "forbidden", message);

export const unauthenticated = () => new AppError(401, "sign_in_required", "You need to sign in to do that.");

export function validationFailed(fields: Record<string, string>, message = "Some of the details are missing or wrong."): AppError {
  return new AppError(422, "validation_failed", message, fields);
}

export function tooManyRequests(retryAfterSeconds: number, what: string): AppError {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return new AppError(
    429,
    "rate_limited",
    `Too many ${what} from here. Please try again in ${minutes === 1 ? "a minute" : `${minutes} minutes`}.`,
    undefined,
    { "Retry-After": String(retryAfterSeconds) },
  );
}
