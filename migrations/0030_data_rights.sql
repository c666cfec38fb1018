-- Data rights (issue 7): signers and petitioners can have their personal details erased, and
-- signers' details are erased a set time after a petition closes. A signature stays counted:
-- erasure never changes its state, so the counting triggers never fire for it.

-- Days after a petition closes before its signers' names, emails and postcodes are erased
-- (the postcode district is kept: it is what the public page's aggregates count).
ALTER TABLE areas ADD COLUMN signer_data_retention_days INTEGER NOT NULL DEFAULT 365;

-- Set when the retention job has erased every signer of a closed petition, so it is not read again.
ALTER TABLE petitions ADD COLUMN signers_erased_at TEXT;
CREATE INDEX petitions_retention_due ON petitions(area_id, closed_at) WHERE state = 'closed' AND signers_erased_at IS NULL;

-- The signatures of a petition not yet erased, in id order (the retention job's batches).
CREATE INDEX signatures_unerased ON signatures(petition_id, id) WHERE erased_at IS NULL;
-- Everything one person signed, and started, found by their address when they ask for erasure.
CREATE INDEX signatures_by_email ON signatures(email_canonical) WHERE email_canonical IS NOT NULL;
CREATE INDEX petitions_by_petitioner_email ON petitions(petitioner_email) WHERE petitioner_email IS NOT NULL;

-- A request to erase one address's details, confirmed by the link emailed to that address.
-- Only a hash of the link's token is stored; the row is deleted when used and when it expires.
CREATE TABLE erasure_requests (
  token_hash TEXT PRIMARY KEY,
  email TEXT NOT NULL,           -- lower-cased, as petitions store the petitioner's
  email_canonical TEXT NOT NULL, -- as signatures store it
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX erasure_requests_expiry ON erasure_requests(expires_at);
