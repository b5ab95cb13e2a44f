namespace DsarEngine.Connectors.Contracts;

/// <summary>
/// The task has been received (<see cref="Stage"/> <c>acknowledged</c>) or is moving; not final. Published by
/// the connector. Optional: a connector may answer with a final reply straight away.
/// </summary>
/// <param name="Task">Quoted from the command.</param>
/// <param name="Stage"><c>acknowledged</c>, or a short word of the connector's choosing (e.g. <c>exporting</c>).</param>
/// <param name="Percent">0–100 when known.</param>
public sealed record ConnectorTaskProgressed(TaskReference Task, string Stage, int? Percent);

/// <summary>
/// The task is finished: done, partially done or nothing found. Published by the connector. Answering twice
/// is harmless: the engine keeps the first final answer of a task.
/// </summary>
/// <param name="Task">Quoted from the command.</param>
/// <param name="Outcome">One of <see cref="TaskOutcomes"/>.</param>
/// <param name="Summary">What was done, for the person reviewing and for the response letter; no personal data.</param>
/// <param name="Retained">For a partial erasure or restriction: what was kept and the legal basis for keeping it.</param>
/// <param name="Recipients">
/// Recipients to whom the data was disclosed, for the GDPR Art. 19 notice (names of organisations or systems); for
/// <see cref="StopSaleAndSharing"/> and <see cref="LimitSensitiveDataUse"/>, the third parties to notify under
/// 11 CCR §7026(f)(2) and §7027(g).
/// </param>
/// <param name="Export">For an export: the exported document, sent beforehand in <see cref="ExportChunkUploaded"/> messages.</param>
public sealed record ConnectorTaskCompleted(
    TaskReference Task,
    string Outcome,
    string Summary,
    IReadOnlyList<RetainedData> Retained,
    IReadOnlyList<string> Recipients,
    ExportManifest? Export);

/// <summary>The connector could not do the task. Published by the connector.</summary>
/// <param name="Task">Quoted from the command.</param>
/// <param name="Retryable">True when trying again later may work (system down, lock timeout); the engine then resends with backoff.</param>
/// <param name="Code">A short stable code of the connector's choosing (e.g. <c>unavailable</c>, <c>unsupported-action</c>).</param>
/// <param name="Reason">For the person who will look; no personal data.</param>
public sealed record ConnectorTaskFailed(TaskReference Task, bool Retryable, string Code, string Reason);

/// <summary>The final outcomes of <see cref="ConnectorTaskCompleted"/>.</summary>
public static class TaskOutcomes
{
    /// <summary>Done completely.</summary>
    public const string Done = "done";

    /// <summary>Done in part; <see cref="ConnectorTaskCompleted.Retained"/> says what was kept and why.</summary>
    public const string Partial = "partial";

    /// <summary>The system holds no data about the subject.</summary>
    public const string NotFound = "not-found";

    /// <summary>Every outcome.</summary>
    public static IReadOnlyList<string> All { get; } = [Done, Partial, NotFound];
}

/// <summary>Data kept despite an erasure or restriction, and why (GDPR Art. 17(3)).</summary>
/// <param name="Category">The data category, e.g. <c>invoices</c>.</param>
/// <param name="LegalBasis">The obligation or ground, e.g. <c>Code de commerce art. L123-22 (10-year accounting records)</c>.</param>
/// <param name="RetainUntil">When the data will be deleted, when known.</param>
public sealed record RetainedData(string Category, string LegalBasis, DateOnly? RetainUntil);
