// The typed D1 schema (mirrors migrations/) and the Kysely instance over env.DB.
import { Kysely, type ColumnType, type Generated, type Compilable } from "kysely";
import { D1Dialect } from "kysely-d1";

/** Integer primary key assigned by SQLite. */
type Id = Generated<number>;
/** Column with a database default: optional on insert. */
type Defaulted<T> = ColumnType<T, T | undefined, T>;

export interface AreasTable {
  id: Id;
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
  /** Days after a petition closes before its signers' personal details are erased. */
  signer_data_retention_days: Defaulted<number>;
}

export interface OrganisationsTable {
  id: Id;
  area_id: number;
  slug: string;
  name: string;
  kind: string;
  email: string | null;
  predecessor_id: number | null;
  response_threshold: number | null;
  scrutiny_threshold: number | null;
  response_working_days: number | null;
  petition_duration_days: number | null;
  created_at: string;
}

export interface PeopleTable {
  id: Id;
  email: string;
  name: string;
  lead_times: Defaulted<string>;
  daily_digest: Defaulted<number>;
  created_at: string;
}

export interface MembershipsTable {
  id: Id;
  person_id: number;
  organisation_id: number;
  role: string;
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
  id: Id;
  token_hash: string;
  person_id: number;
  label: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface FeedTokensTable {
  id: Id;
  token_hash: string;
  person_id: number | null;
  organisation_id: number | null;
  created_by: number;
  created_at: string;
  revoked_at: string | null;
}

export interface PetitionsTable {
  id: Id;
  area_id: number;
  organisation_id: number;
  title: string;
  action: string;
  background: string;
  petitioner_name: string | null;
  petitioner_email: string | null;
  petitioner_confirm_hash: string | null;
  petitioner_confirmed_at: string | null;
  state: Defaulted<string>;
  rejection_code: string | null;
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
  response_state: Defaulted<string>;
  response_due_at: string | null;
  response_text: string | null;
  response_draft: string | null;
  responded_at: string | null;
  responded_by: number | null;
  scrutiny_state: Defaulted<string>;
  referred_at: string | null;
  referral_reason: string | null;
  osc_meeting_date: string | null;
  osc_decision: string | null;
  osc_outcome: string | null;
  osc_considered_at: string | null;
  created_at: string;
  updated_at: string;
  hidden_code: string | null;
  hidden_at: string | null;
  hidden_by: number | null;
  /** Set by the retention job once every signer's personal details are erased. */
  signers_erased_at: Defaulted<string | null>;
}

export interface PetitionMailingsTable {
  id: Id;
  petition_id: number;
  kind: string;
  subject: string;
  body_text: string;
  after_signature_id: Defaulted<number>;
  created_at: string;
  completed_at: string | null;
}

export interface SignaturesTable {
  id: Id;
  petition_id: number;
  name: string | null;
  email: string | null;
  email_canonical: string | null;
  postcode: string | null;
  postcode_district: string | null;
  contact_consent: Defaulted<number>;
  state: Defaulted<string>;
  confirm_hash: string | null;
  ip_hash: string | null;
  created_at: string;
  confirmed_at: string | null;
  erased_at: string | null;
}

export interface PetitionDistrictsTable {
  petition_id: number;
  district: string;
  signature_count: Defaulted<number>;
}

export interface ConsultationsTable {
  id: Id;
  area_id: number;
  organisation_id: number;
  title: string;
  url: string | null;
  canonical_url: string | null;
  summary: Defaulted<string>;
  opens_at: string | null;
  closes_at: string | null;
  stage: string | null;
  method: string | null;
  state: Defaulted<string>;
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
  id: Id;
  area_id: number;
  kind: string;
  owed_by_organisation_id: number;
  owed_to_organisation_id: number | null;
  title: string;
  body: Defaulted<string>;
  petition_id: number | null;
  consultation_id: number | null;
  raised_by: number | null;
  received_at: string;
  due_at: string;
  state: Defaulted<string>;
  met_at: string | null;
  met_late: number | null;
  withdrawn_at: string | null;
  client_id: string | null;
  created_at: string;
  updated_at: string;
  /** Set once by the scheduled handler when an open obligation passes its due date. */
  overdue_at: Defaulted<string | null>;
}

export interface ObligationTalliesTable {
  organisation_id: number;
  side: "owed_by" | "owed_to";
  met_on_time: Defaulted<number>;
  met_late: Defaulted<number>;
}

export interface ObligationMessagesTable {
  id: Id;
  obligation_id: number;
  author_id: number | null;
  author_organisation_id: number | null;
  kind: string;
  body: string;
  links: Defaulted<string>;
  created_at: string;
}

export interface WatchesTable {
  id: Id;
  person_id: number;
  organisation_id: number | null;
  target_kind: string;
  target_id: number;
  next_alert_at: string | null;
  created_at: string;
  /** The target's latest live deadline (NULL: none), kept by triggers (migration 0040). */
  live_until: Generated<string | null>;
}

export interface OutboxTable {
  id: Id;
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
  /** When the address and text of an email to the public were removed (erasure or retention). */
  redacted_at: string | null;
}

export interface RateLimitsTable {
  key: string;
  window_started_at: string;
  hits: number;
}

export interface ErasureRequestsTable {
  token_hash: string;
  email: string;
  email_canonical: string;
  created_at: string;
  expires_at: string;
}

export interface AuditLogTable {
  id: Id;
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
  petition_mailings: PetitionMailingsTable;
  consultations: ConsultationsTable;
  obligations: ObligationsTable;
  obligation_messages: ObligationMessagesTable;
  obligation_tallies: ObligationTalliesTable;
  watches: WatchesTable;
  outbox: OutboxTable;
  rate_limits: RateLimitsTable;
  erasure_requests: ErasureRequestsTable;
  audit_log: AuditLogTable;
}

export type DB = Kysely<Database>;

/** The D1 binding behind each DB, so reads can be batched into one round trip (readBatch). */
const bindings = new WeakMap<DB, D1Database>();

export function createDb(d1: D1Database): DB {
  const db = new Kysely<Database>({ dialect: new D1Dialect({ database: d1 }) });
  bindings.set(db, d1);
  return db;
}

type RowsOf<Q> = Q extends Compilable<infer R> ? R[] : never;
type GroupRows<G> = G extends readonly (infer Q)[] ? RowsOf<Q> : never;

/**
 * Several independent reads in one D1 round trip (a batch), each answered with the rows its
 * query returns. Each call to D1 is a wait on the database: a page that needs three lists it
 * can name up front asks once, not three times.
 */
export async function readBatch<const Q extends readonly Compilable<unknown>[]>(
  db: DB,
  queries: Q,
): Promise<{ [K in keyof Q]: RowsOf<Q[K]> }> {
  const d1 = bindings.get(db);
  if (!d1) throw new Error("readBatch needs a DB made by createDb()");
  return (await batch(d1, queries)).map((r) => r.results) as never;
}

/** Groups of reads (e.g. one per chunk of an id list) in one round trip, each group's rows together. */
export async function readGroups<const G extends readonly (readonly Compilable<unknown>[])[]>(
  db: DB,
  groups: G,
): Promise<{ [K in keyof G]: GroupRows<G[K]> }> {
  const d1 = bindings.get(db);
  if (!d1) throw new Error("readGroups needs a DB made by createDb()");
  return (await batchGroups(d1, groups)).map((results) => results.flatMap((r) => r.results)) as never;
}

/** A compiled Kysely query as a D1 statement, for use in `DB.batch([...])`. */
export function toStatement(d1: D1Database, query: Compilable): D1PreparedStatement {
  const compiled = query.compile();
  return d1.prepare(compiled.sql).bind(...(compiled.parameters as unknown[]));
}

/**
 * Runs several writes atomically. D1 has no interactive transactions, so every
 * multi-statement write goes through here.
 */
export async function batch(d1: D1Database, queries: readonly Compilable<unknown>[]): Promise<D1Result[]> {
  if (queries.length === 0) return [];
  return d1.batch(queries.map((q) => toStatement(d1, q)));
}

/** Groups of statements in one batch, answered group by group (each group's results in order). */
export async function batchGroups(d1: D1Database, groups: readonly (readonly Compilable<unknown>[])[]): Promise<D1Result[][]> {
  const results = await batch(d1, groups.flat());
  let at = 0;
  return groups.map((g) => {
    const group = results.slice(at, at + g.length);
    at += g.length;
    return group;
  });
}

/** Splits values for `IN (...)` lists and multi-row inserts: D1 allows 100 bound parameters a statement. */
export function chunks<T>(items: readonly T[], size = 90): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Page `page` of rows already read in list order from the first (at least page × perPage + 1
 * of them, to know whether there is a next page): for lists merged from several index walks.
 */
export function slicePage<R>(rows: R[], page: number, perPage: number): { rows: R[]; hasMore: boolean } {
  const start = (page - 1) * perPage;
  return { rows: rows.slice(start, start + perPage), hasMore: rows.length > start + perPage };
}

/** One page of a list query (LIMIT/OFFSET, for small lists), reading one row more to know if there is a next page. */
export async function fetchPage<R>(
  query: { limit(n: number): { offset(n: number): { execute(): Promise<R[]> } } },
  page: number,
  perPage: number,
): Promise<{ rows: R[]; hasMore: boolean }> {
  const rows = await query
    .limit(perPage + 1)
    .offset((page - 1) * perPage)
    .execute();
  return { rows: rows.slice(0, perPage), hasMore: rows.length > perPage };
}
