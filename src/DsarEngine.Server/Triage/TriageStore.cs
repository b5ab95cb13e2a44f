using Dapper;
using DsarEngine.Server.Requests;
using DsarEngine.Workflows.Journal;
using DsarEngine.Workflows.Requests;
using Npgsql;

namespace DsarEngine.Server.Triage;

internal sealed record UrgencyRecord(string Reason, string MarkedBy, DateTimeOffset MarkedAt)
{
    // Positional constructor mapping needs exact column types; timestamptz reads as DateTime.
    private UrgencyRecord() : this("", "", default) { }
}

// The organisation's answer target and the requests its staff marked urgent (migration 0047). Every query names the tenant.
internal sealed class TriageStore(NpgsqlDataSource dataSource)
{
    private const string TargetSql = "SELECT target_business_days FROM triage_settings WHERE tenant_id = @TenantId";

    public async Task<int?> TargetAsync(Guid tenantId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await c.QuerySingleOrDefaultAsync<int?>(
            new CommandDefinition(TargetSql, new { TenantId = tenantId }, cancellationToken: ct));
    }

    private const string SetTargetSql = """
        INSERT INTO triage_settings (tenant_id, target_business_days, updated_at, updated_by) VALUES (@TenantId, @Days, @At, @By)
        ON CONFLICT (tenant_id) DO UPDATE SET target_business_days = @Days, updated_at = @At, updated_by = @By
        """;

    private const string ClearTargetSql = "DELETE FROM triage_settings WHERE tenant_id = @TenantId";

    // Null days: no target.
    public async Task SetTargetAsync(Guid tenantId, int? days, string by, DateTimeOffset at, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(days is null ? ClearTargetSql : SetTargetSql,
            new { TenantId = tenantId, Days = days, At = at, By = by }, cancellationToken: ct));
    }

    private const string UrgencySql = """
        SELECT reason, marked_by, marked_at FROM request_urgency WHERE tenant_id = @TenantId AND request_id = @RequestId
        """;

    public async Task<UrgencyRecord?> UrgencyAsync(Guid tenantId, Guid requestId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await c.QuerySingleOrDefaultAsync<UrgencyRecord>(
            new CommandDefinition(UrgencySql, new { TenantId = tenantId, RequestId = requestId }, cancellationToken: ct));
    }

    private const string MarkSql = """
        INSERT INTO request_urgency (request_id, tenant_id, reason, marked_by, marked_at) VALUES (@RequestId, @TenantId, @Reason, @By, @At)
        ON CONFLICT (request_id) DO UPDATE SET reason = @Reason, marked_by = @By, marked_at = @At
        """;

    private const string ClearSql = "DELETE FROM request_urgency WHERE tenant_id = @TenantId AND request_id = @RequestId";

    // Marks (reason set) or clears (null) the flag, journaled with the request in the same transaction. The journal keeps
    // that and by whom it was marked, not the reason's words. False: clearing a request that was not urgent.
    public async Task<bool> SetUrgentAsync(Guid tenantId, Guid requestId, string? reason, string by, DateTimeOffset at,
        CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var changed = await c.ExecuteAsync(new CommandDefinition(reason is null ? ClearSql : MarkSql,
            new { TenantId = tenantId, RequestId = requestId, Reason = reason, By = by, At = at }, tx, cancellationToken: ct));
        if (changed == 0)
            return false;
        await JournalStore.AppendEventAsync(c, tx, tenantId, requestId, at, by,
            reason is null ? JournalKinds.UrgencyCleared : JournalKinds.MarkedUrgent,
            reason is null ? "{\"urgent\":false}" : "{\"urgent\":true}", ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private const string OpenSql = $"""
        SELECT {StoredRequest.Columns} FROM requests
        WHERE tenant_id = @TenantId AND status <> ALL(@Finished) ORDER BY received_at LIMIT 500
        """;

    private const string UrgentOfTenantSql = """
        SELECT request_id, reason, marked_by, marked_at FROM request_urgency WHERE tenant_id = @TenantId
        """;

    // The organisation's open requests (the 500 oldest) and the urgency of those marked urgent, by request id.
    public async Task<(IReadOnlyList<StoredRequest> Open, IReadOnlyDictionary<Guid, UrgencyRecord> Urgent)> OpenAsync(
        Guid tenantId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        var open = await c.QueryAsync<StoredRequest>(new CommandDefinition(OpenSql,
            new { TenantId = tenantId, Finished = RequestStatus.Finished.ToArray() }, cancellationToken: ct));
        var urgent = await c.QueryAsync<(Guid, string, string, DateTime)>(
            new CommandDefinition(UrgentOfTenantSql, new { TenantId = tenantId }, cancellationToken: ct));
        return ([.. open], urgent.ToDictionary(u => u.Item1,
            u => new UrgencyRecord(u.Item2, u.Item3, new DateTimeOffset(DateTime.SpecifyKind(u.Item4, DateTimeKind.Utc)))));
    }
}
