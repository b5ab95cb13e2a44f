namespace DsarEngine.Workflows.Runtime;

// Per-instance facts gathered along the way (stored as JSON). Only the executor writes it.
internal sealed record InstanceState
{
    public bool IdentityVerified { get; init; }

    // completed | partial | refused, once decided
    public string? Outcome { get; init; }

    public string? RefusalReason { get; init; }

    public IReadOnlyList<string> Exemptions { get; init; } = [];

    public IReadOnlyList<ConnectorTask> Tasks { get; init; } = [];
}

// One connector's share of a fan-out step.
internal sealed record ConnectorTask(Guid TaskId, string StepId, string Connector, string Action, string Status, string? Detail)
{
    public bool IsTerminal => ConnectorTaskStatus.Terminal.Contains(Status);
}

internal static class ConnectorTaskStatus
{
    public const string Sent = "sent";
    public const string Acknowledged = "acknowledged";
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
}
