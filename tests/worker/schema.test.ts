// The Kysely Database type and the migrated schema agree, table by table and column by column.
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Database } from "../../worker/platform/db";

// `satisfies` makes this list exhaustive both ways at compile time: every table and column
// the type names must be here, and nothing else. The test then checks the database.
const columns = {
  areas: {
    id: 1,
    slug: 1,
    name: 1,
    response_threshold: 1,
    scrutiny_threshold: 1,
    response_working_days: 1,
    petition_duration_days: 1,
    information_request_working_days: 1,
    report_working_days: 1,
    referral_working_days: 1,
    outcome_overdue_weeks: 1,
    created_at: 1,
    signer_data_retention_days: 1,
  },
  organisations: {
    id: 1,
    area_id: 1,
    slug: 1,
    name: 1,
    kind: 1,
    email: 1,
    predecessor_id: 1,
    response_threshold: 1,
    scrutiny_threshold: 1,
    response_working_days: 1,
    petition_duration_days: 1,
    created_at: 1,
  },
  people: { id: 1, email: 1, name: 1, lead_times: 1, daily_digest: 1, created_at: 1 },
  memberships: { id: 1, person_id: 1, organisation_id: 1, role: 1, created_at: 1 },
  sign_in_tokens: { token_hash: 1, person_id: 1, created_at: 1, expires_at: 1, used_at: 1 },
  sessions: { id_hash: 1, person_id: 1, created_at: 1, expires_at: 1 },
  pairing_codes: { code_hash: 1, person_id: 1, created_at: 1, expires_at: 1, used_at: 1 },
  api_tokens: { id: 1, token_hash: 1, person_id: 1, label: 1, created_at: 1, last_used_at: 1, revoked_at: 1 },
  feed_tokens: { id: 1, token_hash: 1, person_id: 1, organisation_id: 1, created_by: 1, created_at: 1, revoked_at: 1 },
  petitions: {
    id: 1,
    area_id: 1,
    organisation_id: 1,
    title: 1,
    action: 1,
    background: 1,
    petitioner_name: 1,
    petitioner_email: 1,
    petitioner_confirm_hash: 1,
    petitioner_confirmed_at: 1,
    state: 1,
    rejection_code: 1,
    rejection_details: 1,
    moderated_by: 1,
    moderated_at: 1,
    opened_at: 1,
    closes_at: 1,
    closed_at: 1,
    signature_count: 1,
    response_threshold: 1,
    scrutiny_threshold: 1,
    response_working_days: 1,
    response_threshold_reached_at: 1,
    scrutiny_threshold_reached_at: 1,
    response_state: 1,
    response_due_at: 1,
    response_text: 1,
    response_draft: 1,
    responded_at: 1,
    responded_by: 1,
    scrutiny_state: 1,
    referred_at: 1,
    referral_reason: 1,
    osc_meeting_date: 1,
    osc_decision: 1,
    osc_outcome: 1,
    osc_considered_at: 1,
    created_at: 1,
    updated_at: 1,
    hidden_code: 1,
    hidden_at: 1,
    hidden_by: 1,
    signers_erased_at: 1,
  },
  signatures: {
    id: 1,
    petition_id: 1,
    name: 1,
    email: 1,
    email_canonical: 1,
    postcode: 1,
    postcode_district: 1,
    contact_consent: 1,
    state: 1,
    confirm_hash: 1,
    ip_hash: 1,
    created_at: 1,
    confirmed_at: 1,
    erased_at: 1,
  },
  petition_districts: { petition_id: 1, district: 1, signature_count: 1 },
  petition_mailings: { id: 1, petition_id: 1, kind: 1, subject: 1, body_text: 1, after_signature_id: 1, created_at: 1, completed_at: 1 },
  consultations: {
    id: 1,
    area_id: 1,
    organisation_id: 1,
    title: 1,
    url: 1,
    canonical_url: 1,
    summary: 1,
    opens_at: 1,
    closes_at: 1,
    stage: 1,
    method: 1,
    state: 1,
    outcome_said: 1,
    outcome_decided: 1,
    outcome_changed: 1,
    outcome_published_at: 1,
    outcome_published_by: 1,
    link_responded_at: 1,
    created_by: 1,
    created_by_organisation_id: 1,
    client_id: 1,
    created_at: 1,
    updated_at: 1,
  },
  obligations: {
    id: 1,
    area_id: 1,
    kind: 1,
    owed_by_organisation_id: 1,
    owed_to_organisation_id: 1,
    title: 1,
    body: 1,
    petition_id: 1,
    consultation_id: 1,
    raised_by: 1,
    received_at: 1,
    due_at: 1,
    state: 1,
    met_at: 1,
    met_late: 1,
    withdrawn_at: 1,
    client_id: 1,
    created_at: 1,
    updated_at: 1,
    overdue_at: 1,
  },
  obligation_tallies: { organisation_id: 1, side: 1, met_on_time: 1, met_late: 1 },
  obligation_messages: { id: 1, obligation_id: 1, author_id: 1, author_organisation_id: 1, kind: 1, body: 1, links: 1, created_at: 1 },
  watches: { id: 1, person_id: 1, organisation_id: 1, target_kind: 1, target_id: 1, next_alert_at: 1, created_at: 1, live_until: 1 },
  outbox: {
    id: 1,
    to_email: 1,
    person_id: 1,
    subject: 1,
    body_text: 1,
    category: 1,
    dedupe_key: 1,
    digest: 1,
    created_at: 1,
    attempts: 1,
    next_attempt_at: 1,
    last_error: 1,
    sent_at: 1,
    failed_at: 1,
    redacted_at: 1,
  },
  rate_limits: { key: 1, window_started_at: 1, hits: 1 },
  erasure_requests: { token_hash: 1, email: 1, email_canonical: 1, created_at: 1, expires_at: 1 },
  audit_log: {
    id: 1,
    at: 1,
    actor_id: 1,
    actor_label: 1,
    area_id: 1,
    entity: 1,
    entity_id: 1,
    action: 1,
    from_state: 1,
    to_state: 1,
    details: 1,
  },
} satisfies { [T in keyof Database]: Record<keyof Database[T], 1> };

async function migratedColumns(table: string): Promise<string[]> {
  const info = await env.DB.prepare(`SELECT name FROM pragma_table_info(?)`).bind(table).all<{ name: string }>();
  return info.results.map((r) => r.name).sort();
}

describe("Database type and migrations", () => {
  it("name the same tables", async () => {
    const tables = await env.DB.prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name <> 'd1_migrations'",
    ).all<{ name: string }>();
    expect(tables.results.map((t) => t.name).sort()).toEqual(Object.keys(columns).sort());
  });

  for (const [table, cols] of Object.entries(columns)) {
    it(`agree on the columns of ${table}`, async () => {
      expect(await migratedColumns(table)).toEqual(Object.keys(cols).sort());
    });
  }

  it("keeps the audit log append-only", async () => {
    await env.DB.prepare(
      "INSERT INTO audit_log (at, actor_label, entity, action) VALUES ('2026-01-01T00:00:00.000Z', 'system', 'test', 'made')",
    ).run();
    await expect(env.DB.prepare("UPDATE audit_log SET action = 'changed'").run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare("DELETE FROM audit_log").run()).rejects.toThrow(/append-only/);
  });
});
