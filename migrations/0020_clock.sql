-- Consultations, obligations and alerts: what the scheduled handler and the area clock need
-- to read only what is due, and tallies kept by triggers rather than counted by scanning.

-- An obligation becomes overdue once: the scheduled handler stamps overdue_at (and audits it),
-- reading only open obligations that have passed their due date and are not yet stamped.
ALTER TABLE obligations ADD COLUMN overdue_at TEXT;
CREATE INDEX obligations_becoming_overdue ON obligations(due_at) WHERE state = 'open' AND overdue_at IS NULL;

-- Obligations answered on time and late, per organisation and side ('owed_by': it answered;
-- 'owed_to': it was answered), for the area clock's "answered late" figures.
CREATE TABLE obligation_tallies (
  organisation_id INTEGER NOT NULL REFERENCES organisations(id),
  side TEXT NOT NULL CHECK (side IN ('owed_by','owed_to')),
  met_on_time INTEGER NOT NULL DEFAULT 0,
  met_late INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (organisation_id, side)
);

CREATE TRIGGER obligations_tally_met AFTER UPDATE OF state ON obligations
WHEN OLD.state <> 'met' AND NEW.state = 'met'
BEGIN
  INSERT INTO obligation_tallies (organisation_id, side, met_on_time, met_late)
    VALUES (NEW.owed_by_organisation_id, 'owed_by', NEW.met_late IS NOT 1, NEW.met_late IS 1)
    ON CONFLICT (organisation_id, side) DO UPDATE SET
      met_on_time = met_on_time + excluded.met_on_time, met_late = met_late + excluded.met_late;
  INSERT INTO obligation_tallies (organisation_id, side, met_on_time, met_late)
    SELECT NEW.owed_to_organisation_id, 'owed_to', NEW.met_late IS NOT 1, NEW.met_late IS 1
    WHERE NEW.owed_to_organisation_id IS NOT NULL
    ON CONFLICT (organisation_id, side) DO UPDATE SET
      met_on_time = met_on_time + excluded.met_on_time, met_late = met_late + excluded.met_late;
END;

CREATE TRIGGER obligations_tally_insert_met AFTER INSERT ON obligations
WHEN NEW.state = 'met'
BEGIN
  INSERT INTO obligation_tallies (organisation_id, side, met_on_time, met_late)
    VALUES (NEW.owed_by_organisation_id, 'owed_by', NEW.met_late IS NOT 1, NEW.met_late IS 1)
    ON CONFLICT (organisation_id, side) DO UPDATE SET
      met_on_time = met_on_time + excluded.met_on_time, met_late = met_late + excluded.met_late;
  INSERT INTO obligation_tallies (organisation_id, side, met_on_time, met_late)
    SELECT NEW.owed_to_organisation_id, 'owed_to', NEW.met_late IS NOT 1, NEW.met_late IS 1
    WHERE NEW.owed_to_organisation_id IS NOT NULL
    ON CONFLICT (organisation_id, side) DO UPDATE SET
      met_on_time = met_on_time + excluded.met_on_time, met_late = met_late + excluded.met_late;
END;

-- Alerts held for a person's daily digest (digest = 1, not yet sent): the digest job reads only these.
CREATE INDEX outbox_held ON outbox(person_id, id) WHERE digest = 1 AND sent_at IS NULL;

-- A person's and an organisation's live calendar feed addresses, for the clock page.
CREATE INDEX feed_tokens_person ON feed_tokens(person_id) WHERE revoked_at IS NULL;
CREATE INDEX feed_tokens_organisation ON feed_tokens(organisation_id) WHERE revoked_at IS NULL;

-- The clock reads an organisation's (or area's) consultations by state and closing date:
-- those still open, and those closed with no outcome yet, without reading the rest.
CREATE INDEX consultations_organisation_state ON consultations(organisation_id, state, closes_at);
CREATE INDEX consultations_area_state ON consultations(area_id, state, closes_at);
