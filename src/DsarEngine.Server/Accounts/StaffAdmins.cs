using System.Security.Claims;
using DsarEngine.Server.Platform;
using DsarEngine.Workflows.Security;

namespace DsarEngine.Server.Accounts;

// Who may manage the organisation's people: an admin, of their own organisation only. Every service method asks here
// when it runs, so a page that forgot to check (or a forged call) is refused all the same.
internal static class StaffAdmins
{
    // Disabling a person locks them out until this far-away date; a lockout after failed sign-ins lasts minutes.
    public static readonly DateTimeOffset DisabledUntil = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static Guid? TenantOf(ClaimsPrincipal by) =>
        by.Identity?.IsAuthenticated == true && by.IsInRole(StaffRoles.Admin)
            && Guid.TryParse(by.FindFirstValue(StaffClaims.TenantId), out var tenant)
            ? tenant : null;

    public static bool IsDisabled(DateTimeOffset? lockoutEnd) => lockoutEnd >= DisabledUntil.AddYears(-1);
}
