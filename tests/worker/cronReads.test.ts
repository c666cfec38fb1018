// The scheduled handler's D1 reads grow with the number of items due, not with the number stored
// (consultations, requests and watches months ahead; emails too new, or already done, to redact).
import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LEAD_TIMES, nextAlertAt } from "../../shared/alerts/timing";
import { runScheduled } from "../../worker/scheduled";
import { meteredD1 } from "./d1Meter";
import { db, RecordingSender } from "./helpers";

const DAY = 86_400_000;
const now = new Date();
const iso = (ms: number) => new Date(ms).toISOString();

let personId = 0;
let areaId = 0;
let pctId = 0;
let linkId = 0;
let stored = 0;

async function inChunks<T>(rows: T[], perStatement: number, insert: (part: T[]) => { compile: () => unknown }) {
  const statements = [];
  for (let i = 0; i < rows.length; i += perStatement) statements.push(insert(rows.slice(i, i + perStatement)));
  for (let i = 0; i < statements.length; i += 50) await env.DB.batch(statements.slice(i, i + 50).map((q) => toD1(q)));
}

function toD1(q: { compile: () => unknown }) {
  const compiled = q.compile() as { sql: string; parameters: unknown[] };
  return env.DB.prepare(compiled.sql).bind(...compiled.parameters);
}

/** n consultations closing, and n requests due, 200 to 400 days ahead: each watched, none due an alert for months. */
async function storeFarFuture(n: number) {
  const at = now.toISOString();
  const first = stored;
  stored += n;
  const closes = Array.from({ length: n }, (_, i) => iso(now.getTime() + (200 + ((first + i) % 200)) * DAY));
  await inChunks(
    closes.map((c, i) => ({
      area_id: areaId,
      organisation_id: pctId,
      title: `Far consultation ${first + i}`,
      closes_at: c,
      created_at: at,
      updated_at: at,
    })),
    14,
    (part) => db.insertInto("consultations").values(part),
  );
  await inChunks(
    closes.map((c, i) => ({
      area_id: areaId,
      kind: "information_request" as const,
      owed_by_organisation_id: pctId,
      owed_to_organisation_id: linkId,
      title: `Far request ${first + i}`,
      received_at: at,
      due_at: c,
      created_at: at,
      updated_at: at,
    })),
    10,
    (part) => db.insertInto("obligations").values(part),
  );
  const consultations = await db
    .selectFrom("consultations")
    .select(["id", "closes_at"])
    .where("title", "like", "Far consultation %")
    .where("id", ">", 0)
    .execute();
  const obligations = await db.selectFrom("obligations").select(["id", "due_at"]).where("title", "like", "Far request %").execute();
  const watched = new Set(
    (await db.selectFrom("watches").select(["target_kind", "target_id"]).where("person_id", "=", personId).execute()).map(
      (w) => `${w.target_kind}:${w.target_id}`,
    ),
  );
  const watches = [
    ...consultations.map((c) => ({ kind: "consultation" as const, id: c.id, at: c.closes_at! })),
    ...obligations.map((o) => ({ kind: "obligation" as const, id: o.id, at: o.due_at })),
  ]
    .filter((t) => !watched.has(`${t.kind}:${t.id}`))
    .map((t) => ({
      person_id: personId,
      target_kind: t.kind,
      target_id: t.id,
      next_alert_at: nextAlertAt([{ kind: "closes", at: t.at }], DEFAULT_LEAD_TIMES, now)!.toISOString(),
      created_at: at,
    }));
  await inChunks(watches, 16, (part) => db.insertInto("watches").values(part));
  // n emails to the public sent today (the delivery log keeps them for months), and n a year
  // old whose address and text were removed already.
  const emails = Array.from({ length: n }, (_, i) => ({
    to_email: `far${first + i}@example.org`,
    subject: "Far",
    body_text: "Far",
    category: "test",
    created_at: at,
    sent_at: at,
  }));
  await inChunks(emails, 10, (part) => db.insertInto("outbox").values(part));
  const yearAgo = iso(now.getTime() - 365 * DAY);
  const redacted = emails.map((e) => ({
    ...e,
    to_email: "(removed)",
    body_text: "(removed)",
    created_at: yearAgo,
    sent_at: yearAgo,
    redacted_at: yearAgo,
  }));
  await inChunks(redacted, 10, (part) => db.insertInto("outbox").values(part));
}

