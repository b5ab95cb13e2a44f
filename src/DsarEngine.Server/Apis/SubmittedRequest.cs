using DsarEngine.Workflows.Persistence;

namespace DsarEngine.Server.Apis;

// What the submitter gets back: how to follow the request. No personal data.
internal sealed record SubmittedRequest(string Reference, string Status, string StatusUrl, string StatusToken, DateTimeOffset ReceivedAt)
{
    public static SubmittedRequest From(StoredRequest request, string statusUrl, string token) =>
        new(request.Reference, request.Status, statusUrl, token, request.ReceivedAt);
}

// The public status view: safe to show to whoever holds the link, so it carries no personal data.
internal sealed record RequestStatusView(string Reference, string Right, string Status, string Regime, DateTimeOffset ReceivedAt)
{
    public static RequestStatusView From(StoredRequest request) =>
        new(request.Reference, request.RightKind, request.Status, request.Regime, request.ReceivedAt);
}
