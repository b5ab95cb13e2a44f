-- The legal clock on every request: what was used to compute it, the dates it gave, and the stopped spans.
-- Dates are local to the controller's time zone (the law counts days there); due_at is the instant the
-- effective due day ends, for timers and sorting. Columns are nullable only for rows made before this script.

ALTER TABLE tenants
    ADD COLUMN extension_method text NOT NULL DEFAULT 'from-receipt' CHECK (extension_method IN ('from-receipt', 'from-initial-due')),
    -- Organisation closure days: [{"date":"2025-12-26","name":"Company shutdown"}]
    ADD COLUMN closure_days jsonb NOT NULL DEFAULT '[]';

ALTER TABLE requests
    ADD COLUMN time_zone           text,
    ADD COLUMN received_on         date,
    ADD COLUMN initial_due         date,
    ADD COLUMN extension_notice_by date,
    ADD COLUMN extended_due        date,
    ADD COLUMN acknowledge_by      date,
    ADD COLUMN effective_due       date,
    ADD COLUMN due_at              timestamptz,
    ADD COLUMN extended            boolean NOT NULL DEFAULT false,
    ADD COLUMN extension_method    text NOT NULL DEFAULT 'from-receipt',
    -- [{"start":"2025-03-05","end":"2025-03-10","reason":"identity-proof"}], end null while waiting
    ADD COLUMN stops               jsonb NOT NULL DEFAULT '[]';

CREATE INDEX requests_tenant_due ON requests (tenant_id, due_at);
