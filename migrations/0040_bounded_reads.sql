-- Bounded reads (issue 6): every list reads about as many rows as it returns, at any size.
-- Indexes in the exact order each list is shown (so SQLite stops after LIMIT rows instead of
-- sorting everything in scope), and a denormalised "live until" on watches so /me/alerts
-- reads only watches that still have a deadline to show.

-- The public petition list, newest first, per area and overall (only public states are listed).
CREATE INDEX petitions_public_newest_area ON petitions(area_id, COALESCE(opened_at, moderated_at, created_at) DESC, id DESC)
  WHERE state IN ('open', 'closed', 'rejected');
-- (Across all areas the query names the state as +p.state, so that SQLite walks these in order
-- rather than the state index: few petitions are drafts, pending or removed.)
CREATE INDEX petitions_newest ON petitions(COALESCE(opened_at, moderated_at, created_at) DESC, id DESC);
-- ... and the most signed first.
CREATE INDEX petitions_public_signatures_area ON petitions(area_id, signature_count DESC, id DESC)
  WHERE state IN ('open', 'closed', 'rejected');
CREATE INDEX petitions_signatures ON petitions(signature_count DESC, id DESC);

-- The clerks' dashboard, most urgent first (see urgencyOrder() in worker/petitions/queries.ts:
-- the expressions must stay identical for SQLite to use these indexes).
CREATE INDEX petitions_urgency_area ON petitions(
  area_id,
  (CASE
    WHEN state IN ('open', 'closed') AND response_state = 'owed' THEN 1
    WHEN state IN ('open', 'closed') AND scrutiny_state = 'referred' THEN 2
    WHEN state = 'pending' THEN 3
    WHEN state = 'open' THEN 4
    WHEN state = 'draft' THEN 6
    ELSE 5 END),
  (CASE
    WHEN state IN ('open', 'closed') AND response_state = 'owed' THEN response_due_at
    WHEN state IN ('open', 'closed') AND scrutiny_state = 'referred' THEN referred_at
    WHEN state = 'pending' THEN petitioner_confirmed_at
    WHEN state = 'open' THEN closes_at
    ELSE NULL END),
  updated_at DESC,
  id
);

-- A responder's inbox: open petitions not yet owing a response, the most signed first.
CREATE INDEX petitions_organisation_open_signatures ON petitions(organisation_id, signature_count DESC, id)
  WHERE state = 'open' AND response_state = 'not_due';
CREATE INDEX petitions_area_open_signatures ON petitions(area_id, signature_count DESC, id)
  WHERE state = 'open' AND response_state = 'not_due';

-- An area's petition responses owed, the soonest due first (the committee's calendar feed).
CREATE INDEX petitions_area_owed ON petitions(area_id, response_due_at) WHERE response_state = 'owed';

-- Consultation lists, the most recently changed first.
CREATE INDEX consultations_area_updated ON consultations(area_id, updated_at DESC, id DESC);
CREATE INDEX consultations_updated ON consultations(updated_at DESC, id DESC);
CREATE INDEX consultations_area_opens ON consultations(area_id, state, opens_at);
CREATE INDEX consultations_area_published ON consultations(area_id, state, outcome_published_at DESC, id DESC);
CREATE INDEX consultations_area_state_updated ON consultations(area_id, state, updated_at DESC, id DESC);

-- Obligation lists, newest first or most recently answered first, for each side of an obligation
-- (listObligations() reads each side in order and merges the pages).
CREATE INDEX obligations_owed_by_created ON obligations(owed_by_organisation_id, created_at DESC, id DESC);
CREATE INDEX obligations_owed_to_created ON obligations(owed_to_organisation_id, created_at DESC, id DESC);
CREATE INDEX obligations_area_created ON obligations(area_id, created_at DESC, id DESC);
CREATE INDEX obligations_owed_by_met ON obligations(owed_by_organisation_id, state, met_at DESC, id DESC);
CREATE INDEX obligations_owed_to_met ON obligations(owed_to_organisation_id, state, met_at DESC, id DESC);
CREATE INDEX obligations_area_met ON obligations(area_id, state, met_at DESC, id DESC);

