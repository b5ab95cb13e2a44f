using System.Security.Claims;
using DsarEngine.Server.Platform;
using Microsoft.AspNetCore.Identity;

namespace DsarEngine.Server.Accounts.SingleSignOn;

// A person the organisation's IdP vouched for becomes a staff user of that organisation, and of no other: the tenant is
// the scheme's, never something in the token or the URL. Their role comes from their groups at every sign-in.
internal sealed partial class SsoSignIn(SsoStore store, SsoLogins logins, UserManager<StaffUser> users, SignInManager<StaffUser> signIn,
    TimeProvider clock, ILogger<SsoSignIn> log)
{
    // Null when the person is signed in; otherwise the refusal (SsoRefusals), with nothing created.
    public async Task<string?> SignInAsync(HttpContext http, Guid tenantId, ClaimsPrincipal person, CancellationToken ct)
    {
        var refusal = await RefusalOrSignInAsync(http, tenantId, person, ct);
        LogOutcome(log, tenantId, refusal ?? "signed-in");
        return refusal;
    }

    private async Task<string?> RefusalOrSignInAsync(HttpContext http, Guid tenantId, ClaimsPrincipal person, CancellationToken ct)
    {
        // Read again: the settings may have changed (or single sign-on been turned off) since the person left for the IdP.
        if (await store.FindAsync(tenantId, ct) is not { Enabled: true } settings)
            return SsoRefusals.Unavailable;
        var (outcome, role) = SsoRoles.Resolve(person.FindAll(settings.GroupsClaim).Select(c => c.Value), settings.GroupRoles);
        if (outcome == SsoRoleOutcome.NoMappedGroup)
            return SsoRefusals.NoRole;
        if (outcome == SsoRoleOutcome.Ambiguous)
            return SsoRefusals.Ambiguous;
        var subject = person.FindFirst("sub");
        if (subject is null)
            return SsoRefusals.Failed;
        var issuer = person.FindFirst("iss")?.Value ?? subject.Issuer;
        var user = await FindOrLinkAsync(settings, issuer, subject.Value, person, role!, ct);
        if (user.Refusal is not null)
            return user.Refusal;
        var staff = user.User!;
        if (await users.IsLockedOutAsync(staff))
            return SsoRefusals.Disabled;
        if (staff.Role != role)
        {
            // The IdP's groups decide the role (an admin's change on the People screen lasts until the next sign-in).
            staff.Role = role!;
            var updated = await users.UpdateAsync(staff);
            if (!updated.Succeeded)
                return SsoRefusals.Failed;
        }
        await logins.TouchAsync(tenantId, issuer, subject.Value, ct);
        await signIn.SignInAsync(staff, isPersistent: false, authenticationMethod: StaffClaims.SingleSignOnMethod);
        return null;
    }

    private async Task<(StaffUser? User, string? Refusal)> FindOrLinkAsync(SsoSettings settings, string issuer, string subject,
        ClaimsPrincipal person, string role, CancellationToken ct)
    {
        if (await logins.FindUserAsync(settings.TenantId, issuer, subject, ct) is { } linked)
            return await users.FindByIdAsync(linked.ToString()) is { } known ? (known, null) : (null, SsoRefusals.Failed);
        // First sign-in: the person is matched to an account of this organisation by the address their IdP vouches for,
        // once; from then on by issuer and subject only (an address can change or be reassigned at the IdP).
        var email = person.FindFirst("email")?.Value?.Trim();
        if (email is not { Length: > 3 and <= 254 } || !email.Contains('@', StringComparison.Ordinal)
            || string.Equals(person.FindFirst("email_verified")?.Value, "false", StringComparison.OrdinalIgnoreCase))
            return (null, SsoRefusals.NoAddress);
        var user = await users.FindByNameAsync(StaffUserNames.Of(settings.TenantSlug, email));
        if (user is null)
        {
            if (!settings.JustInTime)
                return (null, SsoRefusals.NotInvited);
            user = new StaffUser
            {
                Id = Guid.CreateVersion7(clock.GetUtcNow()), TenantId = settings.TenantId, TenantSlug = settings.TenantSlug,
                UserName = StaffUserNames.Of(settings.TenantSlug, email), Email = email, Role = role, EmailConfirmed = true,
                DisplayName = person.FindFirst("name")?.Value is { Length: > 0 and <= 100 } name ? name : email,
                CreatedAt = clock.GetUtcNow(),
            };
            // No password: this person signs in through the IdP only.
            if (!(await users.CreateAsync(user)).Succeeded)
                return (null, SsoRefusals.Failed);
        }
        if (!await logins.LinkAsync(settings.TenantId, issuer, subject, user.Id, ct))
            return (null, SsoRefusals.LinkedElsewhere);
        if (!user.EmailConfirmed)
        {
            // An invited person's first sign-in through the IdP confirms the address the invitation went to.
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }
        return (user, null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Single sign-on to tenant {TenantId}: {Outcome}")]
    private static partial void LogOutcome(ILogger logger, Guid tenantId, string outcome);
}
