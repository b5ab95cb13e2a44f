
namespace DsarEngine.Server.Requests;

// What the submitter gets back: how to follow the request. No personal data.
internal sealed record SubmittedRequest(string Reference, string Status, string StatusUrl, string StatusToken,
    DateTimeOffset ReceivedAt, DateOnly? ReceivedOn, DateOnly? DueOn)
{
    // When a processor passed the request on: the organisation that now holds and answers it, and who passed it.
    public string? Controller { get; init; }

    public string? RoutedBy { get; init; }

    // The same, said to the subject in the request's language (GDPR Art. 12(1)).
    public string? Message { get; init; }

    // Someone acts for the subject: the proof to send (a reply on the portal, or the form's upload); the request is held
    // until the organisation confirms it.
    public string? ProofRequired { get; init; }

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
            request.ReceivedOn, request.EffectiveDue, request.Extended,
            // The subject is awaited while their proof of identity is (the clock runs on unless a doubt stopped it) or while
            // the clock stands still for them; a finished request waits for nobody, even if its clock was stopped then.
            (request.Status == Workflows.Requests.RequestStatus.AwaitingIdentity || request.Clock.OpenStop is not null)
                && !Workflows.Requests.RequestStatus.Finished.Contains(request.Status));
}

internal sealed record SystemResult(string System, string Action, string Outcome, RetainedView[] Retained)
{
    public static SystemResult[] From(IEnumerable<Workflows.Runtime.ConnectorTask> tasks, IReadOnlyDictionary<string, string> names) =>
        [.. tasks.Select(t => new SystemResult(
            names.GetValueOrDefault(t.Connector) is { Length: > 0 } n ? n : t.Connector, t.Action, t.EffectiveOutcome,
            [.. t.Retained.Select(r => new RetainedView(r.Category, r.LegalBasis, r.RetainUntil))]))];
}

internal sealed record RetainedView(string Category, string LegalBasis, DateOnly? RetainUntil);

// A processor's answer for a workspace whose customer is not on this engine: whom to write to instead (GDPR Art. 28),
// told in the subject's language. Nothing of the subject's is in it.
internal sealed record ReferralView(
    string Status, string Workspace, string Controller, string? ContactEmail, string? ContactUrl, string Message)
{
    public static ReferralView From(IntakeResult.Referred r)
    {
        var (w, controller) = (r.Workspace, r.Workspace.ContactName ?? r.Workspace.DisplayName);
        return new("referred", w.DisplayName, controller, w.ContactEmail, w.ContactUrl, Workflows.Mail.RoutingNotices.Referred(
            r.Language, r.Processor.Name, w.DisplayName, controller, Workflows.Mail.RoutingNotices.Contact(w.ContactEmail, w.ContactUrl)));
    }
}
