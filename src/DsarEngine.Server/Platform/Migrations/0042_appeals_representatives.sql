-- Issue 15. An appeal of a refused request (Va. Code §59.1-577(C), C.R.S. §6-1-1306(3), Conn. Gen. Stat. §42-518(d)) is a
-- request of its own (right 'appeal', its own workflow and clock) linked to the request it appeals; one appeal per
-- refused request, written in the appeal's intake transaction.
CREATE TABLE request_appeals (
    request_id          uuid PRIMARY KEY REFERENCES requests (id),
    tenant_id           uuid NOT NULL REFERENCES tenants (id),
    appealed_request_id uuid NOT NULL REFERENCES requests (id),
    CONSTRAINT request_appeals_once UNIQUE (tenant_id, appealed_request_id)
);

-- Someone acting for the subject shows the proof the request's law asks for (Workflows/Requests/RepresentativeProofs.cs):
-- 'awaited' until a document comes ('received': a proof of authority uploaded with the form), then a person confirms it
-- ('confirmed', with who, when and how); until then the assessment cannot proceed. Rows from before: 'received' when a
-- proof of authority was uploaded with them, else 'awaited'.
ALTER TABLE request_representatives
    ADD COLUMN proof_status text NOT NULL DEFAULT 'awaited'
        CONSTRAINT request_representatives_proof_status CHECK (proof_status IN ('awaited', 'received', 'confirmed')),
    ADD COLUMN proof_confirmed_at timestamptz,
    ADD COLUMN proof_confirmed_by text,
    ADD COLUMN proof_evidence text;
UPDATE request_representatives r SET proof_status = 'received'
WHERE EXISTS (SELECT 1 FROM subject_documents d
              WHERE d.tenant_id = r.tenant_id AND d.request_id = r.request_id AND d.kind = 'proof-of-authority');

-- After the subject's death (Loi Informatique et Libertés art. 85), the person they designated or an heir makes the request.
ALTER TABLE request_representatives DROP CONSTRAINT request_representatives_relationship;
ALTER TABLE request_representatives ADD CONSTRAINT request_representatives_relationship
    CHECK (relationship IN ('parent', 'representative', 'authorised-agent', 'designee', 'heir'));

-- Post-mortem instructions as structured fields instead of the free text of requests.details (LIL art. 85): what to do
-- with the data after death, over which scope, the designated person; a revocation, or the designee's or an heir's
-- request after death. A revocation marks every earlier instruction of the same subject (same e-mail) revoked in its
-- own intake transaction. Personal data (the designee), erased with the request.
CREATE TABLE post_mortem_instructions (
    request_id     uuid PRIMARY KEY REFERENCES requests (id),
    tenant_id      uuid NOT NULL REFERENCES tenants (id),
    kind           text NOT NULL CONSTRAINT post_mortem_kind CHECK (kind IN ('instructions', 'revocation', 'after-death')),
    action         text CONSTRAINT post_mortem_action CHECK (action IN ('erase', 'communicate', 'keep')),
    scope          text[] NOT NULL,
    designee_name  text,
    designee_email text,
    died_on        date,
    revoked_by     uuid REFERENCES requests (id),
    CONSTRAINT post_mortem_action_with_instructions CHECK ((kind = 'instructions') = (action IS NOT NULL))
);
