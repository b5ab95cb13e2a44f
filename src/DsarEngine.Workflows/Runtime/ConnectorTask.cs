namespace DsarEngine.Workflows.Runtime;

// One connector's share of a fan-out step. The id is derived (request, step, connector), so a retry resends the
// same task; Attempt counts the sends and names each send's message.
internal sealed record ConnectorTask(Guid TaskId, string StepId, string Connector, string Action, string Status, string? Detail)
{
    public string Kind { get; init; } = ConnectorKinds.Bus;

    public int Attempt { get; init; } = 1;

    // Attempts the engine refused itself before calling (the connector's circuit was open): they do not use up the
    // task's retries, since the connector never saw them (ConnectorFailureCodes.CircuitOpen). Zero in older instances.
    public int NotReached { get; init; }

    // For completed-manually: what the person recorded (done, partial or not-found).
    public string? Outcome { get; init; }

    public IReadOnlyList<RetainedItem> Retained { get; init; } = [];

    public IReadOnlyList<string> Recipients { get; init; } = [];

    public ExportRef? Export { get; init; }

    public string? Note { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    // When the command now running was sent (the first send, or the latest resend): the connector's latency is measured
    // from here (EngineMetrics). Null in instances older than the field, and for tasks that were never sent.
    public DateTimeOffset? SentAt { get; init; }

    public bool IsTerminal => ConnectorTaskStatus.Terminal.Contains(Status);

    // The outcome that counts for the response: the connector's, or the person's when completed by hand.
    public string EffectiveOutcome => Status == ConnectorTaskStatus.CompletedManually ? Outcome ?? Status : Status;
}

// Data a system kept and why (GDPR Art. 17(3)); RetainUntil when known.
internal sealed record RetainedItem(string Category, string LegalBasis, DateOnly? RetainUntil);

// A category a partial erasure keeps (GDPR Art. 17(3)), and why; System null for every system.
internal sealed record ErasureExemption(string Category, string LegalBasis, string? System);

// An exported document in the engine's encrypted store (connector_exports), checked against its digest.
internal sealed record ExportRef(Guid ExportId, long Bytes, string Sha256, int Records, IReadOnlyList<string> Categories)
{
    // GDPR Art. 15(3): the files that came with the document (photos, call recordings), each checked and stored the same way.
    public IReadOnlyList<ExportFileRef> Files { get; init; } = [];
}

// One exported file in the encrypted store, under its own id; Scope: what the system said about it (portability).
internal sealed record ExportFileRef(Guid FileId, string Name, string MediaType, long Bytes, string Sha256, string? Category)
{
    public Packs.PortabilityScope.Facts Scope { get; init; } = Packs.PortabilityScope.Facts.None;
}

internal static class ConnectorFailureCodes
{
    // The engine did not call the connector: its circuit breaker was open after repeated failures (of any task).
    public const string CircuitOpen = "circuit-open";

    // How many such refusals one task may take without using up a retry (a minute apart: about 100 minutes of an open
    // circuit): past it they count as failures, so a circuit that never closes for this task still ends with a person
    // looking, not with a task retried for ever. Ten were too few for a burst of tasks retried at one moment against a
    // circuit that each first call reopens (PartConnectorTests, 40 tasks).
    public const int MaxNotReached = 100;
}

internal static class ConnectorTaskStatus
{
    public const string Sent = "sent";
    public const string Acknowledged = "acknowledged";
    public const string Retrying = "retrying";
    public const string Done = "done";
    public const string Partial = "partial";
    public const string NotFound = "not-found";
    public const string Failed = "failed";
    public const string TimedOut = "timed-out";
    public const string CompletedManually = "completed-manually";

    public static readonly IReadOnlySet<string> Terminal = new HashSet<string>(StringComparer.Ordinal)
    {
        Done, Partial, NotFound, Failed, TimedOut, CompletedManually,
    };

    // Terminal, but a person has to look before the workflow moves on.
    public static readonly IReadOnlySet<string> NeedsAttention = new HashSet<string>(StringComparer.Ordinal) { Failed, TimedOut };

    // A final answer: a later reply for the same task changes nothing.
    public static readonly IReadOnlySet<string> Answered =
        new HashSet<string>(StringComparer.Ordinal) { Done, Partial, NotFound, CompletedManually };
}
