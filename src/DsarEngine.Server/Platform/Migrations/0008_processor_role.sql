-- Processor role (GDPR Art. 28): a tenant that processes data for its own customers' workspaces routes a subject's
-- request about a workspace to the customer (the controller) instead of answering it itself.
ALTER TABLE tenants ADD COLUMN role text NOT NULL DEFAULT 'controller' CHECK (role IN ('controller', 'processor'));

CREATE TABLE workspaces (
    processor_tenant_id uuid NOT NULL REFERENCES tenants (id),
    key                 text NOT NULL CHECK (key ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    display_name        text NOT NULL,
    -- The customer as a tenant of this engine, or else the customer's privacy contact.
    customer_tenant_id  uuid REFERENCES tenants (id),
    contact_name        text,
    contact_email       text,
    contact_url         text,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz,
    PRIMARY KEY (processor_tenant_id, key),
    CHECK (customer_tenant_id IS NOT NULL OR contact_email IS NOT NULL OR contact_url IS NOT NULL)
);

-- The processor's proof that it passed each request on without delay, and to whom. No subject data beyond the
-- request id of the routed request (which lives in the customer's tenant).
CREATE TABLE routing_log (
    id                  uuid PRIMARY KEY,
    tenant_id           uuid NOT NULL REFERENCES tenants (id),
    workspace_key       text NOT NULL,
    right_kind          text NOT NULL,
    outcome             text NOT NULL CHECK (outcome IN ('forwarded', 'referred')),
    customer_tenant_id  uuid REFERENCES tenants (id),
    routed_request_id   uuid REFERENCES requests (id),
    routed_at           timestamptz NOT NULL
);
CREATE INDEX routing_log_tenant ON routing_log (tenant_id, routed_at DESC);
