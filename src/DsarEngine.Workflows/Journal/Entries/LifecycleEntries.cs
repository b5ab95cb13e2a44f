using System.Text.Json.Serialization;

namespace DsarEngine.Workflows.Journal.Entries;

// The instance's life: started, closed, and what an operator did to it. Definition: "<id>@<version>".
internal sealed record WorkflowStartedEntry(string Definition) : IJournalData
{
    public static string JournalKind => JournalKinds.WorkflowStarted;
}

// Outcome: completed | partial | refused.
internal sealed record ClosedEntry(string Outcome) : IJournalData
{
    public static string JournalKind => JournalKinds.Closed;
}

internal sealed record ClosedByOperatorEntry(string Step, string Reason) : IJournalData
{
    public static string JournalKind => JournalKinds.ClosedByOperator;
}

// Attempts: how often the step had stopped for a person before this retry.
internal sealed record RetriedEntry(string Step, int Attempts) : IJournalData
{
    public static string JournalKind => JournalKinds.Retried;
}

internal sealed record SkippedEntry(string Step, string Reason) : IJournalData
{
    public static string JournalKind => JournalKinds.Skipped;
}

internal sealed record TimersRearmedEntry(string Step, DateTimeOffset? DueAt) : IJournalData
{
    public static string JournalKind => JournalKinds.TimersRearmed;
}

// The instance stopped for a person. Step is left out (not null) where the signal processor writes it outside any step
// (a definition it cannot load, an executor crash): its entries have always been {error, attempts}.
internal sealed record IncidentEntry(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Step,
    string Error,
    int Attempts) : IJournalData
{
    public static string JournalKind => JournalKinds.Incident;
}
