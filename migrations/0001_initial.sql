-- The whole data model: areas and organisations, people and access, petitions,
-- consultations, obligations, watches, the email outbox and the audit log.
-- Instants are ISO 8601 UTC text ("2026-11-23T09:30:00.000Z"), which sorts correctly;
-- calendar dates are "YYYY-MM-DD". Booleans are 0/1 integers.

-- An area is a local authority footprint. Its columns are the defaults that
-- organisations in it inherit unless they set their own.
CREATE TABLE areas (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  response_threshold INTEGER NOT NULL DEFAULT 100,
  scrutiny_threshold INTEGER NOT NULL DEFAULT 1000,
  response_working_days INTEGER NOT NULL DEFAULT 20,
  petition_duration_days INTEGER NOT NULL DEFAULT 90,
  information_request_working_days INTEGER NOT NULL DEFAULT 20,
  report_working_days INTEGER NOT NULL DEFAULT 20,
  referral_working_days INTEGER NOT NULL DEFAULT 20,
  outcome_overdue_weeks INTEGER NOT NULL DEFAULT 12,
  created_at TEXT NOT NULL
);

-- Kinds follow the names of the time and their successors (LINk -> HealthWatch,
-- PCT -> CCG); predecessor_id links a successor to the body it replaced.
CREATE TABLE organisations (
  id INTEGER PRIMARY KEY,
  area_id INTEGER NOT NULL REFERENCES areas(id),
  slug TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('pct','ccg','trust','foundation_trust','local_authority','osc','link','healthwatch','health_and_wellbeing_board','other')),
  email TEXT,
  predecessor_id INTEGER REFERENCES organisations(id),
  -- NULL means "use the area's default".
  response_threshold INTEGER,
  scrutiny_threshold INTEGER,
  response_working_days INTEGER,
  petition_duration_days INTEGER,
  created_at TEXT NOT NULL,
  UNIQUE (area_id, slug)
);
CREATE INDEX organisations_area ON organisations(area_id, name);

CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE, -- lower-cased
  name TEXT NOT NULL,
  -- Days before a deadline at which alerts go out, as a JSON array of integers.
  lead_times TEXT NOT NULL DEFAULT '[14,7,2,1,0]',
  daily_digest INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);

CREATE TABLE memberships (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id),
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  role TEXT NOT NULL CHECK (role IN ('link_member','osc_clerk','responder','admin')),
  created_at TEXT NOT NULL,
  UNIQUE (person_id, organisation_id, role)
);
CREATE INDEX memberships_organisation ON memberships(organisation_id, role);

-- One-time sign-in links. Only a SHA-256 hash of the token is stored.
CREATE TABLE sign_in_tokens (
  token_hash TEXT PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX sign_in_tokens_person ON sign_in_tokens(person_id, created_at);

CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_person ON sessions(person_id);

-- Short codes shown on the web that the extension exchanges for an API token.
CREATE TABLE pairing_codes (
  code_hash TEXT PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);

CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  person_id INTEGER NOT NULL REFERENCES people(id),
  label TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_used_at TEXT,
  revoked_at TEXT
);
CREATE INDEX api_tokens_person ON api_tokens(person_id, created_at);

-- Tokenised calendar (iCalendar) feed addresses, per person or per organisation.
CREATE TABLE feed_tokens (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  person_id INTEGER REFERENCES people(id),
  organisation_id INTEGER REFERENCES organisations(id),
  created_by INTEGER NOT NULL REFERENCES people(id),
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  CHECK (person_id IS NOT NULL OR organisation_id IS NOT NULL)
);

