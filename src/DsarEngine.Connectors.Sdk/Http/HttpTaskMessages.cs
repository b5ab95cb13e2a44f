using DsarEngine.Connectors.Contracts;

namespace DsarEngine.Connectors;

/// <summary>
/// What the engine POSTs to an HTTP connector's <c>{endpoint}/dsar/v1/tasks</c> (docs/http-connectors.md), signed
/// with <see cref="HttpTaskSignature"/> and carrying an <c>Idempotency-Key</c> header equal to the task's key.
/// </summary>
/// <param name="Action">One of <see cref="ConnectorActions"/>.</param>
/// <param name="Task">The task; quote it back in a callback.</param>
/// <param name="Identities">The subject's identities.</param>
/// <param name="Changes">For <c>rectify</c>: the corrections.</param>
/// <param name="Purpose">For <c>stop-processing</c>: the purpose.</param>
/// <param name="Categories">For <c>export</c>: only these categories (empty for all).</param>
/// <param name="CallbackUrl">Where to POST the result in callback mode, signed the same way.</param>
public sealed record HttpTaskRequest(string Action, TaskReference Task, IReadOnlyList<SubjectIdentity> Identities,
    IReadOnlyList<FieldChange>? Changes, string? Purpose, IReadOnlyList<string>? Categories, string? CallbackUrl)
{
    /// <summary>For <c>rectify</c>: the subject's supplementary statement to keep with their data (GDPR Art. 16), if any.</summary>
    public string? SupplementaryStatement { get; init; }

    /// <summary>
    /// For <c>restrict</c>: the GDPR Art. 18(1) ground the subject gave, if any (as <see cref="RestrictProcessing.Reason"/>).
    /// </summary>
    public string? Reason { get; init; }

    /// <summary>
    /// For <c>erase</c>: the categories to keep and why (as <see cref="EraseSubjectData.Keep"/>); absent: erase everything.
    /// </summary>
    public IReadOnlyList<KeepCategory>? Keep { get; init; }

    /// <summary>For <c>stop-processing</c> after a consent withdrawal: as <see cref="StopProcessing.EraseConsentOnlyData"/>.</summary>
    public bool EraseConsentOnlyData { get; init; }

    /// <summary>
    /// For <c>stop-sale-sharing</c> and <c>limit-sensitive-use</c>: when the request was received (as
    /// <see cref="StopSaleAndSharing.ReceivedAt"/>); report the third parties told since then as recipients.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>For <c>stop-sale-sharing</c>: as <see cref="StopSaleAndSharing.GlobalPrivacyControl"/>.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public bool? GlobalPrivacyControl { get; init; }
}

/// <summary>
/// An HTTP connector's final answer: the body of a <c>200</c>, of a finished status poll, or of a callback. Exactly one
/// of <see cref="Outcome"/> and <see cref="Failure"/> is set.
/// </summary>
/// <param name="Task">In a callback: the task, quoted from the request.</param>
/// <param name="Outcome">One of <see cref="TaskOutcomes"/>.</param>
/// <param name="Summary">What was done; no personal data.</param>
/// <param name="Retained">What was kept and the legal basis for each (required for <c>partial</c>).</param>
/// <param name="Recipients">Recipients the data was disclosed to (GDPR Art. 19).</param>
/// <param name="Export">For an export: the document itself (the engine stores it sealed).</param>
/// <param name="Failure">When the task could not be done.</param>
public sealed record HttpTaskResult(TaskReference? Task, string? Outcome, string? Summary, IReadOnlyList<RetainedData>? Retained,
    IReadOnlyList<string>? Recipients, ExportDocument? Export, HttpTaskFailure? Failure)
{
    /// <summary>
    /// For an export: files about the subject (photos, call recordings), inline (<c>content</c> in base64), within the
    /// engine's result size (<c>Dsar:Connectors:Http:MaxResultBytes</c>, 16 MiB by default). The rules of
    /// <see cref="ExportFileRules"/> apply; a file that breaks one fails the task (<c>export-file-refused</c>).
    /// </summary>
    public IReadOnlyList<ExportedFile>? Files { get; init; }
}

/// <summary>A failed HTTP task.</summary>
/// <param name="Retryable">Whether the engine should try again later.</param>
/// <param name="Code">A short stable code.</param>
/// <param name="Reason">For the person who will look; no personal data.</param>
public sealed record HttpTaskFailure(bool Retryable, string Code, string Reason);

/// <summary>The body of a <c>202 Accepted</c>: in poll mode, where to ask for the result.</summary>
/// <param name="StatusUrl">
/// Absolute URL, or relative to the endpoint, answering <c>202</c> until the result is ready, then <c>200</c> with an
/// <see cref="HttpTaskResult"/>.
/// </param>
public sealed record HttpTaskAccepted(string? StatusUrl);
