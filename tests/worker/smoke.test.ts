import { describe, expect, it } from "vitest";
import { request, seed } from "./helpers";

describe("the app", () => {
  it("serves the home page with the demo areas", async () => {
    await seed();
    const res = await request("/");
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain("Northshire LINk");
  });
});
