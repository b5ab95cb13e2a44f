-- Legal review row 51 (seed 002, AstraCRM: "We will promptly delete any personal information from children that we become
-- aware of"; GDPR Art. 8 and 17(1)(f)). The organisation's own initiative, not a subject's request.
-- child_settings: the age under which the organisation erases a subject's data once it learns of it (no row: 16).
CREATE TABLE child_settings (
    tenant_id  uuid PRIMARY KEY REFERENCES tenants (id),
    age_under  integer NOT NULL CONSTRAINT child_settings_age CHECK (age_under BETWEEN 13 AND 18),
    updated_at timestamptz NOT NULL,
    updated_by text NOT NULL
);

-- child_reports: one row per child reported, keyed by a keyed hash of the subject's identity (HMAC with a per-tenant key
-- derived from the server key: no address is stored here), pointing at the erasure it opened. A second report of the same
-- child finds this row and opens nothing. Who reported it (staff or a registered connector) and the age threshold applied.
CREATE TABLE child_reports (
    tenant_id   uuid NOT NULL REFERENCES tenants (id),
    subject_key bytea NOT NULL,
    request_id  uuid NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
    source      text NOT NULL,
    age_under   integer NOT NULL,
    reported_by text NOT NULL,
    reported_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, subject_key)
);
CREATE INDEX child_reports_request ON child_reports (request_id);
