-- The people of an organisation who work its inbox (ASP.NET Core Identity over Dapper). A person belongs to one
-- organisation and has one role there; the same e-mail address in two organisations is two accounts. Only the
-- password's hash (Identity's PBKDF2) is stored; the TOTP key is sealed with the data key like every other secret.
CREATE TABLE staff_users (
    id                   uuid PRIMARY KEY,
    tenant_id            uuid NOT NULL REFERENCES tenants (id),
    user_name            text NOT NULL,
    normalized_user_name text NOT NULL UNIQUE,
    email                text NOT NULL,
    normalized_email     text NOT NULL,
    display_name         text NOT NULL,
    role                 text NOT NULL CHECK (role IN ('admin', 'privacy-officer', 'agent', 'auditor')),
    password_hash        text,
    security_stamp       text NOT NULL,
    concurrency_stamp    text NOT NULL,
    email_confirmed      boolean NOT NULL DEFAULT false,
    lockout_enabled      boolean NOT NULL DEFAULT true,
    lockout_end          timestamptz,
    access_failed_count  integer NOT NULL DEFAULT 0,
    two_factor_enabled   boolean NOT NULL DEFAULT false,
    authenticator_key    bytea,
    created_at           timestamptz NOT NULL,
    UNIQUE (tenant_id, normalized_email)
);
