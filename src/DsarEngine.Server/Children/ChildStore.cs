using Dapper;
using Npgsql;

namespace DsarEngine.Server.Children;

// The organisation's age threshold and the children reported (migration 0053). Every query names the tenant.
internal sealed class ChildStore(NpgsqlDataSource dataSource)
{
    // GDPR Art. 8(1): 16 unless a Member State set a lower age; CCPA §1798.120(c): opt-in to sale under 16; 152-FZ sets no age
    // of its own (Civil Code Art. 28: parents act for a child under 14). The highest reading is the default
    // (docs/rights.md#children); an organisation may set 13 to 18.
    public const int DefaultAgeUnder = 16;

    private const string AgeUnderSql = "SELECT age_under FROM child_settings WHERE tenant_id = @TenantId";

    public async Task<int> AgeUnderAsync(Guid tenantId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await c.QuerySingleOrDefaultAsync<int?>(
            new CommandDefinition(AgeUnderSql, new { TenantId = tenantId }, cancellationToken: ct)) ?? DefaultAgeUnder;
    }

    private const string SetAgeUnderSql = """
        INSERT INTO child_settings (tenant_id, age_under, updated_at, updated_by) VALUES (@TenantId, @AgeUnder, @At, @By)
        ON CONFLICT (tenant_id) DO UPDATE SET age_under = @AgeUnder, updated_at = @At, updated_by = @By
        """;

    public async Task SetAgeUnderAsync(Guid tenantId, int ageUnder, string by, DateTimeOffset at, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(SetAgeUnderSql,
            new { TenantId = tenantId, AgeUnder = ageUnder, At = at, By = by }, cancellationToken: ct));
    }

    private const string FindSql = """
        SELECT r.reference FROM child_reports c JOIN requests r ON r.id = c.request_id AND r.tenant_id = c.tenant_id
        WHERE c.tenant_id = @TenantId AND c.subject_key = @Key
        """;

    // The reference of the erasure an earlier report of the same child opened, if any.
    public async Task<string?> FindAsync(Guid tenantId, byte[] key, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await c.QuerySingleOrDefaultAsync<string>(
            new CommandDefinition(FindSql, new { TenantId = tenantId, Key = key }, cancellationToken: ct));
    }

    private const string InsertSql = """
        INSERT INTO child_reports (tenant_id, subject_key, request_id, source, age_under, reported_by, reported_at)
        VALUES (@TenantId, @Key, @RequestId, @Source, @AgeUnder, @By, @At)
        """;

    // In the transaction that stores the erasure: both or neither. A concurrent report of the same child fails on the key,
    // rolls its erasure back and finds this one (ChildErasures).
    public static Task InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, ChildReportRow row, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(InsertSql, row, tx, cancellationToken: ct));
}

internal sealed record ChildReportRow(Guid TenantId, byte[] Key, Guid RequestId, string Source, int AgeUnder, string By,
    DateTimeOffset At);
