// Builds the Hono app: security headers, who is calling, CSRF, every route, and one error handler.
import { Hono, type Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { cors } from "hono/cors";
import { secureHeaders } from "hono/secure-headers";
import { TransitionError } from "../shared/stateMachine";
import { buildApi } from "./api";
import { identify } from "./auth/actor";
import { csrfProtect } from "./auth/csrf";
import { adminPages } from "./admin/pages";
import { authPages } from "./account/pages";
import { newUsage, meteredD1 } from "./d1Meter";
import { createDb } from "./platform/db";
import { devRoutes } from "./dev/routes";
import type { AppEnv } from "./platform/env";
import { AppError } from "./platform/errors";
import { homePages } from "./home/pages";
import { petitionPages } from "./petitions/pages";
import { consultationPages } from "./consultations/pages";
import { obligationPages } from "./obligations/pages";
import { clockPages } from "./clock/pages";
import { alertPages } from "./alerts/pages";
import { privacyPages } from "./privacy/pages";
import { errorPage } from "./web/errorPages";

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

export function buildApp() {
  const app = new Hono<AppEnv>();

  app.use(
    "*",
    secureHeaders({
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
    }),
  );

  // The API authenticates by bearer token, never by cookies across origins, so any
  // origin (e.g. the browser extension) may call it.
  app.use(
    "/api/*",
    cors({
      origin: "*",
      allowHeaders: ["Authorization", "Content-Type", "Idempotency-Key"],
      allowMethods: ["GET", "POST", "PUT", "PATCH", "DELETE"],
      exposeHeaders: ["Retry-After"],
      maxAge: 600,
    }),
  );

  app.use("*", async (c, next) => {
    // Every query of the request goes through the meter (a Proxy: negligible cost).
    const usage = newUsage();
    c.env = { ...c.env, DB: meteredD1(c.env.DB, usage) };
    c.set("d1Usage", usage);
    c.set("db", createDb(c.env.DB));
    c.set("now", new Date());
    c.set("visitorId", null);
    await identify(c);
    await next();
    if (c.env.BENCH_METRICS === "true") {
      // A streamed body (CSV) reads as it streams: buffer it so the figures include every page.
      if (c.res.body) c.res = new Response(await c.res.arrayBuffer(), c.res);
      c.header("X-D1-Rows-Read", String(usage.rowsRead));
      c.header("X-D1-Rows-Written", String(usage.rowsWritten));
      c.header("X-D1-Queries", String(usage.queries));
      c.header("X-D1-Round-Trips", String(usage.roundTrips));
    }
  });

  app.use("*", csrfProtect);

  app.route("/api/v1", buildApi());
  app.route("/", homePages);
  app.route("/", authPages);
  app.route("/", adminPages);
  app.route("/", petitionPages);
  app.route("/", consultationPages);
  app.route("/", obligationPages);
  app.route("/", clockPages);
  app.route("/", alertPages);
  app.route("/", privacyPages);
  app.route("/dev", devRoutes);

  app.notFound(async (c) => {
    if (isApi(c)) return c.json({ error: { code: "not_found", message: `There is no API route ${c.req.method} ${c.req.path}.` } }, 404);
    return errorPage(c, 404, "");
  });

  app.onError(async (err, c) => {
    const e = toAppError(err);
    if (e.status >= 500) console.error(err);
    for (const [k, v] of Object.entries(e.headers ?? {})) c.header(k, v);
    if (isApi(c)) {
      return c.json({ error: { code: e.code, message: e.message, ...(e.fields ? { fields: e.fields } : {}) } }, e.status);
    }
    if (e.status === 401) return c.redirect(`/sign-in?next=${encodeURIComponent(c.req.path)}`, 303);
    return errorPage(c, e.status, e.message);
  });

  return app;
}