-- A petition's own lifecycle (state) sits beside two separate machines: the
-- response it may be owed (response_state) and its referral to scrutiny
-- (scrutiny_state), as in the UK Parliament petitions service.
CREATE TABLE petitions (
  id INTEGER PRIMARY KEY,
  area_id INTEGER NOT NULL REFERENCES areas(id),
  organisation_id INTEGER NOT NULL REFERENCES organisations(id), -- addressed to
  title TEXT NOT NULL,
  action TEXT NOT NULL,
  background TEXT NOT NULL,
  petitioner_name TEXT,
  petitioner_email TEXT,
  petitioner_confirm_hash TEXT UNIQUE,
  petitioner_confirmed_at TEXT,
  state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft','pending','open','closed','rejected','hidden')),
  rejection_code TEXT,
  rejection_details TEXT,
  moderated_by INTEGER REFERENCES people(id),
  moderated_at TEXT,
  opened_at TEXT,
  closes_at TEXT,
  closed_at TEXT,
  -- Kept by a trigger on signatures; never counted by scanning.
  signature_count INTEGER NOT NULL DEFAULT 0,
  -- Thresholds and period copied from the organisation when the petition opens,
  -- so later changes to settings do not rewrite history.
  response_threshold INTEGER,
  scrutiny_threshold INTEGER,
  response_working_days INTEGER,
  response_threshold_reached_at TEXT,
  scrutiny_threshold_reached_at TEXT,
  response_state TEXT NOT NULL DEFAULT 'not_due' CHECK (response_state IN ('not_due','owed','responded')),
  response_due_at TEXT,
  response_text TEXT,
  response_draft TEXT,
  responded_at TEXT,
  responded_by INTEGER REFERENCES people(id),
  scrutiny_state TEXT NOT NULL DEFAULT 'none' CHECK (scrutiny_state IN ('none','referred','considered')),
  referred_at TEXT,
  referral_reason TEXT CHECK (referral_reason IN ('threshold','dissatisfied','clerk')),
  osc_meeting_date TEXT,
  osc_decision TEXT,
  osc_outcome TEXT,
  osc_considered_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX petitions_area_state ON petitions(area_id, state, created_at);
CREATE INDEX petitions_organisation_response ON petitions(organisation_id, response_state, response_due_at);
CREATE INDEX petitions_closing ON petitions(state, closes_at);

CREATE TABLE signatures (
  id INTEGER PRIMARY KEY,
  petition_id INTEGER NOT NULL REFERENCES petitions(id),
  name TEXT,
  email TEXT,
  -- Lower-cased, dots and +tags removed for common providers: one signature per person.
  email_canonical TEXT,
  postcode TEXT,
  postcode_district TEXT,
  contact_consent INTEGER NOT NULL DEFAULT 0,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','confirmed','invalidated')),
  confirm_hash TEXT UNIQUE,
  ip_hash TEXT,
  created_at TEXT NOT NULL,
  confirmed_at TEXT,
  erased_at TEXT,
  UNIQUE (petition_id, email_canonical)
);
CREATE INDEX signatures_petition_state ON signatures(petition_id, state, id);

-- Confirmed signatures per postcode district, for the public page (aggregates only).
CREATE TABLE petition_districts (
  petition_id INTEGER NOT NULL REFERENCES petitions(id),
  district TEXT NOT NULL,
  signature_count INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (petition_id, district)
);

-- Counters follow the signature's state, whichever code path changes it.
CREATE TRIGGER signatures_count_confirm AFTER UPDATE OF state ON signatures
WHEN OLD.state <> 'confirmed' AND NEW.state = 'confirmed'
BEGIN
  UPDATE petitions SET signature_count = signature_count + 1 WHERE id = NEW.petition_id;
  INSERT INTO petition_districts (petition_id, district, signature_count)
    VALUES (NEW.petition_id, COALESCE(NEW.postcode_district, 'Unknown'), 1)
    ON CONFLICT (petition_id, district) DO UPDATE SET signature_count = signature_count + 1;
END;
CREATE TRIGGER signatures_count_unconfirm AFTER UPDATE OF state ON signatures
WHEN OLD.state = 'confirmed' AND NEW.state <> 'confirmed'
BEGIN
  UPDATE petitions SET signature_count = signature_count - 1 WHERE id = NEW.petition_id;
  UPDATE petition_districts SET signature_count = signature_count - 1
    WHERE petition_id = NEW.petition_id AND district = COALESCE(OLD.postcode_district, 'Unknown');
END;
CREATE TRIGGER signatures_count_insert_confirmed AFTER INSERT ON signatures
WHEN NEW.state = 'confirmed'
BEGIN
  UPDATE petitions SET signature_count = signature_count + 1 WHERE id = NEW.petition_id;
  INSERT INTO petition_districts (petition_id, district, signature_count)
    VALUES (NEW.petition_id, COALESCE(NEW.postcode_district, 'Unknown'), 1)
    ON CONFLICT (petition_id, district) DO UPDATE SET signature_count = signature_count + 1;
END;

-- Consultations: status (upcoming, open, closing soon, closed) is computed from the
-- dates when read; state only records what people did (withdrew it, published the outcome).
CREATE TABLE consultations (
  id INTEGER PRIMARY KEY,
  area_id INTEGER NOT NULL REFERENCES areas(id),
  organisation_id INTEGER NOT NULL REFERENCES organisations(id), -- who runs it
  title TEXT NOT NULL,
  url TEXT,
  canonical_url TEXT,
  summary TEXT NOT NULL DEFAULT '',
  opens_at TEXT,
  closes_at TEXT,
  stage TEXT CHECK (stage IN ('assessing_needs','deciding_priorities','designing_services','reviewing_provision','managing_performance','evaluating_services','procurement')),
  method TEXT CHECK (method IN ('formal_consultation','public_meeting','survey','focus_group','patient_panel','citizens_jury','deliberative_event','research_study','rapid_appraisal','other')),
  state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active','withdrawn','outcome_published')),
  -- "You said, we did": what people said, what was decided, what changed.
  outcome_said TEXT,
  outcome_decided TEXT,
  outcome_changed TEXT,
  outcome_published_at TEXT,
  outcome_published_by INTEGER REFERENCES people(id),
  link_responded_at TEXT,
  created_by INTEGER REFERENCES people(id),
  created_by_organisation_id INTEGER REFERENCES organisations(id),
  -- Client-made id of the save (e.g. from the extension) so retries never duplicate.
  client_id TEXT UNIQUE,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (area_id, canonical_url)
);
CREATE INDEX consultations_area_closes ON consultations(area_id, closes_at);
CREATE INDEX consultations_organisation_closes ON consultations(organisation_id, closes_at);
CREATE INDEX consultations_awaiting_outcome ON consultations(state, closes_at);

-- The clock: who owes what to whom by when.
CREATE TABLE obligations (
  id INTEGER PRIMARY KEY,
  area_id INTEGER NOT NULL REFERENCES areas(id),
  kind TEXT NOT NULL CHECK (kind IN ('information_request','report','osc_referral','petition_response','osc_consultation_response')),
  owed_by_organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  owed_to_organisation_id INTEGER REFERENCES organisations(id),
  title TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  petition_id INTEGER REFERENCES petitions(id),
  consultation_id INTEGER REFERENCES consultations(id),
  raised_by INTEGER REFERENCES people(id),
  received_at TEXT NOT NULL,
  due_at TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open','met','withdrawn')),
  met_at TEXT,
  met_late INTEGER,
  withdrawn_at TEXT,
  client_id TEXT UNIQUE,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX obligations_one_petition_response ON obligations(petition_id) WHERE kind = 'petition_response';
CREATE INDEX obligations_owed_by ON obligations(owed_by_organisation_id, state, due_at);
CREATE INDEX obligations_owed_to ON obligations(owed_to_organisation_id, state, due_at);
CREATE INDEX obligations_area ON obligations(area_id, state, due_at);

-- The thread of an obligation: the request, replies and notes, with links.
CREATE TABLE obligation_messages (
  id INTEGER PRIMARY KEY,
  obligation_id INTEGER NOT NULL REFERENCES obligations(id),
  author_id INTEGER REFERENCES people(id),
  author_organisation_id INTEGER REFERENCES organisations(id),
  kind TEXT NOT NULL CHECK (kind IN ('request','reply','note')),
  body TEXT NOT NULL,
  links TEXT NOT NULL DEFAULT '[]', -- JSON array of {title, url}
  created_at TEXT NOT NULL
);
CREATE INDEX obligation_messages_thread ON obligation_messages(obligation_id, created_at);

-- A person (optionally on behalf of an organisation) watching something with a deadline.
-- next_alert_at is the next instant an alert is due, so the scheduled handler reads
-- only watches that are due, not every watch stored.
CREATE TABLE watches (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id),
  organisation_id INTEGER REFERENCES organisations(id),
  target_kind TEXT NOT NULL CHECK (target_kind IN ('consultation','petition','obligation')),
  target_id INTEGER NOT NULL,
  next_alert_at TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (person_id, target_kind, target_id)
);
CREATE INDEX watches_due ON watches(next_alert_at) WHERE next_alert_at IS NOT NULL;
CREATE INDEX watches_target ON watches(target_kind, target_id);

-- Every email goes through here. dedupe_key makes "send this alert once" a
-- database constraint rather than a hope.
CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  to_email TEXT NOT NULL,
  person_id INTEGER REFERENCES people(id),
  subject TEXT NOT NULL,
  body_text TEXT NOT NULL,
  category TEXT NOT NULL,
  dedupe_key TEXT UNIQUE,
  digest INTEGER NOT NULL DEFAULT 0, -- 1: held for the person's daily digest
  created_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  last_error TEXT,
  sent_at TEXT,
  failed_at TEXT
);
CREATE INDEX outbox_due ON outbox(next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX outbox_recent ON outbox(created_at);
CREATE INDEX outbox_failed ON outbox(failed_at) WHERE failed_at IS NOT NULL;

-- Fixed-window counters for rate limits; keys hold hashes, never raw IPs or emails.
CREATE TABLE rate_limits (
  key TEXT PRIMARY KEY,
  window_started_at TEXT NOT NULL,
  hits INTEGER NOT NULL
);

-- Append-only history of every change of state.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor_id INTEGER REFERENCES people(id),
  actor_label TEXT NOT NULL, -- a person's name, or 'public', 'petitioner', 'system'
  area_id INTEGER REFERENCES areas(id),
  entity TEXT NOT NULL,
  entity_id INTEGER,
  action TEXT NOT NULL,
  from_state TEXT,
  to_state TEXT,
  details TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_entity ON audit_log(entity, entity_id, id);
CREATE INDEX audit_area ON audit_log(area_id, id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
