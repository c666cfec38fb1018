// API for administrators: area defaults, organisation overrides, organisations, people and roles.
import { createRoute, z } from "@hono/zod-openapi";
import { AreaMember, AreaSettings, NewMembership, NewOrganisation, OrganisationSettings } from "../../shared/schemas/admin";
import { Organisation } from "../../shared/schemas/areas";
import { IdParam } from "../../shared/schemas/common";
import { apiRouter, errorResponses, signedInSecurity } from "../platform/openapi";
import { areaById, readOrganisation } from "../areas/queries";
import { authorize } from "../auth/middleware";
import { depsOf } from "../platform/deps";
import { getAreaSettings, listAreaMembers, membershipById, organisationById } from "./queries";
import { addMembership, addOrganisation, removeMembership, updateAreaSettings, updateOrganisationSettings } from "./service";

export const adminApi = apiRouter();

const jsonBody = <T extends z.ZodType>(schema: T) => ({ required: true, content: { "application/json": { schema } } });
const ok = <T extends z.ZodType>(description: string, schema: T) => ({ description, content: { "application/json": { schema } } });
const adminErrors = { 401: errorResponses[401], 403: errorResponses[403], 404: errorResponses[404], 422: errorResponses[422] };

adminApi.openapi(
  createRoute({
    method: "get",
    path: "/areas/{id}/settings",
    tags: ["Administration"],
    summary: "An area's default thresholds and periods",
    security: signedInSecurity,
    middleware: [authorize("area.administer", areaById)] as const,
    request: { params: IdParam },
    responses: { 200: ok("Settings", AreaSettings), ...adminErrors },
  }),
  async (c) => c.json(await getAreaSettings(c.var.db, c.var.record.id), 200),
);

adminApi.openapi(
  createRoute({
    method: "put",
    path: "/areas/{id}/settings",
    tags: ["Administration"],
    summary: "Change an area's defaults (petitions already open keep theirs)",
    security: signedInSecurity,
    middleware: [authorize("area.administer", areaById)] as const,
    request: { params: IdParam, body: jsonBody(AreaSettings) },
    responses: { 200: ok("Saved", AreaSettings), ...adminErrors },
  }),
  async (c) => {
    const settings = c.req.valid("json");
    await updateAreaSettings(depsOf(c), { actor: c.var.actor, roles: c.var.actingRoles }, c.var.record, settings);
    return c.json(settings, 200);
  },
);

adminApi.openapi(
  createRoute({
    method: "put",
    path: "/organisations/{id}/settings",
    tags: ["Administration"],
    summary: "Set an organisation's own thresholds and periods (null uses the area's)",
    security: signedInSecurity,
    middleware: [authorize("area.administer", organisationById)] as const,
    request: { params: IdParam, body: jsonBody(OrganisationSettings) },
    responses: { 200: ok("Saved", OrganisationSettings), ...adminErrors },
  }),
  async (c) => {
    const settings = c.req.valid("json");
    await updateOrganisationSettings(depsOf(c), { actor: c.var.actor, roles: c.var.actingRoles }, c.var.record, settings);
    return c.json(settings, 200);
  },
);

adminApi.openapi(
  createRoute({
    method: "post",
    path: "/areas/{id}/organisations",
    tags: ["Administration"],
    summary: "Add an organisation to an area",
    security: signedInSecurity,
    middleware: [authorize("area.administer", areaById)] as const,
    request: { params: IdParam, body: jsonBody(NewOrganisation) },
    responses: { 201: ok("Added", Organisation), ...adminErrors },
  }),
  async (c) => {
    const id = await addOrganisation(depsOf(c), { actor: c.var.actor, roles: c.var.actingRoles }, c.var.record, c.req.valid("json"));
    return c.json(await readOrganisation(c.var.db, id), 201);
  },
);

adminApi.openapi(
  createRoute({
    method: "get",
    path: "/areas/{id}/members",
    tags: ["Administration"],
    summary: "Everyone holding a role in the area's organisations",
    security: signedInSecurity,
    middleware: [authorize("area.administer", areaById)] as const,
    request: { params: IdParam },
    responses: { 200: ok("Members", z.object({ items: z.array(AreaMember) })), ...adminErrors },
  }),
  async (c) => c.json({ items: await listAreaMembers(c.var.db, c.var.record.id) }, 200),
);

adminApi.openapi(
  createRoute({
    method: "post",
    path: "/areas/{id}/members",
    tags: ["Administration"],
    summary: "Give a person (added if new) a role in one of the area's organisations",
    security: signedInSecurity,
    middleware: [authorize("area.administer", areaById)] as const,
    request: { params: IdParam, body: jsonBody(NewMembership) },
    responses: { 201: ok("Added", z.object({ membershipId: z.number().int() })), 409: errorResponses[409], ...adminErrors },
  }),
  async (c) => {
    const acting = { actor: c.var.actor, roles: c.var.actingRoles };
    const membershipId = await addMembership(depsOf(c), acting, c.var.record, c.req.valid("json"));
    return c.json({ membershipId }, 201);
  },
);

adminApi.openapi(
  createRoute({
    method: "delete",
    path: "/memberships/{id}",
    tags: ["Administration"],
    summary: "Remove a role from a person",
    security: signedInSecurity,
    middleware: [authorize("area.administer", membershipById)] as const,
    request: { params: IdParam },
    responses: { 204: { description: "Removed" }, 409: errorResponses[409], ...adminErrors },
  }),
  async (c) => {
    await removeMembership(depsOf(c), { actor: c.var.actor, roles: c.var.actingRoles }, c.var.record);
    return c.body(null, 204);
  },
);
