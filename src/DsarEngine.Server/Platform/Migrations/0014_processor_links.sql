-- A customer accepts the requests a processor forwards before any reaches its inbox: otherwise any processor on the
-- engine could fill another organisation's inbox by naming it as a workspace's customer. Until then, such requests
-- stay in the processor's own inbox ("held" in its routing log).
CREATE TABLE processor_links (
    customer_tenant_id  uuid NOT NULL REFERENCES tenants (id),
    processor_tenant_id uuid NOT NULL REFERENCES tenants (id),
    accepted_by         text NOT NULL,
    accepted_at         timestamptz NOT NULL,
    PRIMARY KEY (customer_tenant_id, processor_tenant_id)
);

-- Links made before this check keep working: the customer's acceptance is recorded as the migration's.
INSERT INTO processor_links (customer_tenant_id, processor_tenant_id, accepted_by, accepted_at)
SELECT DISTINCT customer_tenant_id, processor_tenant_id, 'migration 0014', now() FROM workspaces WHERE customer_tenant_id IS NOT NULL;

ALTER TABLE routing_log DROP CONSTRAINT routing_log_outcome_check;
ALTER TABLE routing_log ADD CONSTRAINT routing_log_outcome_check CHECK (outcome IN ('forwarded', 'referred', 'held'));
