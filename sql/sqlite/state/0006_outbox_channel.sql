-- The revisorer's per-case reports (CONTRACT section 4) go through the outbox too, so a crash or an outage loses nothing
-- and nothing is delivered twice. channel: 'mail' (every message so far) or 'folder' (the attachment is written, with
-- restrictive permissions, to the folder in destination). encrypt_to: for an S/MIME mail, the paths of the recipients'
-- certificates, one a line; the message is encrypted to them when it is sent. Empty for a plain mail.
ALTER TABLE ejv_outbox ADD COLUMN channel TEXT NOT NULL DEFAULT 'mail';
ALTER TABLE ejv_outbox ADD COLUMN encrypt_to TEXT NULL;
ALTER TABLE ejv_outbox ADD COLUMN destination TEXT NULL;
