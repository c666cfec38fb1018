// The Worker's entry points: HTTP requests and the Cron Trigger.
import { buildApp } from "./app";
import type { Env } from "./env";
import { runScheduled } from "./scheduled";

const app = buildApp();

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    ctx.waitUntil(runScheduled(env, new Date(controller.scheduledTime)).then(() => undefined));
  },
} satisfies ExportedHandler<Env>;
