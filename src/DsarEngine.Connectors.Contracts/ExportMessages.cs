namespace DsarEngine.Connectors.Contracts;

/// <summary>
/// Describes an exported document whose bytes went to the engine in <see cref="ExportChunkUploaded"/> messages
/// (a claim check: the data never travels in the reply itself). The document is UTF-8 JSON in the shape of
/// <see cref="ExportDocument"/>. The engine checks the digest and stores the document encrypted.
/// </summary>
/// <param name="ExportId">Names the chunks; new for each attempt.</param>
/// <param name="Chunks">How many chunks were sent (sequence 0 to Chunks-1).</param>
/// <param name="Bytes">Total size of the document.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the whole document.</param>
/// <param name="Records">Number of records across all categories.</param>
/// <param name="Categories">The data categories present.</param>
public sealed record ExportManifest(Guid ExportId, int Chunks, long Bytes, string Sha256, int Records, IReadOnlyList<string> Categories);

/// <summary>
/// One piece of an exported document, at most the engine's chunk size (128 KiB by default). Send every chunk before
/// the reply.
/// </summary>
/// <param name="Task">Quoted from the command.</param>
/// <param name="ExportId">As in the manifest.</param>
/// <param name="Sequence">0-based position.</param>
/// <param name="Data">The bytes (base64 in JSON).</param>
public sealed record ExportChunkUploaded(TaskReference Task, Guid ExportId, int Sequence, byte[] Data);

/// <summary>The JSON document a connector exports: the subject's data in one system, by category.</summary>
/// <param name="Connector">The connector's name.</param>
/// <param name="System">The system the data comes from, as a person would name it.</param>
/// <param name="Categories">The data, one entry per category.</param>
public sealed record ExportDocument(string Connector, string System, IReadOnlyList<ExportedCategory> Categories);

/// <summary>The records of one data category. Each record is a flat map of field name to value, so it fits a CSV row.</summary>
/// <param name="Category">The category, e.g. <c>contact-details</c>, <c>orders</c>, <c>support-tickets</c>.</param>
/// <param name="Records">The records.</param>
/// <remarks>
/// The scope properties tell the engine which records a portability answer (GDPR Art. 20) may hold; an access copy
/// (Art. 15(3)) holds every record whatever they say. A connector that sets none of them keeps working: its records are
/// included, and the letter says that the system did not state whether they qualify (docs/connectors.md).
/// </remarks>
public sealed record ExportedCategory(string Category, IReadOnlyList<IReadOnlyDictionary<string, string?>> Records)
{
    /// <summary>
    /// The lawful basis these records are processed on: <c>consent</c> (Art. 6(1)(a)), <c>explicit-consent</c> (Art. 9(2)(a)),
    /// <c>contract</c> (Art. 6(1)(b)), <c>legal-obligation</c>, <c>vital-interests</c>, <c>public-task</c> or
    /// <c>legitimate-interests</c>; null when the system does not say.
    /// </summary>
    public string? LegalBasis { get; init; }

    /// <summary>
    /// Where the records come from: <c>provided</c> (the subject gave them: a form, an upload, a message), <c>observed</c>
    /// (recorded from the subject's use of the service: activity, history, device data), <c>derived</c> (created by the
    /// controller from other data: scores, profiles, inferences) or <c>other-source</c> (obtained from someone else);
    /// null when the system does not say.
    /// </summary>
    public string? Origin { get; init; }

    /// <summary>False when the records are not processed by automated means (a paper file); null or true: automated.</summary>
    public bool? Automated { get; init; }

    /// <summary>True when every record of the category also concerns other people (GDPR Art. 20(4)).</summary>
    public bool ConcernsOthers { get; init; }

    /// <summary>Per-record exceptions to the category's scope (a record on another basis, a message naming a third party).</summary>
    public IReadOnlyList<RecordScope> Scopes { get; init; } = [];
}

/// <summary>
/// The scope of one record of a category where it differs from the category's: each property set here replaces the
/// category's for that record.
/// </summary>
/// <param name="Record">The record's 0-based position in <see cref="ExportedCategory.Records"/>.</param>
public sealed record RecordScope(int Record)
{
    /// <summary>As <see cref="ExportedCategory.LegalBasis"/>, for this record.</summary>
    public string? LegalBasis { get; init; }

    /// <summary>As <see cref="ExportedCategory.Origin"/>, for this record.</summary>
    public string? Origin { get; init; }

    /// <summary>True when this record also concerns other people (GDPR Art. 20(4)): a portability answer leaves it out.</summary>
    public bool? ConcernsOthers { get; init; }
}
