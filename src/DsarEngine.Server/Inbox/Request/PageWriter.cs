using System.Security.Claims;

namespace DsarEngine.Server.Inbox.Request;

// The check every request-page action starts with: a writer (asked of InboxUser when the action runs, so an auditor's
// forged call is refused), and, where the action speaks for the organisation on this request, an agent only on the
// requests assigned to them (RequestAssignment). Either the person, or the refusal in words with nothing changed.
internal static class PageWriter
{
    public static async Task<(ClaimsPrincipal? User, ActionResult? Refused)> CheckAsync(InboxUser inboxUser,
        RequestAssignment? assignment, string reference, CancellationToken ct, string nothing = "Nothing was changed.")
    {
        ClaimsPrincipal user;
        try
        {
            user = await inboxUser.WriterAsync();
        }
        catch (InboxForbiddenException refused)
        {
            return (null, new(false, $"{refused.Message} {nothing}"));
        }
        return assignment is not null && await assignment.AgentMayNotActAsync(user, reference, ct) is { } notTheirs
            ? (null, new(false, notTheirs))
            : (user, null);
    }
}
