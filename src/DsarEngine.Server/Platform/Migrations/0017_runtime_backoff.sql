-- Nothing waits forever, nothing hot-loops, nothing is lost (security review H4, M1, L4).

-- Outbox: a failed send is tried again at next_attempt_at (exponential backoff), and a row that can never be sent
-- (unknown message type, a body that no longer deserialises) or keeps failing is parked as dead (dead_at) for staff
-- to see and requeue. The default (the epoch, not now(): the engine's clock is the application's) makes existing rows,
-- and a row written by any code path that does not set it, due at once.
ALTER TABLE outbox ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT '1970-01-01T00:00:00Z';
ALTER TABLE outbox ADD COLUMN dead_at timestamptz;
DROP INDEX outbox_unsent;
CREATE INDEX outbox_due ON outbox (next_attempt_at, created_at) WHERE sent_at IS NULL AND dead_at IS NULL;
CREATE INDEX outbox_dead ON outbox (tenant_id, dead_at) WHERE dead_at IS NOT NULL;

-- Timers: a timer whose signal keeps failing backs off (due_at moves later, attempts counts) instead of being tried
-- every poll forever; a cancelled timer is told apart from one that fired, so that scheduling it again re-arms it.
ALTER TABLE timers ADD COLUMN attempts integer NOT NULL DEFAULT 0;
ALTER TABLE timers ADD COLUMN last_error text;
ALTER TABLE timers ADD COLUMN cancelled_at timestamptz;
