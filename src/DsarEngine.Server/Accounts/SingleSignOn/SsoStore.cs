using System.Text;
using Dapper;
using DsarEngine.Workflows.Security;
using Npgsql;

namespace DsarEngine.Server.Accounts.SingleSignOn;

// The organisations' single sign-on settings. The client secret is sealed with the data key, bound to the tenant's id:
// a sealed secret copied to another organisation's row does not open.
internal sealed partial class SsoStore(NpgsqlDataSource dataSource, DataKeyRing keys, TimeProvider clock)
{
    private sealed record Row(Guid TenantId, string Slug, bool Enabled, string Authority, string ClientId, byte[]? ClientSecret,
        string? ClientSecretKeyId, byte[]? ClientSecretNonce, string Scopes, string GroupsClaim, bool JustInTime, int Version);

    private sealed record GroupRow(string GroupName, string Role);

    private const string SelectSql = """
        SELECT s.tenant_id, t.slug, s.enabled, s.authority, s.client_id, s.client_secret, s.client_secret_key_id,
            s.client_secret_nonce, array_to_string(s.scopes, ' ') AS scopes, s.groups_claim, s.just_in_time, s.version
        FROM tenant_sso s JOIN tenants t ON t.id = s.tenant_id
        """;

    private const string FindBySlugSql = SelectSql + " WHERE t.slug = @Slug";

    public Task<SsoSettings?> FindBySlugAsync(string slug, CancellationToken ct) => FindAsync(FindBySlugSql, new { Slug = slug }, ct);

    private const string FindByTenantSql = SelectSql + " WHERE s.tenant_id = @TenantId";

    public Task<SsoSettings?> FindAsync(Guid tenantId, CancellationToken ct) => FindAsync(FindByTenantSql, new { TenantId = tenantId }, ct);

    private const string GroupsSql = "SELECT group_name, role FROM tenant_sso_groups WHERE tenant_id = @TenantId ORDER BY group_name";

    private async Task<SsoSettings?> FindAsync(string sql, object args, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(sql, args, cancellationToken: ct));
        if (row is null)
            return null;
        var groups = await c.QueryAsync<GroupRow>(new CommandDefinition(GroupsSql, new { row.TenantId }, cancellationToken: ct));
        var secret = row is { ClientSecret: { } sealedSecret, ClientSecretKeyId: { } keyId, ClientSecretNonce: { } nonce }
            ? Encoding.UTF8.GetString(keys.Open(keyId, nonce, sealedSecret, row.TenantId.ToByteArray()))
            : null;
        return new SsoSettings(row.TenantId, row.Slug, row.Enabled, new Uri(row.Authority), row.ClientId, secret,
            row.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            row.GroupsClaim, row.JustInTime, groups.ToDictionary(g => g.GroupName, g => g.Role, StringComparer.Ordinal), row.Version);
    }

    private const string UpsertSql = """
        INSERT INTO tenant_sso (tenant_id, enabled, authority, client_id, client_secret, client_secret_key_id, client_secret_nonce,
            scopes, groups_claim, just_in_time, version, updated_at)
        VALUES (@TenantId, @Enabled, @Authority, @ClientId, @Sealed, @KeyId, @Nonce, @Scopes, @GroupsClaim, @JustInTime, 1, @Now)
        ON CONFLICT (tenant_id) DO UPDATE SET enabled = excluded.enabled, authority = excluded.authority,
            client_id = excluded.client_id,
            client_secret = COALESCE(excluded.client_secret, tenant_sso.client_secret),
            client_secret_key_id = COALESCE(excluded.client_secret_key_id, tenant_sso.client_secret_key_id),
            client_secret_nonce = COALESCE(excluded.client_secret_nonce, tenant_sso.client_secret_nonce),
            scopes = excluded.scopes, groups_claim = excluded.groups_claim, just_in_time = excluded.just_in_time,
            version = tenant_sso.version + 1, updated_at = excluded.updated_at
        WHERE tenant_sso.version = @ExpectedVersion
        """;

    private const string DeleteGroupsSql = "DELETE FROM tenant_sso_groups WHERE tenant_id = @TenantId";

    private const string InsertGroupSql = "INSERT INTO tenant_sso_groups (tenant_id, group_name, role) VALUES (@TenantId, @Group, @Role)";

    // Stores validated input (SsoInput.Validate). False when someone else saved since expectedVersion was read (0: none yet).
    public async Task<bool> SaveAsync(Guid tenantId, SsoInput input, int expectedVersion, CancellationToken ct)
    {
        (byte[] Nonce, byte[] Sealed)? secret = string.IsNullOrEmpty(input.ClientSecret)
            ? null
            : keys.Seal(Encoding.UTF8.GetBytes(input.ClientSecret), tenantId.ToByteArray());
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var changed = await c.ExecuteAsync(new CommandDefinition(UpsertSql, new
        {
            TenantId = tenantId, input.Enabled, Authority = input.Authority.Trim(), ClientId = input.ClientId.Trim(),
            Sealed = secret?.Sealed, KeyId = secret is null ? null : keys.CurrentId, Nonce = secret?.Nonce,
            Scopes = input.ScopeList().ToArray(), GroupsClaim = input.GroupsClaim.Trim(), input.JustInTime,
            Now = clock.GetUtcNow(), ExpectedVersion = expectedVersion,
        }, tx, cancellationToken: ct));
        if (changed != 1)
            return false;
        await c.ExecuteAsync(new CommandDefinition(DeleteGroupsSql, new { TenantId = tenantId }, tx, cancellationToken: ct));
        foreach (var group in input.Groups)
            await c.ExecuteAsync(new CommandDefinition(InsertGroupSql,
                new { TenantId = tenantId, Group = group.Group.Trim(), group.Role }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return true;
    }
}
