-- Response packs (issue 6): each organisation's processing register, and the rendered packs, sealed at rest.
CREATE TABLE processing_registers (
    tenant_id  uuid PRIMARY KEY REFERENCES tenants (id),
    document   jsonb NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE TABLE response_packs (
    id         uuid PRIMARY KEY,
    tenant_id  uuid NOT NULL REFERENCES tenants (id),
    request_id uuid NOT NULL REFERENCES requests (id),
    kind       text NOT NULL CHECK (kind IN ('letter', 'portability-zip')),
    language   text NOT NULL,
    key_id     text NOT NULL,
    nonce      bytea NOT NULL,
    sealed     bytea NOT NULL,
    bytes      integer NOT NULL,
    sha256     text NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX response_packs_request ON response_packs (tenant_id, request_id, created_at DESC);
