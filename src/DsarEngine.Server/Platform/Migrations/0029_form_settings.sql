-- What the organisation's public request form offers (issue 13, Settings → Request form; issue 14's form reads it): the
-- rights it lists, the identities it asks for beyond the always-required e-mail address, and the languages it offers.
-- The origins allowed to post it stay in tenants.allowed_origins, which CORS and intake already read.
-- No row: the form offers every right and language and asks for the e-mail address only (FormSettings.Default).
CREATE TABLE form_settings (
    tenant_id uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    rights text[] NOT NULL,
    identities jsonb NOT NULL,
    languages text[] NOT NULL,
    updated_at timestamptz NOT NULL
);
