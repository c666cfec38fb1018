// The development sign-in, outbox and seed are not in the production entry at all; the local
// entry (worker/local.ts, what `npm start` runs) has them only when LOCAL_DEV is set.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import production from "../../worker/index";
import local from "../../worker/local";
import type { Env } from "../../worker/platform/env";
import { BASE } from "./helpers";

async function call(entry: typeof production, path: string, flags: Partial<Env> = {}, init: RequestInit = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await entry.fetch(new Request(new URL(path, BASE), init), { ...env, ...flags }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

const DEV_PAGES = ["/dev/sign-in", "/dev/outbox", "/dev/outbox.json"];

describe("development-only pages", () => {
  it("are not in the production entry, even with the flag", async () => {
    for (const path of DEV_PAGES) expect((await call(production, path, { LOCAL_DEV: "true" })).status, path).toBe(404);
    expect([403, 404]).toContain((await call(production, "/dev/seed", { LOCAL_DEV: "true" }, { method: "POST" })).status);
  });

  it("are absent from the local entry without the flag", async () => {
    expect(env.LOCAL_DEV).toBeUndefined();
    for (const path of DEV_PAGES) expect((await call(local, path)).status, path).toBe(404);
    expect([403, 404]).toContain((await call(local, "/dev/seed", {}, { method: "POST" })).status);
    expect(await (await call(local, "/")).text()).not.toContain("Sign in as a demo person");
  });

  it("are there in the local entry with the flag", async () => {
    const signIn = await call(local, "/dev/sign-in", { LOCAL_DEV: "true" });
    expect(signIn.status).toBe(200);
    expect(await signIn.text()).toContain("Sign in as a demo person");
    expect((await call(local, "/dev/outbox", { LOCAL_DEV: "true" })).status).toBe(200);
    expect(await (await call(local, "/", { LOCAL_DEV: "true" })).text()).toContain("Sign in as a demo person");
  });
});
