// API for sign-in links, pairing the extension, and the caller's own account.
import { createRoute, z } from "@hono/zod-openapi";
import { Me, PairingRequest, PairingResponse, SignInRequest } from "../../shared/schemas/auth";
import { IdParam } from "../../shared/schemas/common";
import { Preferences } from "../../shared/schemas/preferences";
import { apiRouter, errorResponses, publicErrors, signedInSecurity } from "../platform/openapi";
import { auditInsert } from "../platform/audit";
import { batch } from "../platform/db";
import { preferencesChanged } from "../alerts/service";
import { deliverOutbox, senderFor } from "../email/sender";
import { AppError, notFound } from "../platform/errors";
import { clientIpHash } from "../platform/validation";
import { enforceLimit } from "../platform/rateLimit";
import type { Actor } from "../platform/actor";
import { loadPerson } from "../auth/actor";
import { publicAccess, signedIn } from "../auth/middleware";
import { redeemPairingCode, revokeApiToken } from "./pairing";
import { requestSignInLink } from "./signIn";

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
    const outboxId = await requestSignInLink(email, {
      db: c.var.db,
      d1: c.env.DB,
      publicUrl: c.env.PUBLIC_URL,
      now: c.var.now,
      ipHash: await clientIpHash(c),
    });
    const sender = senderFor(c.env);
    if (outboxId !== null && sender) {
      c.executionCtx.waitUntil(deliverOutbox(c.var.db, sender, c.env.EMAIL_FROM, c.var.now, { ids: [outboxId] }).catch(() => undefined));
    }
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
    await enforceLimit(
      c.var.db,
      `pairing:ip:${await clientIpHash(c)}`,
      { what: "pairing attempts", max: 10, windowSeconds: 600 },
      c.var.now,
    );
    const result = await redeemPairingCode(c.var.db, c.env.DB, code, label || "Browser extension", c.var.now);
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
  (c) => c.json(meOf(c.var.actor!), 200),
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
    const actor = c.var.actor!;
    const prefs = c.req.valid("json");
    await batch(c.env.DB, [
      c.var.db
        .updateTable("people")
        .set({ lead_times: JSON.stringify(prefs.leadTimes), daily_digest: prefs.dailyDigest ? 1 : 0 })
        .where("id", "=", actor.personId),
      auditInsert(c.var.db, {
        actor,
        areaId: null,
        entity: "person",
        entityId: actor.personId,
        action: "preferences_changed",
        at: c.var.now,
        details: prefs,
      }),
    ]);
    await preferencesChanged(c.var.db, c.env.DB, actor.personId, c.var.now);
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
    const revoked = await revokeApiToken(c.var.db, c.env.DB, c.var.actor!.personId, id, c.var.now);
    if (!revoked) throw notFound("token");
    return c.body(null, 204);
  },
);
