using Dapper;
using Npgsql;

namespace DsarEngine.Server.Requests;

internal sealed partial class RequestStore
{
    private const string FindByKeySql = "SELECT fingerprint, request_id FROM idempotency_keys WHERE tenant_id = @TenantId AND key = @Key";

    private const string FindByIdSql = $"SELECT {StoredRequest.Columns} FROM requests WHERE tenant_id = @TenantId AND id = @Id";

    private static async Task<SubmitOutcome> ReplayAsync(NpgsqlConnection connection, Guid tenantId, IdempotencyClaim claim, CancellationToken ct)
    {
        var (fingerprint, requestId) = await connection.QuerySingleAsync<(byte[], Guid)>(
            new CommandDefinition(FindByKeySql, new { TenantId = tenantId, claim.Key }, cancellationToken: ct));
        if (!fingerprint.AsSpan().SequenceEqual(claim.Fingerprint))
            return new SubmitOutcome(SubmitResult.KeyReused, null);
        var existing = await connection.QuerySingleAsync<StoredRequest>(
            new CommandDefinition(FindByIdSql, new { TenantId = tenantId, Id = requestId }, cancellationToken: ct));
        return new SubmitOutcome(SubmitResult.Replayed, existing);
    }

    public async Task<StoredRequest?> FindByIdAsync(Guid tenantId, Guid id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<StoredRequest>(new CommandDefinition(FindByIdSql, new { TenantId = tenantId, Id = id }, cancellationToken: ct));
    }

    private const string FindByReferenceSql = $"SELECT {StoredRequest.Columns} FROM requests WHERE reference = @Reference";

    // Public status lookups know only the reference (globally unique); the caller then checks the token.
    public async Task<StoredRequest?> FindByReferenceAsync(string reference, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<StoredRequest>(
            new CommandDefinition(FindByReferenceSql, new { Reference = reference }, cancellationToken: ct));
    }

    private const string FindForTenantSql = $"SELECT {StoredRequest.Columns} FROM requests WHERE tenant_id = @TenantId AND reference = @Reference";

    public async Task<StoredRequest?> FindAsync(Guid tenantId, string reference, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<StoredRequest>(
            new CommandDefinition(FindForTenantSql, new { TenantId = tenantId, Reference = reference }, cancellationToken: ct));
    }

    private const string ListSql = $"""
        SELECT {StoredRequest.Columns} FROM requests
        WHERE tenant_id = @TenantId AND (@Status::text IS NULL OR status = @Status)
        ORDER BY received_at DESC, id
        LIMIT @Limit OFFSET @Offset
        """;

    public async Task<IReadOnlyList<StoredRequest>> ListAsync(Guid tenantId, string? status, int limit, int offset, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<StoredRequest>(new CommandDefinition(ListSql,
            new { TenantId = tenantId, Status = status, Limit = limit, Offset = offset }, cancellationToken: ct));
        return rows.AsList();
    }
}
