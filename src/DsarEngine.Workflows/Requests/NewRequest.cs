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

    public Representative? Representative { get; init; }
}

// The person who made the request for the subject, and how they stand to them. Personal data: never logged.
internal sealed record Representative(string Relationship, string Name, string Email)
{
    // A parent (or guardian) for a child, a representative (a lawyer, an attorney under a power), an authorised agent
    // (CCPA regulations §7063: acting with the consumer's signed permission).
    public static readonly IReadOnlyList<string> Relationships = ["parent", "representative", "authorised-agent"];
}
