-- Petitions (issue 3): removal for legal reasons, mailings to signers, indexes for the
-- consenting signers, unfinished mailings and an organisation's calendar feeds.

-- A petition removed from view keeps its record: when, by whom and the coded reason.
ALTER TABLE petitions ADD COLUMN hidden_code TEXT;
ALTER TABLE petitions ADD COLUMN hidden_at TEXT;
ALTER TABLE petitions ADD COLUMN hidden_by INTEGER REFERENCES people(id);

-- One email to every consenting signer when a response or a scrutiny outcome is
-- published, written to the outbox 100 signers at a time: after_signature_id is how far
-- it has gone, so the scheduled handler can finish what a request started.
CREATE TABLE petition_mailings (
  id INTEGER PRIMARY KEY,
  petition_id INTEGER NOT NULL REFERENCES petitions(id),
  kind TEXT NOT NULL CHECK (kind IN ('response','outcome')),
  subject TEXT NOT NULL,
  body_text TEXT NOT NULL,
  after_signature_id INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  completed_at TEXT,
  UNIQUE (petition_id, kind)
);
CREATE INDEX petition_mailings_unfinished ON petition_mailings(created_at) WHERE completed_at IS NULL;

-- Confirmed signers who agreed to hear about the outcome, in id order, per petition.
CREATE INDEX signatures_consenting ON signatures(petition_id, id) WHERE state = 'confirmed' AND contact_consent = 1;

CREATE INDEX IF NOT EXISTS feed_tokens_by_organisation ON feed_tokens(organisation_id, created_at);
