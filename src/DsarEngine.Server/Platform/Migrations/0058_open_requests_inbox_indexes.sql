-- The inbox's views of open requests (Overdue, Due this week, My open, a status such as needs-attention, sorted by due
-- date) read these partial indexes, which hold only open requests. Through requests_tenant_due_id they walked past
-- every finished request due earlier than the first open one: in a year-old inbox where old requests are nearly all
-- finished (1,000,000 stored, 100,000 open: docs/performance.md, "Scale (issue 16)"), that was most of the table. The
-- predicate is InboxQueries' open filter word for word, so the planner can prove a query's filter implies it.
CREATE INDEX requests_open_tenant_due_id ON requests (tenant_id, (coalesce(due_at, '9999-12-31T00:00:00Z'::timestamptz)), id)
    WHERE status NOT IN ('completed', 'refused', 'closed', 'withdrawn');
CREATE INDEX requests_open_tenant_assignee_due_id ON requests
    (tenant_id, (coalesce(assignee_id, '00000000-0000-0000-0000-000000000000'::uuid)),
    (coalesce(due_at, '9999-12-31T00:00:00Z'::timestamptz)), id)
    WHERE status NOT IN ('completed', 'refused', 'closed', 'withdrawn');
