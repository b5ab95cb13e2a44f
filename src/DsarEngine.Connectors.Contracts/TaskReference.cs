namespace DsarEngine.Connectors.Contracts;

/// <summary>
/// Names one connector task: which request, which task, for whom. Every command carries one and every reply
/// quotes it back unchanged, so the engine can match the reply without any other state.
/// </summary>
/// <param name="RequestId">The engine's id of the data-subject request.</param>
/// <param name="TaskId">This connector's task within the request; stable across retries.</param>
/// <param name="Tenant">The controller organisation's slug.</param>
/// <param name="Connector">The connector's registered name.</param>
/// <param name="Right">The right being exercised (see <see cref="DataSubjectRights"/>).</param>
/// <param name="IdempotencyKey">Stable across redeliveries and retries of this task: do the work once per key.</param>
/// <param name="Attempt">1 for the first send, then 2, 3… when the engine retries after a retryable failure or a timeout.</param>
public sealed record TaskReference(
    Guid RequestId, Guid TaskId, string Tenant, string Connector, string Right, string IdempotencyKey, int Attempt)
{
    /// <summary>
    /// A secret the engine derived for this task, tenant, connector and attempt. Quote it back unchanged (the SDK does):
    /// the engine refuses a reply or export chunk without the token of a command it really sent, so nobody who did not
    /// receive the command can answer it.
    /// </summary>
    public string? ReplyToken { get; init; }
}

/// <summary>One way of finding the subject: a type from <see cref="SubjectIdentityTypes"/> and its value.</summary>
/// <param name="Type">The identity type.</param>
/// <param name="Value">The identifier itself.</param>
public sealed record SubjectIdentity(string Type, string Value);
