-- The dashboard's urgency as generated columns, so its order is declared once (urgencyRank and
-- urgencyKey in shared/petitions/rules.ts; tests/unit/petitionRules.test.ts holds these
-- expressions equal to them) and the index holds it. VIRTUAL because ALTER TABLE can only add
-- virtual generated columns (a stored one would mean rebuilding the table); the index stores the
-- values either way, so lists in urgency order read only the rows they show.
ALTER TABLE petitions ADD COLUMN urgency_rank INTEGER GENERATED ALWAYS AS (CASE WHEN (response_state = 'owed' AND state IN ('open', 'closed')) THEN 1 WHEN (scrutiny_state = 'referred' AND state IN ('open', 'closed')) THEN 2 WHEN state = 'pending' THEN 3 WHEN state = 'open' THEN 4 WHEN state = 'draft' THEN 6 ELSE 5 END) VIRTUAL;
ALTER TABLE petitions ADD COLUMN urgency_key TEXT GENERATED ALWAYS AS (CASE WHEN (response_state = 'owed' AND state IN ('open', 'closed')) THEN response_due_at WHEN (scrutiny_state = 'referred' AND state IN ('open', 'closed')) THEN referred_at WHEN state = 'pending' THEN petitioner_confirmed_at WHEN state = 'open' THEN closes_at ELSE NULL END) VIRTUAL;

DROP INDEX petitions_urgency_area;
CREATE INDEX petitions_urgency_area ON petitions(area_id, urgency_rank, urgency_key, updated_at DESC, id);
