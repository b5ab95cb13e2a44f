namespace DsarEngine.Connectors.Contracts;

/// <summary>
/// Published when an erasure has been approved, before the connectors start, so that any system holding a copy
/// (a cache, a search index, a data warehouse) can erase it too. Raw JSON on the durable topic exchange
/// <see cref="ErasureExchanges.Requested"/> with routing key = tenant slug; no MassTransit needed to read it.
/// </summary>
/// <param name="EventId">Stable per event: deduplicate on it (it is also the AMQP <c>message_id</c>).</param>
/// <param name="Tenant">The controller organisation's slug.</param>
/// <param name="RequestId">The engine's id of the request.</param>
/// <param name="Identities">The identifiers to match the subject by (no name, no postal address, no free text).</param>
/// <param name="RequestedAt">When the erasure was approved.</param>
public sealed record SubjectErasureRequested(
    Guid EventId, string Tenant, Guid RequestId, IReadOnlyList<SubjectIdentity> Identities, DateTimeOffset RequestedAt);

/// <summary>
/// Published when every connector of the erasure has a final outcome. Carries no identity: it reports what
/// happened per system. On the durable topic exchange <see cref="ErasureExchanges.Erased"/>, routing key = tenant slug.
/// </summary>
/// <param name="EventId">Stable per event: deduplicate on it.</param>
/// <param name="Tenant">The controller organisation's slug.</param>
/// <param name="RequestId">The engine's id of the request, as in <see cref="SubjectErasureRequested"/>.</param>
/// <param name="Outcome"><c>completed</c> when every system erased or held nothing, <c>partial</c> when one kept data.</param>
/// <param name="Systems">Per connector: its final status and what it kept.</param>
/// <param name="CompletedAt">When the last connector answered.</param>
public sealed record SubjectErased(
    Guid EventId, string Tenant, Guid RequestId, string Outcome, IReadOnlyList<SystemErasureOutcome> Systems, DateTimeOffset CompletedAt);

/// <summary>One system's part in an erasure.</summary>
/// <param name="Connector">The connector's name.</param>
/// <param name="Status">done, partial, not-found, failed, timed-out or completed-manually.</param>
/// <param name="Retained">What was kept and why.</param>
public sealed record SystemErasureOutcome(string Connector, string Status, IReadOnlyList<RetainedData> Retained);

/// <summary>The exchanges erasure events are published on. These names are a contract: they never change.</summary>
public static class ErasureExchanges
{
    /// <summary>Topic exchange of <see cref="SubjectErasureRequested"/>; routing key = tenant slug.</summary>
    public const string Requested = "dsar.subject-erasure-requested";

    /// <summary>Topic exchange of <see cref="SubjectErased"/>; routing key = tenant slug.</summary>
    public const string Erased = "dsar.subject-erased";
}
