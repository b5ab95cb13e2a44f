-- Intake reads an organisation's settings (its clock, closures, law, origins) from a copy kept in memory, and proves the
-- copy current inside the transaction that stores the request: every change to a tenant row, by any writer, moves its
-- settings_version on, and the intake batch starts with dsar_tenant_unchanged(id, version read), which aborts the whole
-- batch when the row has moved. The engine then reads the settings again and frames the request anew (docs/performance.md).
ALTER TABLE tenants ADD COLUMN settings_version bigint NOT NULL DEFAULT 1;

CREATE FUNCTION tenants_next_settings_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.settings_version := OLD.settings_version + 1;
    RETURN NEW;
END
$$;

CREATE TRIGGER tenants_settings_version BEFORE UPDATE ON tenants
    FOR EACH ROW EXECUTE FUNCTION tenants_next_settings_version();

CREATE FUNCTION dsar_tenant_unchanged(tenant uuid, version bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM tenants WHERE id = tenant AND settings_version = version) THEN
        RAISE EXCEPTION 'The settings of organisation % changed since they were read.', tenant USING ERRCODE = 'DS409';
    END IF;
END
$$;
