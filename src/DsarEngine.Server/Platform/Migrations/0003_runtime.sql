-- The workflow runtime: instances, timers, outbox, inbox, identity challenges, and the connector registry.

CREATE TABLE workflow_instances (
    request_id         uuid PRIMARY KEY REFERENCES requests (id),
    tenant_id          uuid NOT NULL REFERENCES tenants (id),
    definition_id      text NOT NULL,
    definition_version integer NOT NULL,
    step_index         integer NOT NULL,
    status             text NOT NULL,
    waiting_for        text,
    state              jsonb NOT NULL,
    attempts           integer NOT NULL DEFAULT 0,
    last_error         text,
    version            integer NOT NULL DEFAULT 1,
    updated_at         timestamptz NOT NULL
);
CREATE INDEX workflow_instances_tenant_status ON workflow_instances (tenant_id, status);

-- Timers are rows written with the state that needs them, so none can be lost; every engine polls them.
CREATE TABLE timers (
    id         uuid PRIMARY KEY,
    tenant_id  uuid NOT NULL REFERENCES tenants (id),
    request_id uuid NOT NULL REFERENCES requests (id),
    kind       text NOT NULL,
    step_id    text,
    due_at     timestamptz NOT NULL,
    fired_at   timestamptz,
    created_at timestamptz NOT NULL
);
CREATE INDEX timers_due ON timers (due_at) WHERE fired_at IS NULL;
CREATE INDEX timers_request ON timers (request_id) WHERE fired_at IS NULL;

-- Messages to put on the bus, written in the signal's transaction; the relay publishes them with these ids.
CREATE TABLE outbox (
    id           uuid PRIMARY KEY,
    tenant_id    uuid NOT NULL REFERENCES tenants (id),
    request_id   uuid REFERENCES requests (id),
    destination  text,              -- a queue name for commands; null to publish an event
    message_type text NOT NULL,
    body         jsonb NOT NULL,
    created_at   timestamptz NOT NULL,
    sent_at      timestamptz,
    attempts     integer NOT NULL DEFAULT 0,
    last_error   text
);
CREATE INDEX outbox_unsent ON outbox (created_at) WHERE sent_at IS NULL;

-- Messages already handled, per consumer: a redelivered or duplicated message changes nothing.
CREATE TABLE inbox (
    consumer     text NOT NULL,
    message_id   uuid NOT NULL,
    tenant_id    uuid NOT NULL REFERENCES tenants (id),
    processed_at timestamptz NOT NULL,
    PRIMARY KEY (consumer, message_id)
);

-- E-mail identity proof: a one-time link and code, stored as hashes, expiring, single use, attempt-limited.
CREATE TABLE identity_challenges (
    id           uuid PRIMARY KEY,
    tenant_id    uuid NOT NULL REFERENCES tenants (id),
    request_id   uuid NOT NULL REFERENCES requests (id),
    token_hash   bytea NOT NULL,
    code_hash    bytea NOT NULL,
    expires_at   timestamptz NOT NULL,
    attempts     integer NOT NULL DEFAULT 0,
    used_at      timestamptz,
    created_at   timestamptz NOT NULL
);
CREATE INDEX identity_challenges_request ON identity_challenges (request_id);

-- The connector registry (the connectors issue extends it): which systems hold data and what they can do.
CREATE TABLE connectors (
    tenant_id     uuid NOT NULL REFERENCES tenants (id),
    name          text NOT NULL CHECK (name ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    actions       text[] NOT NULL,
    timeout_hours integer NOT NULL DEFAULT 168 CHECK (timeout_hours BETWEEN 1 AND 8760),
    enabled       boolean NOT NULL DEFAULT true,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, name)
);
