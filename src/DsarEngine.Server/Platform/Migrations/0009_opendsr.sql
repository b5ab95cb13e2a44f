-- OpenDSR in both directions. As a processor: which controller's subject_request_id became which request, where to
-- call back, and the callbacks themselves (durable, retried). As a controller: which task an outbound request serves.
CREATE TABLE opendsr_requests (
    controller_id      text NOT NULL,
    subject_request_id uuid NOT NULL,
    tenant_id          uuid NOT NULL REFERENCES tenants (id),
    request_id         uuid NOT NULL REFERENCES requests (id),
    callback_urls      text[] NOT NULL DEFAULT '{}',
    last_status        text NOT NULL DEFAULT 'pending',
    received_at        timestamptz NOT NULL,
    cancelled_at       timestamptz,
    PRIMARY KEY (controller_id, subject_request_id)
);
CREATE INDEX opendsr_requests_open ON opendsr_requests (received_at) WHERE last_status NOT IN ('completed', 'cancelled');

CREATE TABLE opendsr_callbacks (
    id              uuid PRIMARY KEY,
    tenant_id       uuid NOT NULL REFERENCES tenants (id),
    url             text NOT NULL,
    body            text NOT NULL,
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    delivered_at    timestamptz,
    last_error      text,
    created_at      timestamptz NOT NULL
);
CREATE INDEX opendsr_callbacks_due ON opendsr_callbacks (next_attempt_at) WHERE delivered_at IS NULL;

CREATE TABLE opendsr_outbound (
    subject_request_id uuid PRIMARY KEY,
    tenant_id          uuid NOT NULL REFERENCES tenants (id),
    connector          text NOT NULL,
    task               jsonb NOT NULL,
    created_at         timestamptz NOT NULL
);
