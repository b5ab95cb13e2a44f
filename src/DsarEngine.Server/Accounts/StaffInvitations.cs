using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Dapper;
using DsarEngine.Server.Platform;
using DsarEngine.Workflows.Mail;
using DsarEngine.Workflows.Security;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace DsarEngine.Server.Accounts;

// An admin invites a person by e-mail with a role; the person follows the e-mailed link and chooses their password.
// Until then the account has no password, so nobody can sign in to it.
internal sealed class StaffInvitations(IServiceScopeFactory scopes, NpgsqlDataSource dataSource, TimeProvider clock)
{
    private static readonly EmailAddressAttribute EmailCheck = new();

    public async Task<StaffChangeResult> InviteAsync(ClaimsPrincipal by, string email, string displayName, string role,
        CancellationToken ct)
    {
        if (StaffAdmins.TenantOf(by) is not { } tenantId)
            return StaffChangeResult.Of(StaffChange.Refused);
        email = email.Trim();
        displayName = displayName.Trim();
        var errors = new List<string>();
        if (email.Length is 0 or > 254 || !EmailCheck.IsValid(email) || MailText.HasUnsafe(email))
            errors.Add("Give the person's e-mail address.");
        if (displayName.Length is 0 or > 100 || MailText.HasUnsafe(displayName))
            errors.Add("Give the person's name (up to 100 characters, on one line).");
        if (!StaffRoles.All.Contains(role))
            errors.Add($"Choose a role: {string.Join(", ", StaffRoles.All)}.");
        if (errors.Count > 0)
            return new StaffChangeResult(StaffChange.Invalid, errors);
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var slug = by.Slug();
        var user = new StaffUser
        {
            Id = Guid.CreateVersion7(clock.GetUtcNow()), TenantId = tenantId, TenantSlug = slug, UserName = StaffUserNames.Of(slug, email),
            Email = email, DisplayName = displayName, Role = role, CreatedAt = clock.GetUtcNow(),
        };
        // No password: the person chooses it from the invitation.
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
            return new StaffChangeResult(StaffChange.Invalid, [.. created.Errors.Select(e => e.Description)]);
        await StaffMail.EnqueueAsync(dataSource, user, MailTemplates.StaffInvitation, clock.GetUtcNow(), ct);
        return StaffChangeResult.Done;
    }

    // A fresh invitation for someone who has not chosen a password yet (the first expired, or never arrived).
    public async Task<StaffChangeResult> ResendAsync(ClaimsPrincipal by, Guid userId, CancellationToken ct)
    {
        if (StaffAdmins.TenantOf(by) is not { } tenantId)
            return StaffChangeResult.Of(StaffChange.Refused);
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (await users.FindByIdAsync(userId.ToString()) is not { } user || user.TenantId != tenantId)
            return StaffChangeResult.Of(StaffChange.NotFound);
        if (user.PasswordHash is not null)
            return StaffChangeResult.Invalid("This person has already accepted their invitation.");
        await StaffMail.EnqueueAsync(dataSource, user, MailTemplates.StaffInvitation, clock.GetUtcNow(), ct);
        return StaffChangeResult.Done;
    }

    private const string PendingSql = "SELECT id FROM staff_users WHERE tenant_id = @TenantId AND password_hash IS NULL";

    // The people of the organisation who have not accepted their invitation yet.
    public async Task<IReadOnlySet<Guid>> PendingAsync(Guid tenantId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return (await c.QueryAsync<Guid>(
            new CommandDefinition(PendingSql, new { TenantId = tenantId }, cancellationToken: ct))).ToHashSet();
    }

    // Whether the link can still be used: shown before the person types a password.
    public async Task<bool> IsValidAsync(Guid userId, string token)
    {
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        return await OpenAsync(users, userId, token) is not null;
    }

    public async Task<AccountLinkResult> AcceptAsync(Guid userId, string token, string password)
    {
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (await OpenAsync(users, userId, token) is not { } user)
            return new AccountLinkResult(AccountLinkOutcome.InvalidLink, []);
        // Following the link proved the address. Adding the password changes the security stamp: the link is spent.
        user.EmailConfirmed = true;
        var result = await users.AddPasswordAsync(user, password);
        if (result.Succeeded)
            return new AccountLinkResult(AccountLinkOutcome.Done, [], user.TenantSlug);
        // Someone else used the link a moment ago (the password exists now, or the row changed under us).
        if (result.Errors.Any(e => e.Code is "UserAlreadyHasPassword" or "ConcurrencyFailure"))
            return new AccountLinkResult(AccountLinkOutcome.InvalidLink, []);
        return new AccountLinkResult(AccountLinkOutcome.PasswordRefused, [.. result.Errors.Select(e => e.Description)]);
    }

    // The invited person if the token is theirs, unexpired and unused, and the account has not been disabled.
    private static async Task<StaffUser?> OpenAsync(UserManager<StaffUser> users, Guid userId, string token)
    {
        if (string.IsNullOrEmpty(token) || await users.FindByIdAsync(userId.ToString()) is not { } user)
            return null;
        if (user.PasswordHash is not null || StaffAdmins.IsDisabled(user.LockoutEnd))
            return null;
        return await users.VerifyUserTokenAsync(user, InvitationTokens.Provider, InvitationTokens.Purpose, token) ? user : null;
    }
}
