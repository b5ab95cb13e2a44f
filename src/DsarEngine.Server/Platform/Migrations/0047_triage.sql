-- Legal review rows 49 and 50 (seed 002, AstraCRM: "We respond to privacy inquiries within 5 business days"; "For urgent
-- privacy matters, mark your email 'URGENT: Privacy'"). Both are the organisation's own promises, not the law's: neither
-- changes a legal date.
-- triage_settings: the organisation's answer target, in its working days counted from receipt (no row: none).
CREATE TABLE triage_settings (
    tenant_id            uuid PRIMARY KEY REFERENCES tenants (id),
    target_business_days integer NOT NULL CONSTRAINT triage_settings_days CHECK (target_business_days BETWEEN 1 AND 60),
    updated_at           timestamptz NOT NULL,
    updated_by           text NOT NULL
);

-- request_urgency: a request staff marked urgent (one row while it is), why, by whom and when. The reason is staff's words
-- about the request ("e-mail marked URGENT: Privacy"), not the subject's data; the journal records the marking.
CREATE TABLE request_urgency (
    request_id uuid PRIMARY KEY REFERENCES requests (id) ON DELETE CASCADE,
    tenant_id  uuid NOT NULL REFERENCES tenants (id),
    reason     text NOT NULL,
    marked_by  text NOT NULL,
    marked_at  timestamptz NOT NULL
);
CREATE INDEX request_urgency_tenant ON request_urgency (tenant_id);
