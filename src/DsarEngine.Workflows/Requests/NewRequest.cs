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
}
