using System.Security.Claims;
using DsarEngine.Server.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Accounts;

// A signed-in person carries the same claims as an API key (StaffClaims): their organisation, its slug and their role,
// so that every service scopes by tenant and checks the role the same way for the inbox and the API. Made again at each
// sign-in and at each stamp check (within a minute), so a change of role or of sign-in policy reaches open sessions.
internal sealed class StaffPrincipalFactory(UserManager<StaffUser> users, IOptions<IdentityOptions> options, SignInPolicies policies)
    : UserClaimsPrincipalFactory<StaffUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffClaims.TenantId, user.TenantId.ToString()));
        identity.AddClaim(new Claim(StaffClaims.TenantSlug, user.TenantSlug));
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role));
        identity.AddClaim(new Claim(StaffClaims.DisplayName, user.DisplayName));
        // The organisation asks for a second factor and this person has neither an authenticator app nor a passkey: the
        // inbox stays closed to them until they set one up (SecondFactorGate).
        if (!user.TwoFactorEnabled && await policies.SecondFactorRequiredAsync(user.TenantId, CancellationToken.None)
            && (await UserManager.GetPasskeysAsync(user)).Count == 0)
            identity.AddClaim(new Claim(StaffClaims.SecondFactorMissing, "true"));
        return identity;
    }
}
