namespace DsarEngine.Workflows.Runtime;

// Read-only facts the executor may use: the request, the tenant's connectors, the clock. Loaded by the
// signal processor inside the transaction; the executor itself does no I/O.
internal sealed record StepContext(
    DateTimeOffset Now,
    string Right,
    string Reference,
    bool ClockStops,
    DateTimeOffset? DueAt,
    IReadOnlyList<ConnectorInfo> Connectors)
{
    // The request's legal clock and the organisation's closure days, for commands that change the clock.
    public Requests.RequestClock? Clock { get; init; }

    public IReadOnlyList<Deadlines.ClosureDay> Closures { get; init; } = [];

    // Whether render-pack steps render (the host's Dsar:Packs:Render); off, the step records the outcome and moves on.
    public bool RendersPacks { get; init; }

    // How long a render-pack step waits for the renderer before a person is asked to look (Dsar:Packs:RenderTimeoutMinutes).
    public TimeSpan RenderTimeout { get; init; } = TimeSpan.FromMinutes(60);

    // How the request came (web-form, api, email, post, phone, in-person, controller), and whether the subject can be
    // e-mailed: a request on paper, by phone or in person, or without an address, gets its notices as letters to post.
    public string Channel { get; init; } = "api";

    public bool HasEmail { get; init; } = true;

    // What the organisation's identity policy asks of this request (IdentityChecks: none | email | manual).
    public string IdentityCheck { get; init; } = Requests.IdentityChecks.Email;

    // The purpose an objection or a consent withdrawal names (ObjectionPurposes); null for the other rights.
    public string? Purpose { get; init; }

    // The organisation's legal holds in force today (GDPR Art. 17(3)(b), (e)): every erase command keeps their categories.
    public IReadOnlyList<LegalHold> LegalHolds { get; init; } = [];

    // GDPR Art. 20(2): the controller a portability answer is also sent to directly, when the subject asked for it and
    // nobody recorded that it is not technically feasible; null otherwise.
    public string? TransmitTo { get; init; }

    public bool PaperNotices => Channel != "controller" && (Channel is "post" or "phone" or "in-person" || !HasEmail);
}

// A registered connector as the executor sees it. Kind: bus | http | opendsr | manual (a person does the task).
internal sealed record ConnectorInfo(
    string Name, IReadOnlyList<string> Actions, int TimeoutHours, string Kind = ConnectorKinds.Bus, bool NeedsReview = false);

// A legal hold of the organisation's register: a category kept on a basis until a date (null: until ended), in these
// systems (empty: every system).
internal sealed record LegalHold(string Category, string LegalBasis, DateOnly? Until, IReadOnlyList<string> Systems)
{
    public bool Covers(string connector) => Systems.Count == 0 || Systems.Contains(connector);
}

internal static class ConnectorKinds
{
    public const string Bus = "bus";
    public const string Http = "http";
    public const string OpenDsr = "opendsr";
    public const string Manual = "manual";

    public static readonly IReadOnlyList<string> All = [Bus, Http, OpenDsr, Manual];
}
