// Record ids in web addresses are decimal digits only: "0x10" or "1e1" is no record at all, never
// record 16 or 10 (Number() alone would read them so).
import { beforeAll, describe, expect, it } from "vitest";
import type { SeedResult } from "../../worker/dev/seed";
import { request, seed, sessionFor, type Session } from "./helpers";

let s: SeedResult;
let admin: Session;
beforeAll(async () => {
  s = await seed();
  admin = await sessionFor(s.personIds.admin!);
});

const get = (path: string) => request(path, { headers: { cookie: admin.cookie } });

describe("ids in web addresses", () => {
  it("open a record by its decimal id and refuse the same number written any other way", async () => {
    const pct = s.organisationIds.pct!;
    expect((await get(`/clock/organisations/${pct}`)).status).toBe(200);
    for (const other of [`0x${pct.toString(16)}`, `${pct}e0`, `${pct}.0`, `%20${pct}`, `+${pct}`, "0", "-1", "9007199254740993"]) {
      const res = await get(`/clock/organisations/${other}`);
      expect(res.status, `/clock/organisations/${other}`).toBe(404);
      expect(await res.text()).not.toContain("NHS Northshire (Primary Care Trust)</h1>");
    }
  });
});
