using System.Security.Claims;
using Dapper;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace DsarEngine.Server.Accounts;

internal sealed record PasskeyListing(string Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt)
{
    private PasskeyListing() : this("", "", default, null) { }
}

internal enum PasskeyAdded { Added, Refused, NoCeremony }

// The signed-in person's own passkeys: the browser's ceremony goes through Identity (SignInManager keeps its challenge
// in a short-lived cookie between the two requests), the result is stored under the name the person chose.
internal sealed class StaffPasskeys(UserManager<StaffUser> users, SignInManager<StaffUser> signIn, NpgsqlDataSource dataSource)
{
    public const int MaxNameLength = 100;

    // Identity's user handle is the person's id (no personal data on the authenticator but the sign-in name they see).
    public async Task<string?> CreationOptionsAsync(ClaimsPrincipal principal)
    {
        if (await users.GetUserAsync(principal) is not { } user)
            return null;
        return await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = user.Id.ToString(), Name = user.UserName, DisplayName = user.DisplayName,
        });
    }

    public async Task<PasskeyAdded> AddAsync(ClaimsPrincipal principal, string name, string credentialJson)
    {
        if (await users.GetUserAsync(principal) is not { } user)
            return PasskeyAdded.Refused;
        PasskeyAttestationResult result;
        try
        {
            result = await signIn.PerformPasskeyAttestationAsync(credentialJson);
        }
        catch (InvalidOperationException)
        {
            // No creation options were asked for in this browser (or they were used already): nothing to check against.
            return PasskeyAdded.NoCeremony;
        }
        // The challenge was made for this person: a ceremony started by someone else's session is not theirs to keep.
        if (!result.Succeeded || result.UserEntity.Id != user.Id.ToString())
            return PasskeyAdded.Refused;
        result.Passkey.Name = name.Trim();
        if (!(await users.AddOrUpdatePasskeyAsync(user, result.Passkey)).Succeeded)
            return PasskeyAdded.Refused;
        await signIn.RefreshSignInAsync(user);
        return PasskeyAdded.Added;
    }

    private const string ListSql = """
        SELECT encode(credential_id, 'base64') AS id, coalesce(name, 'Passkey') AS name, created_at, last_used_at FROM staff_passkeys
        WHERE user_id = @UserId AND tenant_id = @TenantId ORDER BY created_at, credential_id
        """;

    public async Task<IReadOnlyList<PasskeyListing>> ListAsync(ClaimsPrincipal principal, CancellationToken ct)
    {
        if (await users.GetUserAsync(principal) is not { } user)
            return [];
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return [.. await c.QueryAsync<PasskeyListing>(
            new CommandDefinition(ListSql, new { UserId = user.Id, user.TenantId }, cancellationToken: ct))];
    }

    // Only one of the person's own: the store deletes by credential id, person and organisation together.
    public async Task<bool> RemoveAsync(ClaimsPrincipal principal, string id)
    {
        if (await users.GetUserAsync(principal) is not { } user || !TryDecode(id, out var credentialId)
            || await users.GetPasskeyAsync(user, credentialId) is null)
            return false;
        if (!(await users.RemovePasskeyAsync(user, credentialId)).Succeeded)
            return false;
        await signIn.RefreshSignInAsync(user);
        return true;
    }

    private static bool TryDecode(string id, out byte[] bytes)
    {
        bytes = new byte[id.Length];
        if (Convert.TryFromBase64String(id, bytes, out var written) && written > 0)
        {
            bytes = bytes[..written];
            return true;
        }
        return false;
    }
}