async function measure(): Promise<{ rowsRead: number; statements: number; report: Awaited<ReturnType<typeof runScheduled>> }> {
  const meter = meteredD1(env.DB);
  const report = await runScheduled({ ...env, DB: meter.db }, now, new RecordingSender());
  return { rowsRead: meter.rowsRead(), statements: meter.statements(), report };
}

beforeAll(async () => {
  const at = now.toISOString();
  await db.insertInto("areas").values({ slug: "readshire", name: "Readshire", created_at: at }).execute();
  areaId = (await db.selectFrom("areas").select("id").where("slug", "=", "readshire").executeTakeFirstOrThrow()).id;
  await db
    .insertInto("organisations")
    .values([
      { area_id: areaId, slug: "readshire-pct", name: "Readshire PCT", kind: "pct", created_at: at },
      { area_id: areaId, slug: "readshire-link", name: "Readshire LINk", kind: "link", created_at: at },
    ])
    .execute();
  const orgs = await db.selectFrom("organisations").select(["id", "kind"]).where("area_id", "=", areaId).execute();
  pctId = orgs.find((o) => o.kind === "pct")!.id;
  linkId = orgs.find((o) => o.kind === "link")!.id;
  await db.insertInto("people").values({ email: "reader@readshire.example", name: "Rae Reader", created_at: at }).execute();
  personId = (await db.selectFrom("people").select("id").where("email", "=", "reader@readshire.example").executeTakeFirstOrThrow()).id;
});

describe("scheduled handler reads", () => {
  it("stay the same with 10 or 2,000 far-future items stored, and grow only with the items due", async () => {
    await storeFarFuture(10);
    await measure(); // settles anything left from setting up
    const small = await measure();

    await storeFarFuture(1990);
    expect(
      await db
        .selectFrom("watches")
        .select((eb) => eb.fn.countAll<number>().as("n"))
        .executeTakeFirstOrThrow(),
    ).toEqual({ n: 4000 });
    const large = await measure();

    console.log(
      `rows_read per scheduled run: ${small.rowsRead} with 20 items stored, ${large.rowsRead} with 4,000 stored (${small.statements} and ${large.statements} statements)`,
    );
    expect(large.rowsRead).toBe(small.rowsRead);
    expect(large.statements).toBe(small.statements);
    // The signer-data retention job reads each area's retention setting once a run (areas are few
    // and do not grow with the items stored); the delivery-log retention job reads 3 rows when
    // nothing is due (the end of its partial index and the empty IN list).
    const areas = Number(
      (
        await db
          .selectFrom("areas")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(small.rowsRead).toBeLessThanOrEqual(13 + areas);
    expect(large.report.jobs.alerts).toEqual({ due: 0, queued: 0 });
    expect(large.report.jobs["obligations-overdue"]).toEqual({ overdue: 0 });

    // Five consultations closing in a day and a half, watched for a month: their alerts are due now,
    // and reads grow with them alone.
    const at = now.toISOString();
    const soon = iso(now.getTime() + 1.5 * DAY);
    await db
      .insertInto("consultations")
      .values(
        Array.from({ length: 5 }, (_, i) => ({
          area_id: areaId,
          organisation_id: pctId,
          title: `Soon ${i}`,
          closes_at: soon,
          created_at: at,
          updated_at: at,
        })),
      )
      .execute();
    const soonIds = await db.selectFrom("consultations").select("id").where("title", "like", "Soon %").execute();
    await db
      .insertInto("watches")
      .values(
        soonIds.map((c) => ({
          person_id: personId,
          target_kind: "consultation",
          target_id: c.id,
          next_alert_at: iso(now.getTime() - 30 * DAY),
          created_at: at,
        })),
      )
      .execute();
    const due = await measure();
    console.log(`rows_read with 5 alerts due among 4,005 watches: ${due.rowsRead}`);
    expect(due.report.jobs.alerts).toEqual({ due: 5, queued: 5 });
    expect(due.rowsRead).toBeGreaterThan(large.rowsRead);
    expect(due.rowsRead - large.rowsRead).toBeLessThanOrEqual(5 * 12);

    // Once sent, the run is back to reading almost nothing.
    const after = await measure();
    expect(after.report.jobs.alerts).toEqual({ due: 0, queued: 0 });
    expect(after.rowsRead).toBeLessThanOrEqual(small.rowsRead + 1);
  });
});
