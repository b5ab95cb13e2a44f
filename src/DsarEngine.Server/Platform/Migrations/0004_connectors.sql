-- The connector registry grows into a description of each system (issue 5), and exported data gets a store.

ALTER TABLE connectors
    ADD COLUMN kind            text NOT NULL DEFAULT 'bus' CHECK (kind IN ('bus', 'http', 'opendsr', 'manual')),
    ADD COLUMN display_name    text NOT NULL DEFAULT '',
    ADD COLUMN systems         text[] NOT NULL DEFAULT '{}',
    ADD COLUMN data_categories text[] NOT NULL DEFAULT '{}',
    -- [{ "category": "invoices", "legalBasis": "...", "period": "P10Y" }]: what the system must keep, and why.
    ADD COLUMN retention       jsonb NOT NULL DEFAULT '[]',
    ADD COLUMN needs_review    boolean NOT NULL DEFAULT false,
    -- kind http / opendsr: { "endpoint": "...", "secretRef": "...", "resultMode": "sync|callback|poll" }
    ADD COLUMN http            jsonb,
    ADD COLUMN updated_at      timestamptz;

-- Exported documents, stored as the connectors send them: chunk by chunk, each sealed with AES-256-GCM under a
-- key from configuration (never in the database). A document is complete when every chunk of its manifest is here.
CREATE TABLE connector_exports (
    export_id  uuid NOT NULL,
    sequence   integer NOT NULL CHECK (sequence >= 0),
    tenant_id  uuid NOT NULL REFERENCES tenants (id),
    request_id uuid NOT NULL REFERENCES requests (id),
    task_id    uuid NOT NULL,
    key_id     text NOT NULL,
    nonce      bytea NOT NULL,
    sealed     bytea NOT NULL,
    bytes      integer NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (export_id, sequence)
);
CREATE INDEX connector_exports_request ON connector_exports (tenant_id, request_id);
