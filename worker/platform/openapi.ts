// Building blocks for API routes: the OpenAPIHono factory with our validation errors, and shared responses.
import { OpenAPIHono, type z } from "@hono/zod-openapi";
import { ErrorResponse } from "../../shared/schemas/common";
import type { AppEnv } from "./env";
import { validationFailed } from "./errors";
import { zodFields } from "./validation";

/** A sub-app for one group of API routes; invalid input becomes a 422 naming the fields. */
export function apiRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationFailed(zodFields(result.error));
    },
  });
}

const json = (description: string) => ({ description, content: { "application/json": { schema: ErrorResponse } } });

/** Error responses to spread into a route's `responses`. */
export const errorResponses = {
  400: json("The request could not be read (for example, malformed JSON)"),
  401: json("Sign in, or send an API token"),
  403: json("Your role or organisation does not allow this"),
  404: json("Not found"),
  409: json("Not possible in the record's current state"),
  422: json("Some fields are missing or wrong; `fields` names them"),
  429: json("Too many requests; see the Retry-After header"),
} as const;

export const publicErrors = { 400: errorResponses[400], 404: errorResponses[404], 422: errorResponses[422], 429: errorResponses[429] };

/** How callers authenticate, for routes that need a signed-in person. */
export const signedInSecurity: Record<string, string[]>[] = [{ bearerAuth: [] }, { cookieAuth: [] }];

/** A required JSON request body. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ required: true, content: { "application/json": { schema } } });

/** A JSON response. */
export const jsonResponse = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { "application/json": { schema } },
});
