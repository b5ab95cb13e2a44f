-- The inbox list pages by keyset (sort key, id), so each sort it offers has an index that ends in id: a deep page then
-- costs what the first one does. The due sort puts requests without a due date (rows from before 0002) last.
CREATE INDEX requests_tenant_received_id ON requests (tenant_id, received_at DESC, id DESC);
CREATE INDEX requests_tenant_due_id ON requests (tenant_id, (coalesce(due_at, '9999-12-31T00:00:00Z'::timestamptz)), id);
DROP INDEX IF EXISTS requests_tenant_received;
-- Search by reference prefix (a reference is not personal data) and by the subject's exact e-mail address. The address
-- is already stored in the subject's jsonb; the index only makes the exact lookup cheap and is dropped with the row.
CREATE INDEX requests_tenant_reference_prefix ON requests (tenant_id, reference text_pattern_ops);
CREATE INDEX requests_tenant_subject_email ON requests (tenant_id, lower(subject ->> 'email'));
