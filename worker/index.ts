// The Worker's production entry points: HTTP requests and the Cron Trigger. Nothing local-only is
// imported here (no /dev pages, demo data or metering: tests/unit/productionBundle.test.ts looks).
import { buildApp } from "./app";
import type { Env } from "./platform/env";
import { runScheduled } from "./scheduled";

const app = buildApp();

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(runScheduled(env, new Date(controller.scheduledTime)).then(() => undefined));
  },
} satisfies ExportedHandler<Env>;
