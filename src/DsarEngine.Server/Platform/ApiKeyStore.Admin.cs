using Dapper;

namespace DsarEngine.Server.Platform;

// An organisation's API key as its admins see it: never the secret nor its hash.
internal sealed record ApiKeyView(Guid Id, string Name, string Role, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    private ApiKeyView() : this(default, "", "", default, null) { }
}

// Issuing and revoking keys (ApiKeysApi): every query is scoped by the caller's organisation.
internal sealed partial class ApiKeyStore
{
    private const string ListSql = """
        SELECT id, name, role, created_at, revoked_at FROM api_keys WHERE tenant_id = @TenantId ORDER BY created_at, name, id
        """;

    public async Task<IReadOnlyList<ApiKeyView>> ListAsync(Guid tenantId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return [.. await connection.QueryAsync<ApiKeyView>(
            new CommandDefinition(ListSql, new { TenantId = tenantId }, cancellationToken: ct))];
    }

    // A revoked key stays in the list (when it was revoked) and can never be used again; revoking twice keeps the first time.
    private const string RevokeSql = """
        UPDATE api_keys SET revoked_at = coalesce(revoked_at, @Now) WHERE tenant_id = @TenantId AND id = @Id
        RETURNING id, name, role, created_at, revoked_at
        """;

    public async Task<ApiKeyView?> RevokeAsync(Guid tenantId, Guid id, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ApiKeyView>(
            new CommandDefinition(RevokeSql, new { TenantId = tenantId, Id = id, Now = now }, cancellationToken: ct));
    }
}
