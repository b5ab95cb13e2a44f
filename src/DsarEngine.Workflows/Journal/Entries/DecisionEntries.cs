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

// GDPR Art. 21(3): an objection to direct marketing is absolute, so the assess step passed without a person.
internal sealed record AssessmentNotNeededEntry(string Step, string Purpose) : IJournalData
{
    public static string JournalKind => JournalKinds.AssessmentNotNeeded;
}

// GDPR Art. 21(1): the grounds weighed and whether they override the objection (no, in-part, yes).
internal sealed record ObjectionAssessedEntry(string Step, string Grounds, string Overrides) : IJournalData
{
    public static string JournalKind => JournalKinds.ObjectionAssessed;
}

// GDPR Art. 22(3), 15(1)(h): the human review of an automated decision.
internal sealed record AutomatedDecisionReviewedEntry(
    string Step, string Result, string Explanation, string Logic, string Significance, string Consequences) : IJournalData
{
    public static string JournalKind => JournalKinds.AutomatedDecisionReviewed;
}
