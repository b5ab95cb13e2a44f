using Dapper;
using DsarEngine.Workflows.Security;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace DsarEngine.Server.Accounts;

internal sealed record StaffMember(Guid Id, string Email, string DisplayName, string Role, bool TwoFactorEnabled,
    DateTimeOffset? LockoutEnd)
{
    private StaffMember() : this(default, "", "", "", false, null) { }
}

// An organisation's people: who can be assigned a request, and how an admin (or the demo) adds someone. Creating goes
// through Identity's UserManager, so that the password is checked against the policy and hashed the one way.
internal sealed class StaffDirectory(IServiceScopeFactory scopes, NpgsqlDataSource dataSource, TimeProvider clock)
{
    private const string ListSql = """
        SELECT id, email, display_name, role, two_factor_enabled, lockout_end FROM staff_users
        WHERE tenant_id = @TenantId ORDER BY display_name, email
        """;

    public async Task<IReadOnlyList<StaffMember>> ListAsync(Guid tenantId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return [.. await c.QueryAsync<StaffMember>(new CommandDefinition(ListSql, new { TenantId = tenantId }, cancellationToken: ct))];
    }

    public async Task<IdentityResult> CreateAsync(Guid tenantId, string tenantSlug, string email, string displayName, string role,
        string password, bool emailConfirmed)
    {
        if (!StaffRoles.All.Contains(role))
            return IdentityResult.Failed(new IdentityError { Code = "UnknownRole", Description = $"Unknown role '{role}'." });
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), TenantId = tenantId, TenantSlug = tenantSlug,
            UserName = StaffUserNames.Of(tenantSlug, email),
            Email = email.Trim(), DisplayName = displayName, Role = role, EmailConfirmed = emailConfirmed, CreatedAt = clock.GetUtcNow(),
        };
        return await users.CreateAsync(user, password);
    }

    // The person with this address exists afterwards with this role and password (the demo's seeder: idempotent).
    public async Task<IdentityResult> EnsureAsync(Guid tenantId, string tenantSlug, string email, string displayName, string role,
        string password)
    {
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (await users.FindByNameAsync(StaffUserNames.Of(tenantSlug, email)) is not { } user)
            return await CreateAsync(tenantId, tenantSlug, email, displayName, role, password, emailConfirmed: true);
        if (await users.CheckPasswordAsync(user, password) && user.Role == role)
            return IdentityResult.Success;
        user.Role = role;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        return await users.ResetPasswordAsync(user, token, password);
    }
}
