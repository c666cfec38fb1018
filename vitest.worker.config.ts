// Worker tests: run inside the Workers runtime (workerd) with a real D1, migrations applied.
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";

export default defineConfig(async () => {
  const migrations = await readD1Migrations("./migrations");
  return {
    plugins: [
      cloudflareTest({
        wrangler: { configPath: "./wrangler.toml" },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            APP_SECRET: "test-secret-for-worker-tests-only",
            PUBLIC_URL: "https://tracker.test",
          },
        },
      }),
    ],
    test: {
      include: ["tests/worker/**/*.test.{ts,tsx}"],
      setupFiles: ["./tests/worker/setup.ts"],
      testTimeout: 30_000,
    },
  };
});
