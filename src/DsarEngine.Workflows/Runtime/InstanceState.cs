namespace DsarEngine.Workflows.Runtime;

// Per-instance facts gathered along the way (stored as JSON). Only the executor writes it.
internal sealed record InstanceState
{
    public bool IdentityVerified { get; init; }

    // completed | partial | refused, once decided
    public string? Outcome { get; init; }

    // Why the request was refused, in whole (refused) or in part (partial): the subject's letter quotes it (Art. 12(4)).
    public string? RefusalReason { get; init; }

    public IReadOnlyList<string> Exemptions { get; init; } = [];

    // GDPR Art. 21(1): the objection's assessment, explained in the letter.
    public ObjectionAssessment? Assessment { get; init; }

    // GDPR Art. 22(3): the human review of an automated decision, explained in the letter.
    public AutomatedDecisionReview? AutomatedReview { get; init; }

    // A partial erasure's exemptions by category (GDPR Art. 17(3)): what each system must keep, sent with the erase command.
    public IReadOnlyList<ErasureExemption> Keep { get; init; } = [];

    // A restriction to be lifted (GDPR Art. 18(3)): the subject was told on the day of the signal; the lift commands go out
    // at this instant and not before.
    public DateTimeOffset? LiftAt { get; init; }

    // The response pack last rendered (response_packs.id).
    public Guid? PackId { get; init; }

    // Letters asked of the renderer so far (packs and identity-proof notices). Each render's command id derives from
    // its number, so every render is a new message, however often a letter is rejected and rendered again; and the
    // same one after a crash re-runs the transaction, since the number is saved with the state.
    public int Renders { get; init; }

    public IReadOnlyList<ConnectorTask> Tasks { get; init; } = [];
}
