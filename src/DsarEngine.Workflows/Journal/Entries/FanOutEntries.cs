namespace DsarEngine.Workflows.Journal.Entries;

// A fan-out step as a whole: the tasks sent, and how the step ended. Connectors: those sent a command now; Manual:
// those a person does.
internal sealed record FanOutEntry(
    string Step, string Action, IReadOnlyList<string> Connectors, IReadOnlyList<string> Manual) : IJournalData
{
    public static string JournalKind => JournalKinds.FanOut;
}

internal sealed record FanOutSkippedEntry(string Step, string Action, string Reason) : IJournalData
{
    public static string JournalKind => JournalKinds.FanOutSkipped;
}

internal sealed record FanOutCompletedEntry(string Step, IReadOnlyList<JournaledOutcome> Results) : IJournalData
{
    public static string JournalKind => JournalKinds.FanOutCompleted;
}

// The step's own timeout, which only instances from before per-task timeouts still have.
internal sealed record FanOutTimedOutEntry(string? Step, IReadOnlyList<string> Connectors) : IJournalData
{
    public static string JournalKind => JournalKinds.FanOutTimedOut;
}

// One task's outcome as the response counts it (ConnectorTask.EffectiveOutcome).
internal sealed record JournaledOutcome(string Connector, string Outcome);
