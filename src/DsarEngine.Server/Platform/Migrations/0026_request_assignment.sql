-- A request may be assigned to one person of its own organisation (issue 13: an agent works the requests assigned to
-- them). The foreign key runs over (id, tenant_id), so the database itself refuses another organisation's person; people
-- are disabled, never deleted, so an assignee always resolves to a name.
ALTER TABLE staff_users ADD CONSTRAINT staff_users_id_tenant UNIQUE (id, tenant_id);
ALTER TABLE requests ADD COLUMN assignee_id uuid;
ALTER TABLE requests ADD CONSTRAINT requests_assignee FOREIGN KEY (assignee_id, tenant_id) REFERENCES staff_users (id, tenant_id);
-- The inbox's assignee filter ("My open", unassigned, a person) pages by keyset like the rest of the list (0023): one
-- index per sort, ending in id. The key is the assignee with the nil uuid for "unassigned": "IS NULL" is no equality for
-- the planner, so an index on the bare column would still sort every unassigned request; an equality keeps the order.
CREATE INDEX requests_tenant_assignee_received_id ON requests
    (tenant_id, (coalesce(assignee_id, '00000000-0000-0000-0000-000000000000'::uuid)), received_at DESC, id DESC);
CREATE INDEX requests_tenant_assignee_due_id ON requests
    (tenant_id, (coalesce(assignee_id, '00000000-0000-0000-0000-000000000000'::uuid)),
    (coalesce(due_at, '9999-12-31T00:00:00Z'::timestamptz)), id);
