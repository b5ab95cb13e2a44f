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
    // Once the request is answered: what each system did, what it kept and why (GDPR Art. 17(3)). Organisational
    // facts only (system names, data categories, legal bases), never the data.
    public SystemResult[]? Results { get; init; }

    public static RequestStatusView From(StoredRequest request) =>
        new(request.Reference, request.RightKind, request.Status, request.Regime, request.ReceivedAt,
            request.ReceivedOn, request.EffectiveDue, request.Extended, request.Clock.OpenStop is not null);
}

internal sealed record SystemResult(string System, string Action, string Outcome, RetainedView[] Retained)
{
    public static SystemResult[] From(IEnumerable<Workflows.Runtime.ConnectorTask> tasks, IReadOnlyDictionary<string, string> names) =>
        [.. tasks.Select(t => new SystemResult(names.GetValueOrDefault(t.Connector) is { Length: > 0 } n ? n : t.Connector, t.Action, t.EffectiveOutcome,
            [.. t.Retained.Select(r => new RetainedView(r.Category, r.LegalBasis, r.RetainUntil))]))];
}

internal sealed record RetainedView(string Category, string LegalBasis, DateOnly? RetainUntil);
