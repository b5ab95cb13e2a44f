-- Storage limitation of the engine's own data (GDPR Art. 5(1)(e); issue 15, legal review row 46): how long each
-- organisation keeps what the engine holds about a finished request, in days from the request's close. No row: the
-- defaults (RetentionSettings.Default, docs/operations.md "Retention and purge"). Nothing outlives the request's own
-- personal data, so every period is at most requests_days.
CREATE TABLE retention_settings (
    tenant_id      uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    exports_days   integer NOT NULL CHECK (exports_days BETWEEN 1 AND 3650),
    packs_days     integer NOT NULL CHECK (packs_days BETWEEN 1 AND 3650),
    documents_days integer NOT NULL CHECK (documents_days BETWEEN 1 AND 3650),
    mail_days      integer NOT NULL CHECK (mail_days BETWEEN 1 AND 3650),
    requests_days  integer NOT NULL CHECK (requests_days BETWEEN 30 AND 3650),
    updated_at     timestamptz NOT NULL,
    CHECK (GREATEST(exports_days, packs_days, documents_days, mail_days) <= requests_days)
);

-- When the purge removed the request's personal data (the subject's fields, notes, representative); the reference, the
-- right, the regime, the dates, the status and the journal stay as proof of compliance.
ALTER TABLE requests ADD COLUMN purged_at timestamptz;
