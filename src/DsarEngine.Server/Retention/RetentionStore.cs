using Dapper;
using Npgsql;

namespace DsarEngine.Server.Retention;

// The retention periods of one organisation (retention_settings, 0043); no row means the defaults.
internal sealed class RetentionStore(NpgsqlDataSource dataSource)
{
    private const string FindSql = """
        SELECT r.exports_days, r.packs_days, r.documents_days, r.mail_days, r.requests_days
        FROM tenants t LEFT JOIN retention_settings r ON r.tenant_id = t.id WHERE t.id = @TenantId
        """;

    private sealed record RetentionRow(int? ExportsDays, int? PacksDays, int? DocumentsDays, int? MailDays, int? RequestsDays)
    {
        private RetentionRow() : this(null, null, null, null, null) { }
    }

    // The organisation's periods (the defaults until an admin saves some); null for no such organisation.
    public async Task<RetentionSettings?> FindAsync(Guid tenantId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<RetentionRow>(
            new CommandDefinition(FindSql, new { TenantId = tenantId }, cancellationToken: ct));
        return row is null ? null
            : row.RequestsDays is null ? RetentionSettings.Default
            : new RetentionSettings(row.ExportsDays, row.PacksDays, row.DocumentsDays, row.MailDays, row.RequestsDays);
    }

    private const string SaveSql = """
        INSERT INTO retention_settings (tenant_id, exports_days, packs_days, documents_days, mail_days, requests_days, updated_at)
        VALUES (@TenantId, @ExportsDays, @PacksDays, @DocumentsDays, @MailDays, @RequestsDays, @Now)
        ON CONFLICT (tenant_id) DO UPDATE SET exports_days = excluded.exports_days, packs_days = excluded.packs_days,
            documents_days = excluded.documents_days, mail_days = excluded.mail_days, requests_days = excluded.requests_days,
            updated_at = excluded.updated_at
        """;

    public async Task SaveAsync(Guid tenantId, RetentionSettings settings, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(SaveSql, new
        {
            TenantId = tenantId, settings.ExportsDays, settings.PacksDays, settings.DocumentsDays, settings.MailDays,
            settings.RequestsDays, Now = now,
        }, cancellationToken: ct));
    }
}
