-- A system restored from a backup (Backups/BackupRestores.cs): when the backup was taken, who recorded the restore, and
-- what came of it. Every closed erasure the system carried out after that instant sent its erase command again; the
-- requests whose personal data the retention purge had removed could not be, and are listed with why.
CREATE TABLE backup_restores (
    id                 uuid PRIMARY KEY,
    tenant_id          uuid NOT NULL REFERENCES tenants (id),
    connector          text NOT NULL,
    backup_taken_at    timestamptz NOT NULL,
    note               text,
    recorded_at        timestamptz NOT NULL,
    recorded_by        text NOT NULL,
    age_out_days       integer,
    reapplied          text[] NOT NULL,
    not_reapplied      jsonb NOT NULL
);
CREATE INDEX backup_restores_tenant ON backup_restores (tenant_id, recorded_at);
