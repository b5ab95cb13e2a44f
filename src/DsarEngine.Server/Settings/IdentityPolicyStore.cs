using System.Security.Claims;
using System.Text.Json;
using Dapper;
using DsarEngine.Server.Platform;
using DsarEngine.Workflows.Requests;
using Npgsql;

namespace DsarEngine.Server.Settings;

// The organisation's identity policy (tenants.identity_policy, 0044): NULL reads as IdentityPolicy.Default.
internal sealed class IdentityPolicyStore(NpgsqlDataSource dataSource)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IdentityPolicy Parse(string? json) =>
        json is null ? IdentityPolicy.Default : JsonSerializer.Deserialize<IdentityPolicy>(json, Json) ?? IdentityPolicy.Default;

    public async Task<IdentityPolicy?> FindAsync(Guid tenantId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<(Guid Id, string? Policy)?>(new CommandDefinition(
            "SELECT id, identity_policy::text FROM tenants WHERE id = @TenantId", new { TenantId = tenantId }, cancellationToken: ct));
        return row is { } found ? Parse(found.Policy) : null;
    }

    public async Task<bool> SaveAsync(Guid tenantId, IdentityPolicy policy, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE tenants SET identity_policy = @Policy::jsonb WHERE id = @TenantId",
            new { TenantId = tenantId, Policy = JsonSerializer.Serialize(policy, Json) }, cancellationToken: ct)) == 1;
    }
}

// PUT /api/v1/staff/settings/identity changes the policy through here: admins only, checked whole, nothing saved on error.
internal sealed class IdentityPolicyAdmin(IdentityPolicyStore store)
{
    public async Task<SettingsResult> SaveAsync(ClaimsPrincipal by, IdentityPolicy? policy, CancellationToken ct)
    {
        if (!SettingsRoles.MayChange(by))
            return SettingsResult.Refused;
        if (policy is null)
            return SettingsResult.Invalid("", "Send the policy as a JSON object: {\"rules\": [...], \"otherwise\": \"email\"}.");
        if (policy.Check() is { Count: > 0 } errors)
            return SettingsResult.Invalid(errors);
        return await store.SaveAsync(by.Tenant(), policy, ct) ? SettingsResult.Done : SettingsResult.NotFound("organisation");
    }
}
