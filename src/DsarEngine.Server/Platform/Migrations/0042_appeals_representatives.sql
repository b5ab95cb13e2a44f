-- Issue 15. An appeal of a refused request (Va. Code §59.1-577(C), C.R.S. §6-1-1306(3), Conn. Gen. Stat. §42-518(d)) is a
-- request of its own (right 'appeal', its own workflow and clock) linked to the request it appeals; one appeal per
-- refused request, written in the appeal's intake transaction.
CREATE TABLE request_appeals (
    request_id          uuid PRIMARY KEY REFERENCES requests (id),
    tenant_id           uuid NOT NULL REFERENCES tenants (id),
    appealed_request_id uuid NOT NULL REFERENCES requests (id),
    CONSTRAINT request_appeals_once UNIQUE (tenant_id, appealed_request_id)
);
