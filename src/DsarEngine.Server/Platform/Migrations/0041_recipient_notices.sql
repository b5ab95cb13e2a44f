-- Who must be told of a rectification, erasure or restriction (GDPR Art. 19: each recipient the data was disclosed to,
-- as each system reports them) and, for data made public, the other controllers to inform (Art. 17(2)). One row each,
-- kept as the record that the duty was done: when, by whom, how. Recipients and controllers are organisations.
CREATE TABLE request_notices (
    id           uuid PRIMARY KEY,
    tenant_id    uuid NOT NULL REFERENCES tenants (id),
    request_id   uuid NOT NULL REFERENCES requests (id),
    kind         text NOT NULL CONSTRAINT request_notices_kind CHECK (kind IN ('recipient', 'controller')),
    system       text NOT NULL DEFAULT '',
    recipient    text NOT NULL CONSTRAINT request_notices_recipient CHECK (length(recipient) BETWEEN 1 AND 200),
    created_at   timestamptz NOT NULL,
    created_by   text NOT NULL,
    notified_at  timestamptz,
    notified_by  text,
    method       text,
    CONSTRAINT request_notices_once UNIQUE (request_id, kind, system, recipient)
);
CREATE INDEX request_notices_request ON request_notices (tenant_id, request_id);

-- GDPR Art. 18(3): the letter telling the subject that a restriction will be lifted is stored like the other notices.
ALTER TABLE response_packs DROP CONSTRAINT response_packs_kind_check;
ALTER TABLE response_packs ADD CONSTRAINT response_packs_kind_check
    CHECK (kind IN ('letter', 'portability-zip', 'extension-notice', 'identity-request', 'results-zip', 'access-copy',
        'restriction-lift-notice'));