-- Watches: the latest live deadline of what is watched (NULL: none left), kept by triggers on
-- every change of the target, so /me/alerts reads only watches with something still to show.
ALTER TABLE watches ADD COLUMN live_until TEXT;
CREATE INDEX watches_person_live ON watches(person_id, target_kind, live_until);

UPDATE watches SET live_until = (SELECT CASE WHEN c.state = 'active' THEN c.closes_at END FROM consultations c WHERE c.id = watches.target_id)
  WHERE target_kind = 'consultation';
UPDATE watches SET live_until = (SELECT CASE WHEN o.state = 'open' THEN o.due_at END FROM obligations o WHERE o.id = watches.target_id)
  WHERE target_kind = 'obligation';
UPDATE watches SET live_until = (
    SELECT CASE
      WHEN p.response_state = 'owed' AND p.state <> 'hidden' AND p.response_due_at IS NOT NULL
        AND (p.state <> 'open' OR p.closes_at IS NULL OR p.response_due_at >= p.closes_at) THEN p.response_due_at
      WHEN p.state = 'open' THEN p.closes_at
      WHEN p.response_state = 'owed' AND p.state <> 'hidden' THEN p.response_due_at
    END FROM petitions p WHERE p.id = watches.target_id)
  WHERE target_kind = 'petition';

CREATE TRIGGER watches_live_insert AFTER INSERT ON watches
BEGIN
  UPDATE watches SET live_until = CASE NEW.target_kind
    WHEN 'consultation' THEN (SELECT CASE WHEN c.state = 'active' THEN c.closes_at END FROM consultations c WHERE c.id = NEW.target_id)
    WHEN 'obligation' THEN (SELECT CASE WHEN o.state = 'open' THEN o.due_at END FROM obligations o WHERE o.id = NEW.target_id)
    WHEN 'petition' THEN (SELECT CASE
      WHEN p.response_state = 'owed' AND p.state <> 'hidden' AND p.response_due_at IS NOT NULL
        AND (p.state <> 'open' OR p.closes_at IS NULL OR p.response_due_at >= p.closes_at) THEN p.response_due_at
      WHEN p.state = 'open' THEN p.closes_at
      WHEN p.response_state = 'owed' AND p.state <> 'hidden' THEN p.response_due_at
    END FROM petitions p WHERE p.id = NEW.target_id)
  END
  WHERE id = NEW.id;
END;

CREATE TRIGGER watches_live_consultation AFTER UPDATE OF state, closes_at ON consultations
BEGIN
  UPDATE watches SET live_until = CASE WHEN NEW.state = 'active' THEN NEW.closes_at END
  WHERE target_kind = 'consultation' AND target_id = NEW.id;
END;

CREATE TRIGGER watches_live_obligation AFTER UPDATE OF state, due_at ON obligations
BEGIN
  UPDATE watches SET live_until = CASE WHEN NEW.state = 'open' THEN NEW.due_at END
  WHERE target_kind = 'obligation' AND target_id = NEW.id;
END;

CREATE TRIGGER watches_live_petition AFTER UPDATE OF state, closes_at, response_state, response_due_at ON petitions
BEGIN
  UPDATE watches SET live_until = CASE
      WHEN NEW.response_state = 'owed' AND NEW.state <> 'hidden' AND NEW.response_due_at IS NOT NULL
        AND (NEW.state <> 'open' OR NEW.closes_at IS NULL OR NEW.response_due_at >= NEW.closes_at) THEN NEW.response_due_at
      WHEN NEW.state = 'open' THEN NEW.closes_at
      WHEN NEW.response_state = 'owed' AND NEW.state <> 'hidden' THEN NEW.response_due_at
    END
  WHERE target_kind = 'petition' AND target_id = NEW.id;
END;

-- Areas and organisations by name (every filter menu, the areas list): walked in order, so each
-- row is read once rather than again by a sort.
CREATE INDEX areas_name ON areas(name);
CREATE INDEX organisations_name ON organisations(name);
