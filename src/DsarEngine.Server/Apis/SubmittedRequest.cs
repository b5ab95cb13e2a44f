using DsarEngine.Workflows.Persistence;

namespace DsarEngine.Server.Apis;

// What the submitter gets back: how to follow the request. No personal data.
internal sealed record SubmittedRequest(string Reference, string Status, string StatusUrl, string StatusToken,
    DateTimeOffset ReceivedAt, DateOnly? ReceivedOn, DateOnly? DueOn)
{
    public static SubmittedRequest From(StoredRequest request, string statusUrl, string token) =>
        new(request.Reference, request.Status, statusUrl, token, request.ReceivedAt, request.ReceivedOn, request.EffectiveDue);
}

// The public status view: safe to show to whoever holds the link, so it carries no personal data.
// DueOn is the date the controller must answer by, in its own time zone; it moves when the deadline is
// extended (GDPR Art. 12(3)) or the clock is stopped while waiting for the subject.
internal sealed record RequestStatusView(string Reference, string Right, string Status, string Regime, DateTimeOffset ReceivedAt,
    DateOnly? ReceivedOn, DateOnly? DueOn, bool Extended, bool WaitingForYou)
{
    public static RequestStatusView From(StoredRequest request) =>
        new(request.Reference, request.RightKind, request.Status, request.Regime, request.ReceivedAt,
            request.ReceivedOn, request.EffectiveDue, request.Extended, request.Clock.OpenStop is not null);
}
