-- Mail delivery with backoff and a dead-letter state (security review H3). A message is due once next_attempt_at has
-- passed; a failure pushes it back (exponential backoff), and after Dsar:Mail:MaxAttempts failures it is dead: kept,
-- shown to admins with its last error, sent again only when an admin requeues it. last_error holds the exception
-- type and SMTP status code, never server text, which can quote the recipient's address.
ALTER TABLE mail_messages ADD COLUMN next_attempt_at timestamptz;
ALTER TABLE mail_messages ADD COLUMN dead_at timestamptz;
UPDATE mail_messages SET next_attempt_at = created_at;
ALTER TABLE mail_messages ALTER COLUMN next_attempt_at SET NOT NULL;
ALTER TABLE mail_messages ADD CONSTRAINT mail_messages_sent_or_dead CHECK (sent_at IS NULL OR dead_at IS NULL);

-- Messages the old tight retry loop gave up on (10 attempts, the former default) are dead, for an admin to requeue:
-- an identity code or a notice sent days late, unasked, would confuse more than help.
UPDATE mail_messages SET dead_at = now() WHERE sent_at IS NULL AND attempts >= 10;
-- Old errors were "<status>: <server message>"; keep the status only.
UPDATE mail_messages SET last_error = split_part(last_error, ':', 1) WHERE last_error IS NOT NULL;

DROP INDEX mail_messages_unsent;
CREATE INDEX mail_messages_due ON mail_messages (next_attempt_at) WHERE sent_at IS NULL AND dead_at IS NULL;
