-- Opening a response pack re-proves control of the subject's e-mail address: a one-time code, derived from the row's
-- id with the server key (only its hash is kept), valid 15 minutes, five attempts.
CREATE TABLE pack_codes (
    id         uuid PRIMARY KEY,
    tenant_id  uuid NOT NULL REFERENCES tenants (id),
    request_id uuid NOT NULL REFERENCES requests (id),
    code_hash  bytea NOT NULL,
    expires_at timestamptz NOT NULL,
    attempts   integer NOT NULL DEFAULT 0,
    used_at    timestamptz,
    created_at timestamptz NOT NULL
);
CREATE INDEX pack_codes_request ON pack_codes (tenant_id, request_id);
