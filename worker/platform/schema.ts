// Generated from migrations/ by scripts/generate-db-types.ts (npm run generate:db). Do not edit:
// change a migration and run it again. `npm test` fails while this file is out of date.
import type { ColumnType, Generated, GeneratedAlways } from "kysely";
import type { CommissioningStage, ConsultationState, EngagementMethod } from "../../shared/consultations/machine";
import type { MessageKind, ObligationKind, ObligationState, TallySide } from "../../shared/obligations/machine";
import type { PetitionState, ReferralReason, RejectionCode, ResponseState, ScrutinyState } from "../../shared/petitions/machine";
import type { SignatureState } from "../../shared/petitions/signatures";
import type { OrganisationKind, Role } from "../../shared/roles";
import type { TargetKind } from "../../shared/schemas/watches";

/** A column with a database default: optional on insert. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface AreasTable {
  id: Generated<number>;
  slug: string;
  name: string;
  response_threshold: Defaulted<number>;
  scrutiny_threshold: Defaulted<number>;
  response_working_days: Defaulted<number>;
  petition_duration_days: Defaulted<number>;
  information_request_working_days: Defaulted<number>;
  report_working_days: Defaulted<number>;
  referral_working_days: Defaulted<number>;
  outcome_overdue_weeks: Defaulted<number>;
  created_at: string;
  signer_data_retention_days: Defaulted<number>;
}

export interface OrganisationsTable {
  id: Generated<number>;
  area_id: number;
  slug: string;
  name: string;
  kind: OrganisationKind;
  email: string | null;
  predecessor_id: number | null;
  response_threshold: number | null;
  scrutiny_threshold: number | null;
  response_working_days: number | null;
  petition_duration_days: number | null;
  created_at: string;
}

export interface PeopleTable {
  id: Generated<number>;
  email: string;
  name: string;
  lead_times: Defaulted<string>;
  daily_digest: Defaulted<number>;
  created_at: string;
}

export interface MembershipsTable {
  id: Generated<number>;
  person_id: number;
  organisation_id: number;
  role: Role;
  created_at: string;
}

export interface SignInTokensTable {
  token_hash: string;
  person_id: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface SessionsTable {
  id_hash: string;
  person_id: number;
  created_at: string;
  expires_at: string;
}

export interface PairingCodesTable {
  code_hash: string;
  person_id: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface ApiTokensTable {
  id: Generated<number>;
  token_hash: string;
  person_id: number;
  label: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface FeedTokensTable {
  id: Generated<number>;
  token_hash: string;
  person_id: number | null;
  organisation_id: number | null;
  created_by: number;
  created_at: string;
  revoked_at: string | null;
}

export interface PetitionsTable {
  id: Generated<number>;
  area_id: number;
  organisation_id: number;
  title: string;
  action: string;
  background: string;
  petitioner_name: string | null;
  petitioner_email: string | null;
  petitioner_confirm_hash: string | null;
  petitioner_confirmed_at: string | null;
  state: Defaulted<PetitionState>;
  rejection_code: RejectionCode | null;
  rejection_details: string | null;
  moderated_by: number | null;
  moderated_at: string | null;
  opened_at: string | null;
  closes_at: string | null;
  closed_at: string | null;
  signature_count: Defaulted<number>;
  response_threshold: number | null;
  scrutiny_threshold: number | null;
  response_working_days: number | null;
  response_threshold_reached_at: string | null;
  scrutiny_threshold_reached_at: string | null;
  response_state: Defaulted<ResponseState>;
  response_due_at: string | null;
  response_text: string | null;
  response_draft: string | null;
  responded_at: string | null;
  responded_by: number | null;
  scrutiny_state: Defaulted<ScrutinyState>;
  referred_at: string | null;
  referral_reason: ReferralReason | null;
  osc_meeting_date: string | null;
  osc_decision: string | null;
  osc_outcome: string | null;
  osc_considered_at: string | null;
  created_at: string;
  updated_at: string;
  hidden_code: RejectionCode | null;
  hidden_at: string | null;
  hidden_by: number | null;
  signers_erased_at: string | null;
  urgency_rank: GeneratedAlways<number | null>;
  urgency_key: GeneratedAlways<string | null>;
}

export interface SignaturesTable {
  id: Generated<number>;
  petition_id: number;
  name: string | null;
  email: string | null;
  email_canonical: string | null;
  postcode: string | null;
  postcode_district: string | null;
  contact_consent: Defaulted<number>;
  state: Defaulted<SignatureState>;
  confirm_hash: string | null;
  ip_hash: string | null;
  created_at: string;
  confirmed_at: string | null;
  erased_at: string | null;
}

export interface PetitionDistrictsTable {
  petition_id: Generated<number>;
  district: string;
  signature_count: Defaulted<number>;
}

export interface ConsultationsTable {
  id: Generated<number>;
  area_id: number;
  organisation_id: number;
  title: string;
  url: string | null;
  canonical_url: string | null;
  summary: Defaulted<string>;
  opens_at: string | null;
  closes_at: string | null;
  stage: CommissioningStage | null;
  method: EngagementMethod | null;
  state: Defaulted<ConsultationState>;
  outcome_said: string | null;
  outcome_decided: string | null;
  outcome_changed: string | null;
  outcome_published_at: string | null;
  outcome_published_by: number | null;
  link_responded_at: string | null;
  created_by: number | null;
  created_by_organisation_id: number | null;
  client_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface ObligationsTable {
  id: Generated<number>;
  area_id: number;
  kind: ObligationKind;
  owed_by_organisation_id: number;
  owed_to_organisation_id: number | null;
  title: string;
  body: Defaulted<string>;
  petition_id: number | null;
  consultation_id: number | null;
  raised_by: number | null;
  received_at: string;
  due_at: string;
  state: Defaulted<ObligationState>;
  met_at: string | null;
  met_late: number | null;
  withdrawn_at: string | null;
  client_id: string | null;
  created_at: string;
  updated_at: string;
  overdue_at: string | null;
}

export interface ObligationMessagesTable {
  id: Generated<number>;
  obligation_id: number;
  author_id: number | null;
  author_organisation_id: number | null;
  kind: MessageKind;
  body: string;
  links: Defaulted<string>;
  created_at: string;
}

export interface WatchesTable {
  id: Generated<number>;
  person_id: number;
  organisation_id: number | null;
  target_kind: TargetKind;
  target_id: number;
  next_alert_at: string | null;
  created_at: string;
  live_until: string | null;
}

export interface OutboxTable {
  id: Generated<number>;
  to_email: string;
  person_id: number | null;
  subject: string;
  body_text: string;
  category: string;
  dedupe_key: string | null;
  digest: Defaulted<number>;
  created_at: string;
  attempts: Defaulted<number>;
  next_attempt_at: string | null;
  last_error: string | null;
  sent_at: string | null;
  failed_at: string | null;
  redacted_at: string | null;
}

export interface RateLimitsTable {
  key: string;
  window_started_at: string;
  hits: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_label: string;
  area_id: number | null;
  entity: string;
  entity_id: number | null;
  action: string;
  from_state: string | null;
  to_state: string | null;
  details: Defaulted<string>;
}

export interface PetitionMailingsTable {
  id: Generated<number>;
  petition_id: number;
  kind: string;
  subject: string;
  body_text: string;
  after_signature_id: Defaulted<number>;
  created_at: string;
  completed_at: string | null;
}

export interface ObligationTalliesTable {
  organisation_id: Generated<number>;
  side: TallySide;
  met_on_time: Defaulted<number>;
  met_late: Defaulted<number>;
}

export interface ErasureRequestsTable {
  token_hash: string;
  email: string;
  email_canonical: string;
  created_at: string;
  expires_at: string;
}

export interface Database {
  areas: AreasTable;
  organisations: OrganisationsTable;
  people: PeopleTable;
  memberships: MembershipsTable;
  sign_in_tokens: SignInTokensTable;
  sessions: SessionsTable;
  pairing_codes: PairingCodesTable;
  api_tokens: ApiTokensTable;
  feed_tokens: FeedTokensTable;
  petitions: PetitionsTable;
  signatures: SignaturesTable;
  petition_districts: PetitionDistrictsTable;
  consultations: ConsultationsTable;
  obligations: ObligationsTable;
  obligation_messages: ObligationMessagesTable;
  watches: WatchesTable;
  outbox: OutboxTable;
  rate_limits: RateLimitsTable;
  audit_log: AuditLogTable;
  petition_mailings: PetitionMailingsTable;
  obligation_tallies: ObligationTalliesTable;
  erasure_requests: ErasureRequestsTable;
}
