using System.Security.Claims;
using DsarEngine.Server.Platform;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Accounts;

// A signed-in person carries the same claims as an API key (StaffClaims): their organisation, its slug and their role,
// so that every service scopes by tenant and checks the role the same way for the inbox and the API.
internal sealed class StaffPrincipalFactory(UserManager<StaffUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(StaffClaims.TenantId, user.TenantId.ToString()));
        identity.AddClaim(new Claim(StaffClaims.TenantSlug, user.TenantSlug));
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role));
        identity.AddClaim(new Claim(StaffClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
