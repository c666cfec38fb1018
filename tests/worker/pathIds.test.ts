// Record ids in web addresses are decimal digits only: "0x10" or "1e1" is no record at all, never
// record 16 or 10 (Number() alone would read them so).
import { beforeAll, describe, expect, it } from "vitest";
import type { SeedResult } from "../../worker/dev/seed";
import { db, postForm, request, seed, sessionFor, type Session } from "./helpers";

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

  it("act on a request (obligation) only by its decimal id", async () => {
    const { id } = await db
      .selectFrom("obligations")
      .select("id")
      .where("area_id", "=", s.areaIds.northshire!)
      .orderBy("id")
      .executeTakeFirstOrThrow();
    for (const other of [`0x${id.toString(16)}`, `${id}e0`, `${id}.0`, `+${id}`]) {
      const res = await postForm(`/obligations/${other}/watch`, admin, {});
      expect(res.status, `/obligations/${other}/watch`).toBe(404);
    }
    expect(
      await db
        .selectFrom("watches")
        .select("id")
        .where("person_id", "=", admin.personId)
        .where("target_kind", "=", "obligation")
        .where("target_id", "=", id)
        .execute(),
    ).toEqual([]);
    const watched = await postForm(`/obligations/${id}/watch`, admin, {});
    expect(watched.status).toBe(303);
    expect(
      await db
        .selectFrom("watches")
        .select("id")
        .where("person_id", "=", admin.personId)
        .where("target_kind", "=", "obligation")
        .where("target_id", "=", id)
        .execute(),
    ).toHaveLength(1);
  });
});
