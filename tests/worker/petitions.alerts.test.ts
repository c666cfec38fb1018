// A watched petition's deadlines reach the watcher: its closing date, and the response due date
// that starts when the signature crossing the threshold is confirmed.
import { describe, expect, it } from "vitest";
import { api, db, seed, tokenFor } from "./helpers";

interface Alerts {
  items: { targetKind: string; targetId: number; deadlineKind: string; deadlineAt: string }[];
}

describe("watching a petition", () => {
  it("adds the response due date to the watcher's alerts when the threshold is crossed", async () => {
    const s = await seed();
    const petition = await db.selectFrom("petitions").selectAll().where("title", "like", "Free parking%").executeTakeFirstOrThrow();
    expect(petition.state).toBe("open");
    const token = await tokenFor(s.personIds.link!);
    const watched = await api("/watches", token, { body: { targetKind: "petition", targetId: petition.id } });
    expect(watched.status).toBeLessThan(300);

    let alerts = (await (await api("/me/alerts", token)).json()) as Alerts;
    const kinds = () =>
      alerts.items
        .filter((i) => i.targetKind === "petition" && i.targetId === petition.id)
        .map((i) => i.deadlineKind)
        .sort();
    expect(kinds()).toEqual(["closes"]);

    // Bring it to one short of the threshold, then sign and confirm the last one through the API.
    const short = petition.response_threshold! - petition.signature_count - 1;
    const now = new Date().toISOString();
    for (let i = 0; i < short; i += 10) {
      const rows = Array.from({ length: Math.min(10, short - i) }, (_, j) => ({
        petition_id: petition.id,
        name: `Extra ${i + j}`,
        email: `extra${i + j}@example.com`,
        email_canonical: `extra${i + j}@example.com`,
        postcode: "NR1 1AA",
        postcode_district: "NR1",
        state: "confirmed" as const,
        created_at: now,
        confirmed_at: now,
      }));
      await db.insertInto("signatures").values(rows).execute();
    }
    const signed = await api(`/petitions/${petition.id}/signatures`, null, {
      body: { name: "Last Signer", email: "last.signer@example.com", postcode: "NR2 2BB", contactConsent: false },
    });
    expect(signed.status).toBe(202);
    const mail = await db
      .selectFrom("outbox")
      .select("body_text")
      .where("to_email", "=", "last.signer@example.com")
      .executeTakeFirstOrThrow();
    const confirmToken = /signatures\/confirm\?token=([\w-]+)/.exec(mail.body_text)![1]!;
    const confirmed = await api("/signatures/confirmation", null, { body: { token: confirmToken } });
    expect(confirmed.status).toBe(200);

    const after = await db
      .selectFrom("petitions")
      .select(["response_state", "response_due_at"])
      .where("id", "=", petition.id)
      .executeTakeFirstOrThrow();
    expect(after.response_state).toBe("owed");
    alerts = (await (await api("/me/alerts", token)).json()) as Alerts;
    expect(kinds()).toEqual(["closes", "response_due"]);
    const due = alerts.items.find((i) => i.targetId === petition.id && i.deadlineKind === "response_due")!;
    expect(due.deadlineAt).toBe(after.response_due_at);
    const watch = await db
      .selectFrom("watches")
      .select("next_alert_at")
      .where("person_id", "=", s.personIds.link!)
      .where("target_id", "=", petition.id)
      .executeTakeFirstOrThrow();
    expect(watch.next_alert_at).not.toBeNull();
    expect(watch.next_alert_at! <= after.response_due_at!).toBe(true);
  });
});
