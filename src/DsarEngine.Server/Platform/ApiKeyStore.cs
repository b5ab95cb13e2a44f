using Dapper;
using Npgsql;

namespace DsarEngine.Server.Platform;

internal sealed record StoredApiKey(Guid Id, Guid TenantId, string TenantSlug, string Name, string Role, byte[] KeyHash)
{
    // Dapper materialises through this and the init setters: its constructor mapping needs exact column types
    // (timestamptz reads as DateTime, text[] as Array), which the positional constructor cannot offer.
    private StoredApiKey() : this(default, default, "", "", "", []) { }
}

internal sealed partial class ApiKeyStore(NpgsqlDataSource dataSource)
{
    private const string FindSql = """
        SELECT k.id, k.tenant_id, t.slug AS tenant_slug, k.name, k.role, k.key_hash
        FROM api_keys k JOIN tenants t ON t.id = k.tenant_id
        WHERE k.id = @Id AND k.revoked_at IS NULL
        """;

    public async Task<StoredApiKey?> FindActiveAsync(Guid id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<StoredApiKey>(
            new CommandDefinition(FindSql, new { Id = id }, cancellationToken: ct));
    }

    private const string UpsertSql = """
        INSERT INTO api_keys (id, tenant_id, name, role, key_hash, created_at)
        VALUES (@Id, @TenantId, @Name, @Role, @KeyHash, @CreatedAt)
        ON CONFLICT (id) DO UPDATE SET key_hash = excluded.key_hash, role = excluded.role
        WHERE api_keys.revoked_at IS NULL AND api_keys.tenant_id = excluded.tenant_id
        RETURNING true
        """;

    // False when the id belongs to a revoked key (or another tenant's): a revoked key stays revoked (security review L11),
    // so the caller must issue a new one.
    public async Task<bool> UpsertAsync(
        Guid id, Guid tenantId, string name, string role, byte[] keyHash, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<bool?>(new CommandDefinition(UpsertSql,
            new { Id = id, TenantId = tenantId, Name = name, Role = role, KeyHash = keyHash, CreatedAt = now },
            cancellationToken: ct)) == true;
    }
}
