-- Documents a data subject sends (issue 14): supporting documents and a representative's proof of authority with the
-- form, later a document with a portal reply (message_id). The bytes and the original file name can be personal data,
-- so both are sealed at rest with the data key (AES-GCM, the associated data binding each to its tenant and row, as
-- the packs and messages are); the SHA-256 of the plain bytes stays readable for the journal and for integrity checks.
CREATE TABLE subject_documents (
    id          uuid PRIMARY KEY,
    tenant_id   uuid NOT NULL REFERENCES tenants (id),
    request_id  uuid NOT NULL REFERENCES requests (id),
    message_id  uuid REFERENCES request_messages (id),
    kind        text NOT NULL CONSTRAINT subject_documents_kind CHECK (kind IN ('supporting', 'proof-of-authority', 'reply')),
    media_type  text NOT NULL CONSTRAINT subject_documents_media_type
        CHECK (media_type IN ('application/pdf', 'image/png', 'image/jpeg')),
    size        integer NOT NULL CONSTRAINT subject_documents_size CHECK (size > 0),
    key_id      text NOT NULL,
    name_nonce  bytea NOT NULL,
    name_sealed bytea NOT NULL,
    nonce       bytea NOT NULL,
    sealed      bytea NOT NULL,
    sha256      text NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX subject_documents_request ON subject_documents (tenant_id, request_id, created_at);

-- The person who made the request for the subject (GDPR Art. 12(6) and recital 59: a parent for a child, a
-- representative; CCPA regulations §7063: an authorised agent with the consumer's signed permission). One per request,
-- written in the request's own transaction; personal data like the subject's, erased with it.
CREATE TABLE request_representatives (
    request_id   uuid PRIMARY KEY REFERENCES requests (id),
    tenant_id    uuid NOT NULL REFERENCES tenants (id),
    relationship text NOT NULL CONSTRAINT request_representatives_relationship
        CHECK (relationship IN ('parent', 'representative', 'authorised-agent')),
    name         text NOT NULL,
    email        text NOT NULL
);
