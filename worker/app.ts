// Builds the Hono app: security headers, who is calling, CSRF, every route, and one error handler.
// The production entry (index.ts) builds it as it is; the local entry (local.ts) adds its extras.
import { type Context, Hono, type MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import { TransitionError } from "../shared/stateMachine";
import { authPages } from "./account/screens/index";
import { adminPages } from "./admin/screens/index";
import { alertPages } from "./alerts/screens/index";
import { buildApi } from "./api";
import { identify } from "./auth/actor";
import { csrfProtect } from "./auth/csrf";
import { clockPages } from "./clock/screens/index";
import { consultationPages } from "./consultations/screens/index";
import { homePages } from "./home/screens/index";
import { obligationPages } from "./obligations/screens/index";
import { petitionPages } from "./petitions/pages";
import { createDb } from "./platform/db";
import type { AppEnv } from "./platform/env";
import { AppError } from "./platform/errors";
import { privacyPages } from "./privacy/screens/index";
import { errorPage } from "./web/errorPages";

/** What the local entry adds: middleware that runs before any other (metering), and routes of its own (/dev). */
export interface LocalExtras {
  first: MiddlewareHandler<AppEnv>[];
  routes: [path: string, routes: Hono<AppEnv>][];
}

const securityHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", "data:"],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    objectSrc: ["'none'"],
  },
  strictTransportSecurity: "max-age=63072000; includeSubDomains",
  referrerPolicy: "strict-origin-when-cross-origin",
  xFrameOptions: "DENY",
  crossOriginResourcePolicy: "same-origin",
});

// The API authenticates by bearer token, never by cookies across origins, so any origin (e.g. the
// browser extension) may call it.
const apiCors = cors({
  origin: "*",
  allowHeaders: ["Authorization", "Content-Type", "Idempotency-Key"],
  allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE"],
  exposeHeaders: ["Retry-After"],
  maxAge: 600,
});

/** The request-wide variables: the database, the moment of the request, who is calling. */
const requestSetup: MiddlewareHandler<AppEnv> = async (c, next) => {
  c.set("db", createDb(c.env.DB));
  c.set("now", new Date());
  c.set("visitorId", null);
  await identify(c);
  await next();
};

const featurePages = [
  homePages,
  authPages,
  adminPages,
  petitionPages,
  consultationPages,
  obligationPages,
  clockPages,
  alertPages,
  privacyPages,
];

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof TransitionError) return new AppError(err.status, err.code, err.message);
  if (err instanceof HTTPException) {
    if (err.status === 400) return new AppError(400, "bad_request", `The request could not be read: ${err.message || "malformed body"}.`);
    if (err.status === 413) return new AppError(413, "too_large", "The request is too large.");
    if (err.status === 415)
      return new AppError(415, "unsupported_media_type", "Send the request body as JSON (Content-Type: application/json).");
  }
  return new AppError(500, "internal_error", "Something went wrong on our side. Nothing was changed; please try again later.");
}

const isApi = (c: Context<AppEnv>) => c.req.path.startsWith("/api/");

function handleErrors(app: Hono<AppEnv>) {
  app.notFound(async (c) => {
    if (isApi(c)) return c.json({ error: { code: "not_found", message: `There is no API route ${c.req.method} ${c.req.path}.` } }, 404);
    return errorPage(c, 404, "");
  });
  app.onError(async (err, c) => {
    const e = toAppError(err);
    if (e.status >= 500) console.error(err);
    for (const [k, v] of Object.entries(e.headers ?? {})) c.header(k, v);
    if (isApi(c)) return c.json({ error: { code: e.code, message: e.message, ...(e.fields ? { fields: e.fields } : {}) } }, e.status);
    if (e.status === 401) return c.redirect(`/sign-in?next=${encodeURIComponent(c.req.path)}`, 303);
    return errorPage(c, e.status, e.message);
  });
}

export function buildApp(local: LocalExtras = { first: [], routes: [] }) {
  const app = new Hono<AppEnv>();
  app.use("*", securityHeaders);
  app.use("/api/*", apiCors);
  for (const middleware of local.first) app.use("*", middleware);
  app.use("*", requestSetup);
  app.use("*", csrfProtect);
  app.route("/api/v1", buildApi());
  for (const pages of featurePages) app.route("/", pages);
  for (const [path, routes] of local.routes) app.route(path, routes);
  handleErrors(app);
  return app;
}
