-- Bus connectors are addressed per tenant and bound to the broker user the operator issued to their service
-- (security review C1, M2). A command for tenant A can only reach dsar.<A>.connector.<name>.

-- The RabbitMQ user whose validated user_id a bus connector's replies must carry. Connectors registered before this
-- migration have none until an admin registers it again (their replies are then checked by reply token and tenant).
ALTER TABLE connectors ADD COLUMN bus_user text CHECK (bus_user IS NULL OR bus_user ~ '^[A-Za-z0-9._@-]{1,128}$');

-- Commands written before this migration but not sent yet go to the tenant's own queue, not the old shared one.
UPDATE outbox o SET destination = 'dsar.' || t.slug || '.connector.' || substr(o.destination, 16)
FROM tenants t
WHERE t.id = o.tenant_id AND o.sent_at IS NULL AND o.destination LIKE 'dsar-connector-%';
