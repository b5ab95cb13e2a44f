using System.Security.Cryptography;
using System.Text;
using Dapper;
using DsarEngine.Workflows.Security;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace DsarEngine.Server.Accounts;

// ASP.NET Core Identity's user store over Dapper: Identity does the hashing, lockout and stamps; this reads and writes
// the row. An update that lost a race with another one (concurrency stamp changed) fails instead of overwriting it.
internal sealed partial class StaffUserStore(NpgsqlDataSource dataSource, DataKeyRing keys, TimeProvider clock) :
    IUserPasswordStore<StaffUser>, IUserEmailStore<StaffUser>, IUserSecurityStampStore<StaffUser>, IUserLockoutStore<StaffUser>,
    IUserRoleStore<StaffUser>, IUserTwoFactorStore<StaffUser>, IUserAuthenticatorKeyStore<StaffUser>,
    IUserTwoFactorRecoveryCodeStore<StaffUser>
{
    private const string Columns = """
        u.id, u.tenant_id, t.slug AS tenant_slug, u.user_name, u.normalized_user_name, u.email, u.normalized_email, u.display_name,
        u.role, u.password_hash, u.security_stamp, u.concurrency_stamp, u.email_confirmed, u.lockout_enabled, u.lockout_end,
        u.access_failed_count, u.two_factor_enabled, u.created_at, u.authenticator_key AS authenticator_sealed, u.authenticator_key_id,
        u.authenticator_nonce, u.recovery_code_hashes
        """;

    private const string InsertSql = """
        INSERT INTO staff_users (id, tenant_id, user_name, normalized_user_name, email, normalized_email, display_name, role,
            password_hash, security_stamp, concurrency_stamp, email_confirmed, lockout_enabled, lockout_end, access_failed_count,
            two_factor_enabled, created_at)
        VALUES (@Id, @TenantId, @UserName, @NormalizedUserName, @Email, @NormalizedEmail, @DisplayName, @Role, @PasswordHash,
            @SecurityStamp, @ConcurrencyStamp, @EmailConfirmed, @LockoutEnabled, @LockoutEnd, @AccessFailedCount, @TwoFactorEnabled,
            @CreatedAt)
        ON CONFLICT DO NOTHING
        """;

    public async Task<IdentityResult> CreateAsync(StaffUser user, CancellationToken cancellationToken)
    {
        await using var c = await dataSource.OpenConnectionAsync(cancellationToken);
        return await c.ExecuteAsync(new CommandDefinition(InsertSql, user, cancellationToken: cancellationToken)) == 1
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError
            {
                Code = "DuplicateUserName", Description = "This organisation already has a user with this e-mail address.",
            });
    }

    private const string UpdateSql = """
        UPDATE staff_users SET user_name = @UserName, normalized_user_name = @NormalizedUserName, email = @Email,
            normalized_email = @NormalizedEmail, display_name = @DisplayName, role = @Role, password_hash = @PasswordHash,
            security_stamp = @SecurityStamp, concurrency_stamp = @NewStamp, email_confirmed = @EmailConfirmed,
            lockout_enabled = @LockoutEnabled, lockout_end = @LockoutEnd, access_failed_count = @AccessFailedCount,
            two_factor_enabled = @TwoFactorEnabled, authenticator_key = @AuthenticatorSealed, authenticator_key_id = @AuthenticatorKeyId,
            authenticator_nonce = @AuthenticatorNonce, recovery_code_hashes = @RecoveryCodeHashes
        WHERE id = @Id AND concurrency_stamp = @ConcurrencyStamp
        """;

    public async Task<IdentityResult> UpdateAsync(StaffUser user, CancellationToken cancellationToken)
    {
        var stamp = Guid.NewGuid().ToString();
        await using var c = await dataSource.OpenConnectionAsync(cancellationToken);
        var changed = await c.ExecuteAsync(new CommandDefinition(UpdateSql, new
        {
            user.Id, user.UserName, user.NormalizedUserName, user.Email, user.NormalizedEmail, user.DisplayName, user.Role,
            user.PasswordHash,
            user.SecurityStamp, NewStamp = stamp, user.EmailConfirmed, user.LockoutEnabled, user.LockoutEnd, user.AccessFailedCount,
            user.TwoFactorEnabled, user.ConcurrencyStamp, user.AuthenticatorSealed, user.AuthenticatorKeyId, user.AuthenticatorNonce,
            user.RecoveryCodeHashes,
        }, cancellationToken: cancellationToken));
        if (changed != 1)
            return IdentityResult.Failed(new IdentityErrorDescriber().ConcurrencyFailure());
        user.ConcurrencyStamp = stamp;
        return IdentityResult.Success;
    }

    // People are never deleted (the journal names who did what); an admin removes their access instead.
    public Task<IdentityResult> DeleteAsync(StaffUser user, CancellationToken cancellationToken) =>
        Task.FromResult(IdentityResult.Failed(
            new IdentityError { Code = "NotSupported", Description = "Staff users are disabled, not deleted." }));

    private const string FindByIdSql = $"SELECT {Columns} FROM staff_users u JOIN tenants t ON t.id = u.tenant_id WHERE u.id = @Id";

    public async Task<StaffUser?> FindByIdAsync(string userId, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(userId, out var id))
            return null;
        await using var c = await dataSource.OpenConnectionAsync(cancellationToken);
        return await c.QuerySingleOrDefaultAsync<StaffUser>(
            new CommandDefinition(FindByIdSql, new { Id = id }, cancellationToken: cancellationToken));
    }

    private const string FindByNameSql =
        $"SELECT {Columns} FROM staff_users u JOIN tenants t ON t.id = u.tenant_id WHERE u.normalized_user_name = @Name";

    public async Task<StaffUser?> FindByNameAsync(string normalizedUserName, CancellationToken cancellationToken)
    {
        await using var c = await dataSource.OpenConnectionAsync(cancellationToken);
        return await c.QuerySingleOrDefaultAsync<StaffUser>(
            new CommandDefinition(FindByNameSql, new { Name = normalizedUserName }, cancellationToken: cancellationToken));
    }

    private const string FindByEmailSql =
        $"SELECT {Columns} FROM staff_users u JOIN tenants t ON t.id = u.tenant_id WHERE u.normalized_email = @Email LIMIT 2";

    // An address may have an account in several organisations: then it names no single user, and this finds none.
    public async Task<StaffUser?> FindByEmailAsync(string normalizedEmail, CancellationToken cancellationToken)
    {
        await using var c = await dataSource.OpenConnectionAsync(cancellationToken);
        var found = (await c.QueryAsync<StaffUser>(
            new CommandDefinition(FindByEmailSql, new { Email = normalizedEmail }, cancellationToken: cancellationToken))).ToList();
        return found.Count == 1 ? found[0] : null;
    }

    public Task<string> GetUserIdAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(user.Id.ToString());

    public Task<string?> GetUserNameAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.UserName);

    public Task SetUserNameAsync(StaffUser user, string? userName, CancellationToken cancellationToken) =>
        Set(() => user.UserName = userName ?? "");

    public Task<string?> GetNormalizedUserNameAsync(StaffUser user, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(user.NormalizedUserName);

    public Task SetNormalizedUserNameAsync(StaffUser user, string? normalizedName, CancellationToken cancellationToken) =>
        Set(() => user.NormalizedUserName = normalizedName ?? "");

    public Task SetPasswordHashAsync(StaffUser user, string? passwordHash, CancellationToken cancellationToken) =>
        Set(() => user.PasswordHash = passwordHash);

    public Task<string?> GetPasswordHashAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(user.PasswordHash);

    public Task<bool> HasPasswordAsync(StaffUser user, CancellationToken cancellationToken) =>
        Task.FromResult(user.PasswordHash is not null);

    public Task SetEmailAsync(StaffUser user, string? email, CancellationToken cancellationToken) => Set(() => user.Email = email ?? "");

    public Task<string?> GetEmailAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult<string?>(user.Email);

    public Task<bool> GetEmailConfirmedAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(user.EmailConfirmed);

    public Task SetEmailConfirmedAsync(StaffUser user, bool confirmed, CancellationToken cancellationToken) =>
        Set(() => user.EmailConfirmed = confirmed);

    public Task<string?> GetNormalizedEmailAsync(StaffUser user, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(user.NormalizedEmail);

    public Task SetNormalizedEmailAsync(StaffUser user, string? normalizedEmail, CancellationToken cancellationToken) =>
        Set(() => user.NormalizedEmail = normalizedEmail ?? "");

    public Task SetSecurityStampAsync(StaffUser user, string stamp, CancellationToken cancellationToken) =>
        Set(() => user.SecurityStamp = stamp);

    public Task<string?> GetSecurityStampAsync(StaffUser user, CancellationToken cancellationToken) =>
        Task.FromResult<string?>(user.SecurityStamp);

    public Task<DateTimeOffset?> GetLockoutEndDateAsync(StaffUser user, CancellationToken cancellationToken) =>
        Task.FromResult(user.LockoutEnd);

    public Task SetLockoutEndDateAsync(StaffUser user, DateTimeOffset? lockoutEnd, CancellationToken cancellationToken) =>
        Set(() => user.LockoutEnd = lockoutEnd);

    public Task<int> IncrementAccessFailedCountAsync(StaffUser user, CancellationToken cancellationToken) =>
        Task.FromResult(++user.AccessFailedCount);

    public Task ResetAccessFailedCountAsync(StaffUser user, CancellationToken cancellationToken) => Set(() => user.AccessFailedCount = 0);

    public Task<int> GetAccessFailedCountAsync(StaffUser user, CancellationToken cancellationToken) =>
        Task.FromResult(user.AccessFailedCount);

    public Task<bool> GetLockoutEnabledAsync(StaffUser user, CancellationToken cancellationToken) => Task.FromResult(user.LockoutEnabled);

    public Task SetLockoutEnabledAsync(StaffUser user, bool enabled, CancellationToken cancellationToken) =>
        Set(() => user.LockoutEnabled = enabled);

    public Task SetTwoFactorEnabledAsync(StaffUser user, bool enabled, CancellationToken cancellationToken) =>
        Set(() => user.TwoFactorEnabled = enabled);

    public Task<bool> GetTwoFactorEnabledAsync(StaffUser user, CancellationToken cancellationToken) =>
        Task.FromResult(user.TwoFactorEnabled);

    // The TOTP key is sealed at once, bound to the person's id: a sealed key copied to another row does not open.
    public Task SetAuthenticatorKeyAsync(StaffUser user, string key, CancellationToken cancellationToken)
    {
        var (nonce, sealedKey) = keys.Seal(Encoding.UTF8.GetBytes(key), user.Id.ToByteArray());
        return Set(() => (user.AuthenticatorSealed, user.AuthenticatorKeyId, user.AuthenticatorNonce) = (sealedKey, keys.CurrentId, nonce));
    }

    public Task<string?> GetAuthenticatorKeyAsync(StaffUser user, CancellationToken cancellationToken) =>
        Task.FromResult(user is { AuthenticatorSealed: { } sealedKey, AuthenticatorKeyId: { } keyId, AuthenticatorNonce: { } nonce }
            ? Encoding.UTF8.GetString(keys.Open(keyId, nonce, sealedKey, user.Id.ToByteArray()))
            : null);

    // Recovery codes are kept as hashes: the person sees them once, when they are made.
    public Task ReplaceCodesAsync(StaffUser user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken) =>
        Set(() => user.RecoveryCodeHashes = [.. recoveryCodes.Select(Hash)]);

    public Task<bool> RedeemCodeAsync(StaffUser user, string code, CancellationToken cancellationToken)
    {
        var hash = Hash(code);
        var match = user.RecoveryCodeHashes.FirstOrDefault(
            h => CryptographicOperations.FixedTimeEquals(Convert.FromHexString(h), Convert.FromHexString(hash)));
        if (match is null)
            return Task.FromResult(false);
        user.RecoveryCodeHashes = [.. user.RecoveryCodeHashes.Where(h => h != match)];
        return Task.FromResult(true);
    }

    public Task<int> CountCodesAsync(StaffUser user, CancellationToken cancellationToken) =>
        Task.FromResult(user.RecoveryCodeHashes.Length);

    private static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim())));

    // One role per person in their organisation (ARCHITECTURE §8): adding a role replaces it.
    public Task AddToRoleAsync(StaffUser user, string roleName, CancellationToken cancellationToken) =>
        Set(() => user.Role = Role(roleName));

    public Task RemoveFromRoleAsync(StaffUser user, string roleName, CancellationToken cancellationToken) =>
        throw new NotSupportedException("A staff user always has one role: give another one instead.");

    public Task<IList<string>> GetRolesAsync(StaffUser user, CancellationToken cancellationToken) =>
        Task.FromResult<IList<string>>([user.Role]);

    public Task<bool> IsInRoleAsync(StaffUser user, string roleName, CancellationToken cancellationToken) =>
        Task.FromResult(string.Equals(user.Role, roleName, StringComparison.OrdinalIgnoreCase));

    // Across organisations this would leak who works where: not offered.
    public Task<IList<StaffUser>> GetUsersInRoleAsync(string roleName, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Users are listed per organisation (StaffDirectory).");

    private static string Role(string name) =>
        StaffRoles.All.FirstOrDefault(r => string.Equals(r, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown role '{name}'. Expected one of: {string.Join(", ", StaffRoles.All)}.", nameof(name));

    private static Task Set(Action set)
    {
        set();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
    }
}
