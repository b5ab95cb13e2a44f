-- Internal notes and the conversation with the subject (issue 13). The text of both may hold personal data, so it is
-- sealed at rest with the data key (AES-GCM, the associated data binding each row to its tenant and id, as the packs are)
-- and kept out of the append-only journal, which records only that a note or message was written, by whom, and the
-- SHA-256 of its text (docs/inbox-request-page.md).
CREATE TABLE request_notes (
    id         uuid PRIMARY KEY,
    tenant_id  uuid NOT NULL REFERENCES tenants (id),
    request_id uuid NOT NULL REFERENCES requests (id),
    author     text NOT NULL,
    key_id     text NOT NULL,
    nonce      bytea NOT NULL,
    sealed     bytea NOT NULL,
    sha256     text NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX request_notes_request ON request_notes (tenant_id, request_id, created_at DESC);

-- Messages to the subject (sent through the mail outbox: mail_id) and, from issue 14's portal, from the subject.
-- purpose: a plain message, a request for more information (which may have stopped the clock), or the subject's reply.
CREATE TABLE request_messages (
    id            uuid PRIMARY KEY,
    tenant_id     uuid NOT NULL REFERENCES tenants (id),
    request_id    uuid NOT NULL REFERENCES requests (id),
    direction     text NOT NULL CHECK (direction IN ('to-subject', 'from-subject')),
    purpose       text NOT NULL CHECK (purpose IN ('message', 'more-information', 'reply')),
    author        text NOT NULL,
    mail_id       uuid REFERENCES mail_messages (id),
    clock_stopped boolean NOT NULL DEFAULT false,
    key_id        text NOT NULL,
    nonce         bytea NOT NULL,
    sealed        bytea NOT NULL,
    sha256        text NOT NULL,
    created_at    timestamptz NOT NULL,
    CHECK ((direction = 'to-subject') = (mail_id IS NOT NULL)),
    CHECK ((direction = 'from-subject') = (purpose = 'reply'))
);
CREATE INDEX request_messages_request ON request_messages (tenant_id, request_id, created_at DESC);
