namespace DsarEngine.Connectors.Contracts;

/// <summary>
/// A connector's answer to <see cref="PerformConnectorAction"/>, published by the connector. Answering
/// twice is harmless: the engine keeps the first final outcome of a task.
/// </summary>
/// <param name="RequestId">From the command.</param>
/// <param name="TaskId">From the command.</param>
/// <param name="Outcome">One of <see cref="ConnectorOutcomes"/>.</param>
/// <param name="Detail">What was done or why not; no personal data.</param>
public sealed record ConnectorActionCompleted(Guid RequestId, Guid TaskId, string Outcome, string? Detail);

/// <summary>The outcomes a connector can report.</summary>
public static class ConnectorOutcomes
{
    /// <summary>Received and being worked on; not final.</summary>
    public const string Acknowledged = "acknowledged";

    /// <summary>Done completely.</summary>
    public const string Done = "done";

    /// <summary>Done in part (e.g. some data retained under a legal obligation; say which in the detail).</summary>
    public const string Partial = "partial";

    /// <summary>The system holds no data about the subject.</summary>
    public const string NotFound = "not-found";

    /// <summary>The connector could not do it; a person will look.</summary>
    public const string Failed = "failed";
}
