-- GDPR Art. 28(3)(g): at the end of a processor's services for a customer (a workspace), the customer's data is returned
-- and/or deleted at the controller's choice, except what the agreement or the law requires keeping (docs/processor-role.md).
CREATE TABLE contract_endings (
    id                 uuid PRIMARY KEY,
    tenant_id          uuid NOT NULL REFERENCES tenants (id),     -- the processor
    workspace_key      text NOT NULL,
    customer_tenant_id uuid REFERENCES tenants (id),               -- the controller when it is on this engine
    choice             text NOT NULL CONSTRAINT contract_endings_choice
                           CHECK (choice IN ('return-then-delete', 'delete', 'return')),
    agreed_on          date NOT NULL,
    -- [{ "category", "legalBasis", "until", "systems" }]: the legal-hold register's shape, per agreement.
    exceptions         jsonb NOT NULL DEFAULT '[]',
    phase              text NOT NULL CONSTRAINT contract_endings_phase CHECK (phase IN ('export', 'erase', 'finished')),
    outcome            text CONSTRAINT contract_endings_outcome CHECK (outcome IN ('complete', 'incomplete')),
    certificate        json,                                        -- kept byte for byte: its SHA-256 is in the journal
    -- The returned data's link for a controller outside this engine: the token's hash, and when it expires.
    bundle_token_hash  bytea,
    bundle_expires_at  timestamptz,
    created_at         timestamptz NOT NULL,
    created_by         text NOT NULL,
    finished_at        timestamptz,
    version            integer NOT NULL DEFAULT 1
);
CREATE INDEX contract_endings_tenant ON contract_endings (tenant_id, created_at DESC);
-- One end of contract in progress per workspace.
CREATE UNIQUE INDEX contract_endings_running ON contract_endings (tenant_id, workspace_key) WHERE phase <> 'finished';

-- One row per system and phase: what was asked, and what the system answered (or that it did not).
CREATE TABLE contract_ending_tasks (
    task_id     uuid PRIMARY KEY,
    ending_id   uuid NOT NULL REFERENCES contract_endings (id),
    tenant_id   uuid NOT NULL REFERENCES tenants (id),
    connector   text NOT NULL,
    action      text NOT NULL CONSTRAINT contract_ending_tasks_action CHECK (action IN ('export-customer', 'erase-customer')),
    status      text NOT NULL CONSTRAINT contract_ending_tasks_status
                    CHECK (status IN ('sent', 'done', 'partial', 'not-found', 'failed', 'timed-out', 'not-covered', 'skipped')),
    summary     text,
    retained    jsonb NOT NULL DEFAULT '[]',
    export      jsonb,                                          -- { exportId, bytes, sha256, records, categories }
    due_at      timestamptz,
    answered_at timestamptz
);
CREATE INDEX contract_ending_tasks_ending ON contract_ending_tasks (ending_id);
CREATE INDEX contract_ending_tasks_due ON contract_ending_tasks (due_at) WHERE status = 'sent';

-- The end of contract's own hash-chained, append-only journal (JournalChain, as request_journal).
CREATE TABLE contract_ending_journal (
    tenant_id uuid NOT NULL REFERENCES tenants (id),
    ending_id uuid NOT NULL REFERENCES contract_endings (id),
    seq       integer NOT NULL,
    at        timestamptz NOT NULL,
    actor     text NOT NULL,
    kind      text NOT NULL,
    data      json NOT NULL,
    prev_hash bytea NOT NULL,
    hash      bytea NOT NULL,
    PRIMARY KEY (ending_id, seq)
);
CREATE FUNCTION contract_ending_journal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'contract_ending_journal is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER contract_ending_journal_append_only BEFORE UPDATE OR DELETE ON contract_ending_journal
    FOR EACH ROW EXECUTE FUNCTION contract_ending_journal_append_only();
CREATE TRIGGER contract_ending_journal_no_truncate BEFORE TRUNCATE ON contract_ending_journal
    FOR EACH STATEMENT EXECUTE FUNCTION contract_ending_journal_append_only();

-- The customer's exported data is stored like a subject's (sealed chunks), named by the end of contract instead.
ALTER TABLE connector_exports ALTER COLUMN request_id DROP NOT NULL,
    ADD COLUMN contract_ending_id uuid REFERENCES contract_endings (id),
    ADD CONSTRAINT connector_exports_owner CHECK ((request_id IS NULL) <> (contract_ending_id IS NULL));
