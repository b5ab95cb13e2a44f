namespace DsarEngine.Connectors.Contracts;

/// <summary>
/// A command to a connector: do <see cref="Action"/> for the data subject identified by
/// <see cref="Identities"/> in the system the connector owns. Sent to the connector's own queue
/// (<c>dsar-connector-&lt;name&gt;</c>). A connector may receive the same command twice (same
/// <see cref="IdempotencyKey"/>) and must then do the work once and answer again.
/// </summary>
/// <param name="RequestId">The engine's id of the data-subject request.</param>
/// <param name="TaskId">This connector's task within the request; quote it in the reply.</param>
/// <param name="Tenant">The controller organisation's slug.</param>
/// <param name="Connector">The connector's registered name.</param>
/// <param name="Action">One of <c>locate</c>, <c>export</c>, <c>rectify</c>, <c>erase</c>, <c>restrict</c>, <c>lift-restriction</c>, <c>stop-processing</c>.</param>
/// <param name="Right">The right being exercised (see <see cref="DataSubjectRights"/>).</param>
/// <param name="Identities">Every identity the controller knows for the subject.</param>
/// <param name="IdempotencyKey">Stable across redeliveries and retries of this task.</param>
public sealed record PerformConnectorAction(
    Guid RequestId,
    Guid TaskId,
    string Tenant,
    string Connector,
    string Action,
    string Right,
    IReadOnlyList<SubjectIdentity> Identities,
    string IdempotencyKey);

/// <summary>One way of finding the subject: a type from <see cref="SubjectIdentityTypes"/> and its value.</summary>
/// <param name="Type">The identity type.</param>
/// <param name="Value">The identifier itself.</param>
public sealed record SubjectIdentity(string Type, string Value);
