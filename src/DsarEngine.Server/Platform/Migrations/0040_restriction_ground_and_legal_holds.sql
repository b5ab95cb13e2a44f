-- GDPR Art. 18(1): the ground of a restriction, as the subject gave it at intake (accuracy-contested,
-- unlawful-processing, needed-for-legal-claims, objection-pending); null when not given. Sent to the connectors.
ALTER TABLE requests ADD COLUMN restriction_ground text
    CONSTRAINT requests_restriction_ground CHECK (restriction_ground IN
        ('accuracy-contested', 'unlawful-processing', 'needed-for-legal-claims', 'objection-pending'));

-- The organisation's legal holds (GDPR Art. 17(3)(b) and (e)): a category of data that must be kept, on which basis,
-- until when (null: until the hold is ended), in which systems (empty: every system). Every erase command carries the
-- holds in force for its system, and what a connector reports kept is checked against them (docs/connectors.md).
CREATE TABLE legal_holds (
    id           uuid PRIMARY KEY,
    tenant_id    uuid NOT NULL REFERENCES tenants (id),
    category     text NOT NULL CONSTRAINT legal_holds_category CHECK (length(category) BETWEEN 1 AND 100),
    legal_basis  text NOT NULL CONSTRAINT legal_holds_basis CHECK (length(legal_basis) BETWEEN 1 AND 500),
    until        date,
    systems      text[] NOT NULL DEFAULT '{}',
    created_at   timestamptz NOT NULL,
    created_by   text NOT NULL,
    ended_at     timestamptz,
    ended_by     text
);
CREATE INDEX legal_holds_tenant ON legal_holds (tenant_id, ended_at);
