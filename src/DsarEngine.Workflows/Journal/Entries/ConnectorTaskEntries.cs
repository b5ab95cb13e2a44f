using System.Text.Json.Serialization;
using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Workflows.Journal.Entries;

// One connector task of a fan-out: the connector's replies, its timers, and what a person did about it.
internal sealed record ConnectorAcknowledgedEntry(string Connector, string Action, string Stage) : IJournalData
{
    public static string JournalKind => JournalKinds.ConnectorAcknowledged;
}

// GDPR Art. 17(3), 19: what a system kept and why, and whom it had disclosed the data to.
internal sealed record ConnectorCompletedEntry(
    string Connector, string Action, string Outcome, string Summary, IReadOnlyList<RetainedItem> Retained,
    IReadOnlyList<string> Recipients, JournaledExport? Export, int Attempt) : IJournalData
{
    public static string JournalKind => JournalKinds.ConnectorCompleted;
}

// RetryAt only when the engine sends the task again by itself; left out (not null) when it does not.
internal sealed record ConnectorFailedEntry(
    string Connector, string Action, string Code, string Reason, bool Retryable, int Attempt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? RetryAt = null) : IJournalData
{
    public static string JournalKind => JournalKinds.ConnectorFailed;
}

internal sealed record ConnectorResentEntry(string Connector, string Action, int Attempt) : IJournalData
{
    public static string JournalKind => JournalKinds.ConnectorResent;
}

internal sealed record ConnectorTimedOutEntry(string Connector, string Action, int Attempt, int Hours) : IJournalData
{
    public static string JournalKind => JournalKinds.ConnectorTimedOut;
}

// Export: the id of the document the person uploaded, if any.
internal sealed record TaskCompletedManuallyEntry(
    string Connector, string Action, string Outcome, string Note, IReadOnlyList<RetainedItem> Retained, Guid? Export, string By)
    : IJournalData
{
    public static string JournalKind => JournalKinds.TaskCompletedManually;
}

internal sealed record TaskRetriedEntry(string Connector, string Action, int Attempt, string By) : IJournalData
{
    public static string JournalKind => JournalKinds.TaskRetried;
}

// An export as the journal names it: its id and digest, never its content.
internal sealed record JournaledExport(Guid ExportId, int Records, long Bytes, string Sha256);
