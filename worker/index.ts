// The Worker's entry points: HTTP requests and the Cron Trigger.
import { buildApp } from "./app";
import { meteredD1, newUsage } from "./d1Meter";
import type { Env } from "./platform/env";
import { runScheduled } from "./scheduled";

const app = buildApp();

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    if (env.BENCH_METRICS === "true") {
      // The benchmark reads the D1 rows each tick read from the log.
      const usage = newUsage();
      const tick = runScheduled({ ...env, DB: meteredD1(env.DB, usage) }, new Date(controller.scheduledTime)).then((report) =>
        console.warn(
          `[bench] scheduled tick: rows read ${usage.rowsRead}, rows written ${usage.rowsWritten}, queries ${usage.queries}, jobs ${JSON.stringify(report.jobs)}`,
        ),
      );
      ctx.waitUntil(tick);
      return;
    }
    ctx.waitUntil(runScheduled(env, new Date(controller.scheduledTime)).then(() => undefined));
  },
} satisfies ExportedHandler<Env>;
