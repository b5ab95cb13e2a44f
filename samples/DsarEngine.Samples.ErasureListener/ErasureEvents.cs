namespace DsarEngine.Samples.ErasureListener;

// The listener's own view of the engine's JSON (docs/erasure-events.md): only the fields it needs.
public sealed record Identity(string Type, string Value);

public sealed record ErasureRequested(
    Guid EventId, string Tenant, Guid RequestId, IReadOnlyList<Identity> Identities, DateTimeOffset RequestedAt);

public sealed record SystemOutcome(string Connector, string Status);

public sealed record Erased(
    Guid EventId, string Tenant, Guid RequestId, string Outcome, IReadOnlyList<SystemOutcome> Systems, DateTimeOffset CompletedAt);
