// The JSON API under /api/v1: every group of routes mounted here, the OpenAPI document and its docs page.
import { adminApi } from "../admin/api";
import { areasApi } from "../areas/api";
import { authApi } from "../account/api";
import { petitionsApi } from "../petitions/api";
import { alertsApi } from "../alerts/api";
import { consultationsApi } from "../consultations/api";
import { obligationsApi } from "../obligations/api";
import { clockApi } from "../clock/api";
import { publicAccess } from "../auth/middleware";
import { apiRouter } from "../platform/openapi";
import { docsPage } from "./docs";

export const OPENAPI_INFO = {
  title: "Health involvement tracker API",
  version: "1.0.0",
  description:
    "Petitions, consultations and statutory obligations in local health involvement. " +
    "Errors are always `{error: {code, message, fields?}}`. Authenticate with `Authorization: Bearer <token>` " +
    "(from pairing) or a web session cookie plus the `X-CSRF-Token` header for writes.",
};

export function buildApi() {
  const api = apiRouter();
  api.openAPIRegistry.registerComponent("securitySchemes", "bearerAuth", { type: "http", scheme: "bearer" });
  api.openAPIRegistry.registerComponent("securitySchemes", "cookieAuth", { type: "apiKey", in: "cookie", name: "session" });
  api.route("/", areasApi);
  api.route("/", authApi);
  api.route("/", adminApi);
  api.route("/", petitionsApi);
  api.route("/", consultationsApi);
  api.route("/", obligationsApi);
  api.route("/", alertsApi);
  api.route("/", clockApi);
  api.doc31("/openapi.json", { openapi: "3.1.0", info: OPENAPI_INFO, servers: [{ url: "/api/v1" }] });
  api.get("/docs", publicAccess, (c) => docsPage(c, api.getOpenAPI31Document({ openapi: "3.1.0", info: OPENAPI_INFO })));
  return api;
}
