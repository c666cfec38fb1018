// API for sign-in links, pairing the extension, and the caller's own account.
import { createRoute, z } from "@hono/zod-openapi";
import { Me, PairingRequest, PairingResponse, SignInRequest } from "../../shared/schemas/auth";
import { IdParam } from "../../shared/schemas/common";
import { Preferences } from "../../shared/schemas/preferences";
import { loadPerson } from "../auth/actor";
import { publicAccess, signedIn } from "../auth/middleware";
import type { Actor } from "../platform/actor";
import { depsOf } from "../platform/deps";
import { AppError, notFound } from "../platform/errors";
import { apiRouter, errorResponses, publicErrors, signedInSecurity } from "../platform/openapi";
import { clientIpHash } from "../platform/validation";
import { redeemPairingCode, revokeApiToken } from "./pairing";
import { savePreferences } from "./service";
import { emailSignInLink } from "./signIn";

export const authApi = apiRouter();

export function meOf(actor: Omit<Actor, "via">): Me {
  return {
    id: actor.personId,
    name: actor.name,
    email: actor.email,
    leadTimes: actor.leadTimes,
    dailyDigest: actor.dailyDigest,
    memberships: actor.memberships.map((m) => ({
      organisationId: m.organisationId,
      organisationName: m.organisationName,
      organisationKind: m.organisationKind,
      areaId: m.areaId,
      areaName: m.areaName,
      role: m.role,
    })),
  };
}

authApi.openapi(
  createRoute({
    method: "post",
    path: "/auth/sign-in-link",
    tags: ["Account"],
    summary: "Email a one-time sign-in link",
    description: "Always answers 202, whether or not the address has an account, so addresses cannot be discovered.",
    middleware: [publicAccess] as const,
    request: { body: { required: true, content: { "application/json": { schema: SignInRequest } } } },
    responses: {
      202: {
        description: "If the address has an account, a link is on its way",
        content: { "application/json": { schema: z.object({ message: z.string() }) } },
      },
      ...publicErrors,
    },
  }),
  async (c) => {
    const { email } = c.req.valid("json");
    await emailSignInLink(depsOf(c), { email, ipHash: await clientIpHash(c) }, c.executionCtx);
    return c.json({ message: "If this address has an account, we have emailed it a sign-in link." }, 202);
  },
);

authApi.openapi(
  createRoute({
    method: "post",
    path: "/pairing",
    tags: ["Account"],
    summary: "Exchange a pairing code (shown on the web) for an API token",
    middleware: [publicAccess] as const,
    request: { body: { required: true, content: { "application/json": { schema: PairingRequest } } } },
    responses: {
      201: { description: "Paired; keep the token safe", content: { "application/json": { schema: PairingResponse } } },
      ...publicErrors,
    },
  }),
  async (c) => {
    const { code, label } = c.req.valid("json");
    const result = await redeemPairingCode(depsOf(c), { code, label: label || "Browser extension", ipHash: await clientIpHash(c) });
    if (!result.ok) {
      throw new AppError(
        422,
        "pairing_code_invalid",
        "That pairing code is not valid. It may have expired or been used already: get a new one from your account page.",
        {
          code: "That pairing code is not valid, has expired or was already used",
        },
      );
    }
    const person = await loadPerson(c.var.db, result.personId, "token");
    if (!person) throw notFound("person");
    return c.json({ token: result.token, tokenId: result.tokenId, me: meOf(person) }, 201);
  },
);

authApi.openapi(
  createRoute({
    method: "get",
    path: "/me",
    tags: ["Account"],
    summary: "Who the caller is: name, roles and alert preferences",
    security: signedInSecurity,
    middleware: [signedIn] as const,
    responses: {
      200: { description: "The signed-in person", content: { "application/json": { schema: Me } } },
      401: errorResponses[401],
    },
  }),
  (c) => c.json(meOf(c.var.actor), 200),
);

authApi.openapi(
  createRoute({
    method: "put",
    path: "/me/preferences",
    tags: ["Account"],
    summary: "Set alert lead times and the daily digest",
    security: signedInSecurity,
    middleware: [signedIn] as const,
    request: { body: { required: true, content: { "application/json": { schema: Preferences } } } },
    responses: {
      200: { description: "Saved", content: { "application/json": { schema: Preferences } } },
      401: errorResponses[401],
      422: errorResponses[422],
    },
  }),
  async (c) => {
    const prefs = c.req.valid("json");
    await savePreferences(depsOf(c), c.var.actor, prefs);
    return c.json(prefs, 200);
  },
);

authApi.openapi(
  createRoute({
    method: "delete",
    path: "/tokens/{id}",
    tags: ["Account"],
    summary: "Revoke one of your API tokens (use the current token's id to sign the extension out)",
    security: signedInSecurity,
    middleware: [signedIn] as const,
    request: { params: IdParam },
    responses: { 204: { description: "Revoked" }, 401: errorResponses[401], 404: errorResponses[404], 422: errorResponses[422] },
  }),
  async (c) => {
    const { id } = c.req.valid("param");
    const revoked = await revokeApiToken(depsOf(c), c.var.actor, id);
    if (!revoked) throw notFound("token");
    return c.body(null, 204);
  },
);
