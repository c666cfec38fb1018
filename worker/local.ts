// The local entry (`npm start`, the browser tests, the benchmark: `wrangler dev worker/local.ts`):
// the production app plus the development pages and demo data under /dev (with LOCAL_DEV) and,
// for the benchmark (BENCH_METRICS), the D1 rows each request and tick read.
import type { MiddlewareHandler } from "hono";
import { buildApp } from "./app";
import { meteredD1, newUsage } from "./dev/d1Meter";
import { devRoutes } from "./dev/routes";
import type { AppEnv, Env } from "./platform/env";
import { runScheduled } from "./scheduled";

/** With BENCH_METRICS, every query of the request goes through the meter and the figures go out as headers. */
const meterRequests: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.env.BENCH_METRICS !== "true") return next();
  const usage = newUsage();
  c.env = { ...c.env, DB: meteredD1(c.env.DB, usage) };
  await next();
  // A streamed body (CSV) reads as it streams: buffer it so the figures include every page.
  if (c.res.body) c.res = new Response(await c.res.arrayBuffer(), c.res);
  c.header("X-D1-Rows-Read", String(usage.rowsRead));
  c.header("X-D1-Rows-Written", String(usage.rowsWritten));
  c.header("X-D1-Queries", String(usage.queries));
  c.header("X-D1-Round-Trips", String(usage.roundTrips));
};

const app = buildApp({ first: [meterRequests], routes: [["/dev", devRoutes]] });

export default {
  fetch: app.fetch,
  async scheduled(controller, env, ctx) {
    const at = new Date(controller.scheduledTime);
    if (env.BENCH_METRICS !== "true") {
      ctx.waitUntil(runScheduled(env, at).then(() => undefined));
      return;
    }
    // The benchmark reads the D1 rows each tick read from the log.
    const usage = newUsage();
    const tick = runScheduled({ ...env, DB: meteredD1(env.DB, usage) }, at).then((report) =>
      console.warn(
        `[bench] scheduled tick: rows read ${usage.rowsRead}, rows written ${usage.rowsWritten}, queries ${usage.queries}, jobs ${JSON.stringify(report.jobs)}`,
      ),
    );
    ctx.waitUntil(tick);
  },
} satisfies ExportedHandler<Env>;
