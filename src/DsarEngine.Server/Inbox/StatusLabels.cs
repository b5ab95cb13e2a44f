using DsarEngine.Workflows.Requests;

namespace DsarEngine.Server.Inbox;

// A request's status in words for the privacy team. The API and the filters' values keep the codes (RequestStatus).
internal static class StatusLabels
{
    private static readonly Dictionary<string, string> Words = new(StringComparer.Ordinal)
    {
        [RequestStatus.Received] = "Received", [RequestStatus.AwaitingIdentity] = "Awaiting identity",
        [RequestStatus.InProgress] = "In progress", [RequestStatus.NeedsAttention] = "Needs attention",
        [RequestStatus.Completed] = "Completed", [RequestStatus.Refused] = "Refused", [RequestStatus.Closed] = "Closed",
        [RequestStatus.Withdrawn] = "Withdrawn",
    };

    public static string Of(string status) => Words.GetValueOrDefault(status) ?? status;
}
