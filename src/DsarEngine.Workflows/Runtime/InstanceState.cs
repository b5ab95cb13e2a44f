namespace DsarEngine.Workflows.Runtime;

// Per-instance facts gathered along the way (stored as JSON). Only the executor writes it.
internal sealed record InstanceState
{
    public bool IdentityVerified { get; init; }

    // completed | partial | refused, once decided
    public string? Outcome { get; init; }

    public string? RefusalReason { get; init; }

    public IReadOnlyList<string> Exemptions { get; init; } = [];

    // The response pack last rendered (response_packs.id).
    public Guid? PackId { get; init; }

    public IReadOnlyList<ConnectorTask> Tasks { get; init; } = [];
}
