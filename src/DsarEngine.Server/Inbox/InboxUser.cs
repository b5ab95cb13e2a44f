using System.Security.Claims;
using DsarEngine.Server.Platform;
using DsarEngine.Workflows.Security;
using Microsoft.AspNetCore.Components.Authorization;

namespace DsarEngine.Server.Inbox;

// The signed-in person, as each component action sees them. Every action asks for its role here, on the server, at the
// moment it runs (a hidden button is a courtesy, not a check): an auditor's forged call is refused like a missing one.
internal sealed class InboxUser(AuthenticationStateProvider state)
{
    public async Task<ClaimsPrincipal> CurrentAsync() => (await state.GetAuthenticationStateAsync()).User;

    // The person if they may write (admin, privacy officer, agent); otherwise an InboxForbiddenException the page shows.
    public async Task<ClaimsPrincipal> WriterAsync() =>
        await RequireAsync(StaffRoles.Writers, "Your role can read but not change requests.");

    public async Task<ClaimsPrincipal> AdminAsync() =>
        await RequireAsync([StaffRoles.Admin], "Only an admin can change the organisation's settings.");

    public async Task<ClaimsPrincipal> RequireAsync(IReadOnlyCollection<string> roles, string refusal)
    {
        var user = await CurrentAsync();
        if (user.Identity?.IsAuthenticated != true || user.FindFirst(StaffClaims.TenantId) is null || !roles.Any(user.IsInRole))
            throw new InboxForbiddenException(refusal);
        return user;
    }
}

internal sealed class InboxForbiddenException(string message) : Exception(message);
