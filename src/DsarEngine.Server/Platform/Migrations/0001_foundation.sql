-- Foundation: organisations, staff API keys, requests and their journal, idempotency, outgoing mail.
-- Every table holding organisation data carries tenant_id; queries always filter on it.

CREATE TABLE tenants (
    id               uuid PRIMARY KEY,
    slug             text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    name             text NOT NULL,
    jurisdiction     text NOT NULL,
    time_zone        text NOT NULL,
    default_language text NOT NULL DEFAULT 'en',
    allowed_origins  text[] NOT NULL DEFAULT '{}',
    created_at       timestamptz NOT NULL
);

CREATE TABLE api_keys (
    id         uuid PRIMARY KEY,
    tenant_id  uuid NOT NULL REFERENCES tenants (id),
    name       text NOT NULL,
    role       text NOT NULL CHECK (role IN ('admin', 'privacy-officer', 'agent', 'auditor')),
    key_hash   bytea NOT NULL,
    created_at timestamptz NOT NULL,
    revoked_at timestamptz
);
CREATE INDEX api_keys_tenant ON api_keys (tenant_id);

CREATE TABLE requests (
    id                uuid PRIMARY KEY,
    tenant_id         uuid NOT NULL REFERENCES tenants (id),
    reference         text NOT NULL UNIQUE,
    status_token_hash bytea NOT NULL,
    right_kind        text NOT NULL,
    purpose           text,
    subject           jsonb NOT NULL,
    details           text,
    channel           text NOT NULL,
    jurisdiction      text NOT NULL,
    regime            text NOT NULL,
    language          text NOT NULL,
    status            text NOT NULL,
    received_at       timestamptz NOT NULL,
    created_at        timestamptz NOT NULL,
    version           integer NOT NULL DEFAULT 1
);
CREATE INDEX requests_tenant_received ON requests (tenant_id, received_at DESC);

CREATE TABLE idempotency_keys (
    tenant_id   uuid NOT NULL REFERENCES tenants (id),
    key         text NOT NULL,
    fingerprint bytea NOT NULL,
    -- Deferred: the key is claimed first, so a concurrent retry waits on it instead of racing.
    request_id  uuid NOT NULL REFERENCES requests (id) DEFERRABLE INITIALLY DEFERRED,
    created_at  timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, key)
);

-- Append-only and hash-chained (see JournalChain): data is `json`, not `jsonb`, to keep the hashed bytes.
CREATE TABLE request_journal (
    tenant_id  uuid NOT NULL REFERENCES tenants (id),
    request_id uuid NOT NULL REFERENCES requests (id),
    seq        integer NOT NULL,
    at         timestamptz NOT NULL,
    actor      text NOT NULL,
    kind       text NOT NULL,
    data       json NOT NULL,
    prev_hash  bytea NOT NULL,
    hash       bytea NOT NULL,
    PRIMARY KEY (request_id, seq)
);

-- Outgoing mail is written in the same transaction as the state that causes it, then sent (or, with no
-- SMTP server configured, kept here as the local mailbox). The model holds no secrets: links are derived
-- when the message is rendered.
CREATE TABLE mail_messages (
    id          uuid PRIMARY KEY,
    tenant_id   uuid NOT NULL REFERENCES tenants (id),
    request_id  uuid REFERENCES requests (id),
    to_address  text NOT NULL,
    template    text NOT NULL,
    language    text NOT NULL,
    model       jsonb NOT NULL,
    created_at  timestamptz NOT NULL,
    sent_at     timestamptz,
    attempts    integer NOT NULL DEFAULT 0,
    last_error  text
);
CREATE INDEX mail_messages_tenant_created ON mail_messages (tenant_id, created_at DESC);
CREATE INDEX mail_messages_unsent ON mail_messages (created_at) WHERE sent_at IS NULL;
