namespace DsarEngine.Server.Backups;

// POST /api/v1/staff/backup-restores. Connector: the system restored, as registered; BackupTakenAt: the instant the backup
// it was restored from was taken (what it holds is as of then); Note: what happened, for the record (no personal data).
internal sealed record BackupRestoreBody(string? Connector, DateTimeOffset? BackupTakenAt, string? Note)
{
    public Dictionary<string, string[]> Problems(IReadOnlySet<string> connectors, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Connector))
            errors["connector"] = ["Required: the connector of the system that was restored."];
        else if (!connectors.Contains(Connector))
            errors["connector"] = [$"Not a connector of your organisation: {Connector}."];
        if (BackupTakenAt is null)
            errors["backupTakenAt"] = ["Required: when the backup was taken (ISO 8601 with an offset), not when it was restored."];
        else if (BackupTakenAt > now)
            errors["backupTakenAt"] = ["Must be in the past: a backup is taken before it is restored."];
        if (Note is { Length: > 2000 })
            errors["note"] = ["At most 2000 characters."];
        return errors;
    }
}
