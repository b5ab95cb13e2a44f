namespace DsarEngine.Workflows.Journal.Entries;

// The assess and review steps, and the decisions people take at them.
// Type: the step type (assess | review).
internal sealed record AwaitingDecisionEntry(string Step, string Type) : IJournalData
{
    public static string JournalKind => JournalKinds.AwaitingDecision;
}

// Outcome: proceed | partial | refuse at an assessment, approve | reject at a review (Decisions).
internal sealed record DecidedEntry(string Step, string Outcome, string? Reason, IReadOnlyList<string> Exemptions) : IJournalData
{
    public static string JournalKind => JournalKinds.Decided;

    // A partial erasure's kept categories (GDPR Art. 17(3)); absent otherwise, so older entries keep their shape.
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<Runtime.ErasureExemption>? Keep { get; init; }
}

internal sealed record ReviewNotRequiredEntry(string Step) : IJournalData
{
    public static string JournalKind => JournalKinds.ReviewNotRequired;
}
