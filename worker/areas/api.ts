// Public API: the areas and the organisations in each.
import { createRoute, z } from "@hono/zod-openapi";
import { Area } from "../../shared/schemas/areas";
import { apiRouter } from "../platform/openapi";
import { publicAccess } from "../auth/middleware";
import { listAreas } from "./queries";

export const areasApi = apiRouter();

areasApi.openapi(
  createRoute({
    method: "get",
    path: "/areas",
    tags: ["Areas"],
    summary: "Every area and the organisations in it",
    middleware: [publicAccess] as const,
    responses: { 200: { description: "Areas", content: { "application/json": { schema: z.object({ items: z.array(Area) }) } } } },
  }),
  async (c) => c.json({ items: await listAreas(c.var.db) }, 200),
);
