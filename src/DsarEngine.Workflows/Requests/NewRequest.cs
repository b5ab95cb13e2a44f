namespace DsarEngine.Workflows.Requests;

// A validated submission, ready to be stored. Built only by IntakeValidator.
internal sealed record NewRequest(
    string TenantSlug,
    Right Right,
    string? ObjectionPurpose,
    Subject Subject,
    string? Details,
    Channel Channel,
    string? Jurisdiction,
    string? Regime,
    string? Language,
    DateTimeOffset? ReceivedAt)
{
    public IReadOnlyList<RequestedChange> Changes { get; init; } = [];

    public string? Workspace { get; init; }

    // GDPR Art. 18(1): the ground of a restriction, when the subject gave one (RestrictionGrounds).
    public string? RestrictionGround { get; init; }

    // GDPR Art. 16: a supplementary statement completing the subject's data (rectification only).
    public string? Statement { get; init; }

    public Representative? Representative { get; init; }

    // For an appeal: the reference of the refused request it appeals.
    public string? AppealOf { get; init; }

    // Post-mortem instructions as structured fields (LIL art. 85); null keeps the free text of Details.
    public PostMortem? PostMortem { get; init; }

    // GDPR Art. 20(2): the controller a portability answer is also sent to, directly.
    public Transmission? TransmitTo { get; init; }
}

// The receiving controller of a direct transmission (GDPR Art. 20(2)): its name and the address its link and code go to.
internal sealed record Transmission(string Controller, string Email);

// The person who made the request for the subject, and how they stand to them. Personal data: never logged.
internal sealed record Representative(string Relationship, string Name, string Email)
{
    // A parent (or guardian) for a child, a representative (a lawyer, an attorney under a power), an authorised agent
    // (CCPA regulations §7063: acting with the consumer's signed permission).
    // After the subject's death (LIL art. 85): the person the subject designated, or an heir.
    public static readonly IReadOnlyList<string> Relationships = ["parent", "representative", "authorised-agent", "designee", "heir"];

    // For a living subject (the form's choices).
    public static readonly IReadOnlyList<string> ForLivingSubject = ["parent", "representative", "authorised-agent"];
}
