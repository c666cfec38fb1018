// The development sign-in, outbox and seed exist only when LOCAL_DEV is set.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import worker from "../../worker/index";
import { BASE, request } from "./helpers";

async function withFlag(path: string): Promise<Response> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(new Request(new URL(path, BASE)), { ...env, LOCAL_DEV: "true" }, ctx);
  await waitOnExecutionContext(ctx);
  return res;
}

describe("development-only pages", () => {
  it("are absent without the flag", async () => {
    expect(env.LOCAL_DEV).toBeUndefined();
    for (const path of ["/dev/sign-in", "/dev/outbox", "/dev/outbox.json"]) {
      const res = await request(path);
      expect(res.status, path).toBe(404);
    }
    const seed = await request("/dev/seed", { method: "POST" });
    expect([403, 404]).toContain(seed.status);
    const home = await (await request("/")).text();
    expect(home).not.toContain("Sign in as a demo person");
  });

  it("are there with the flag", async () => {
    const signIn = await withFlag("/dev/sign-in");
    expect(signIn.status).toBe(200);
    expect(await signIn.text()).toContain("Sign in as a demo person");
    expect((await withFlag("/dev/outbox")).status).toBe(200);
    expect(await (await withFlag("/")).text()).toContain("Sign in as a demo person");
  });
});
