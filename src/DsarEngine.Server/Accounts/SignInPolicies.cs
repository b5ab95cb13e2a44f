using System.Security.Claims;
using Dapper;
using Npgsql;

namespace DsarEngine.Server.Accounts;

// Each organisation's sign-in policy (tenant_sign_in_policies): whether every person needs a second factor, a TOTP app
// or a passkey, before the inbox opens for them. Only an admin of the organisation changes it, checked here when it runs.
internal sealed class SignInPolicies(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private const string RequiredSql =
        "SELECT second_factor_required FROM tenant_sign_in_policies WHERE tenant_id = @TenantId";

    // No row: the default, a password is enough.
    public async Task<bool> SecondFactorRequiredAsync(Guid tenantId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await c.QuerySingleOrDefaultAsync<bool?>(
            new CommandDefinition(RequiredSql, new { TenantId = tenantId }, cancellationToken: ct)) ?? false;
    }

    private const string SetSql = """
        INSERT INTO tenant_sign_in_policies (tenant_id, second_factor_required, updated_by, updated_at)
        VALUES (@TenantId, @Required, @By, @Now)
        ON CONFLICT (tenant_id) DO UPDATE SET second_factor_required = EXCLUDED.second_factor_required,
            updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
        """;

    // People already signed in take the change up at their cookie's next stamp check (AccountsSetup: within a minute),
    // like a change of role; a person without a second factor is then sent to set one up (SecondFactorGate).
    public async Task<StaffChangeResult> SetAsync(ClaimsPrincipal by, bool required, CancellationToken ct)
    {
        if (StaffAdmins.TenantOf(by) is not { } tenantId || !Guid.TryParse(by.FindFirstValue(ClaimTypes.NameIdentifier), out var adminId))
            return StaffChangeResult.Of(StaffChange.Refused);
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(SetSql,
            new { TenantId = tenantId, Required = required, By = adminId, Now = clock.GetUtcNow() }, cancellationToken: ct));
        return StaffChangeResult.Done;
    }

    private const string PasskeyExpectedSql = """
        SELECT EXISTS (SELECT 1 FROM staff_users u
            JOIN tenant_sign_in_policies p ON p.tenant_id = u.tenant_id AND p.second_factor_required
            WHERE u.normalized_user_name = @Name AND NOT u.two_factor_enabled
                AND EXISTS (SELECT 1 FROM staff_passkeys k WHERE k.user_id = u.id AND k.tenant_id = u.tenant_id))
        """;

    // A password alone signed this person in (no authenticator app to ask), but their organisation requires a second
    // factor and theirs is a passkey: the password is not enough, they sign in with the passkey instead.
    public async Task<bool> PasskeyExpectedAsync(string normalizedUserName, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await c.ExecuteScalarAsync<bool>(
            new CommandDefinition(PasskeyExpectedSql, new { Name = normalizedUserName }, cancellationToken: ct));
    }
}
