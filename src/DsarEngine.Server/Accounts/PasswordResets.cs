using DsarEngine.Workflows.Mail;
using Microsoft.AspNetCore.Identity;
using Npgsql;

namespace DsarEngine.Server.Accounts;

// "Forgot your password?": a link by e-mail to the person's own address, on which they choose a new password. The
// answer to a request never says whether the person exists (the page shows the same sentence either way).
internal sealed class PasswordResets(IServiceScopeFactory scopes, NpgsqlDataSource dataSource, TimeProvider clock)
{
    public async Task RequestAsync(string organisation, string email, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.FindByNameAsync(StaffUserNames.Of(organisation.Trim().ToLowerInvariant(), email));
        // A disabled person gets nothing: their way back is through an admin. An invited one gets a link all the same
        // (setting a password from it is as good as accepting the invitation: both prove the address).
        if (user is null || StaffAdmins.IsDisabled(user.LockoutEnd))
            return;
        await StaffMail.EnqueueAsync(dataSource, user, MailTemplates.StaffPasswordReset, clock.GetUtcNow(), ct);
    }

    public async Task<bool> IsValidAsync(Guid userId, string token)
    {
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        return await OpenAsync(users, userId, token) is not null;
    }

    // Resetting changes the security stamp: the link is spent, and every open session ends at its next stamp check.
    public async Task<AccountLinkResult> ResetAsync(Guid userId, string token, string password)
    {
        using var scope = scopes.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (await OpenAsync(users, userId, token) is not { } user)
            return new AccountLinkResult(AccountLinkOutcome.InvalidLink, []);
        user.EmailConfirmed = true;
        var result = await users.ResetPasswordAsync(user, token, password);
        if (result.Succeeded)
            return new AccountLinkResult(AccountLinkOutcome.Done, [], user.TenantSlug);
        if (result.Errors.Any(e => e.Code is "InvalidToken" or "ConcurrencyFailure"))
            return new AccountLinkResult(AccountLinkOutcome.InvalidLink, []);
        return new AccountLinkResult(AccountLinkOutcome.PasswordRefused, [.. result.Errors.Select(e => e.Description)]);
    }

    private static async Task<StaffUser?> OpenAsync(UserManager<StaffUser> users, Guid userId, string token)
    {
        if (string.IsNullOrEmpty(token) || await users.FindByIdAsync(userId.ToString()) is not { } user
            || StaffAdmins.IsDisabled(user.LockoutEnd))
            return null;
        var valid = await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider,
            UserManager<StaffUser>.ResetPasswordTokenPurpose, token);
        return valid ? user : null;
    }
}
