-- Data rights in the delivery log (issue 7): emails to the public (signers, petitioners: rows
-- with no person_id) lose their address and text when the person erases their details, and a
-- set time after they were created. Account holders' mail (sign-in, alerts) is not touched.

-- When the address and text were removed (the subject and dates stay, as the delivery log).
ALTER TABLE outbox ADD COLUMN redacted_at TEXT;
-- An erasure finds the emails to one address without reading the whole outbox ...
CREATE INDEX outbox_public_to ON outbox(to_email) WHERE person_id IS NULL;
-- ... and the retention job walks only the public emails not yet redacted, oldest first.
CREATE INDEX outbox_public_unredacted ON outbox(created_at) WHERE person_id IS NULL AND redacted_at IS NULL;
