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
/// <remarks>
/// Files about the subject (photos, call recordings, scanned documents) travel the same way, each under its own id:
/// <see cref="Files"/> describes them. A reply whose files break <see cref="ExportFileRules"/> is refused.
/// </remarks>
public sealed record ExportManifest(Guid ExportId, int Chunks, long Bytes, string Sha256, int Records, IReadOnlyList<string> Categories)
{
    /// <summary>The files that belong to the copy, each sent beforehand in its own <see cref="ExportChunkUploaded"/> messages.</summary>
    public IReadOnlyList<ExportFileManifest> Files { get; init; } = [];
}

/// <summary>
/// One file of an export (GDPR Art. 15(3): the copy holds photos, recordings and documents, not only records). Its bytes
/// went to the engine in <see cref="ExportChunkUploaded"/> messages whose <see cref="ExportChunkUploaded.ExportId"/> is
/// <paramref name="FileId"/>; the engine checks size and digest and stores the file encrypted.
/// </summary>
/// <param name="FileId">Names the file's chunks; new for each attempt, never the document's <see cref="ExportManifest.ExportId"/>.</param>
/// <param name="Name">
/// The file's name as the subject will see it, e.g. <c>call-2026-03-14.mp3</c>: no folders (see <see cref="ExportFileRules"/>).
/// </param>
/// <param name="MediaType">One of <see cref="ExportFileRules.MediaTypes"/>, e.g. <c>audio/mpeg</c>.</param>
/// <param name="Chunks">How many chunks were sent (sequence 0 to Chunks-1).</param>
/// <param name="Bytes">The file's size.</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the file.</param>
public sealed record ExportFileManifest(Guid FileId, string Name, string MediaType, int Chunks, long Bytes, string Sha256)
{
    /// <summary>The data category the file belongs to, e.g. <c>call-recordings</c>; null when the system does not say.</summary>
    public string? Category { get; init; }

    /// <summary>As <see cref="ExportedCategory.LegalBasis"/>, for this file (decides whether a portability answer holds it).</summary>
    public string? LegalBasis { get; init; }

    /// <summary>As <see cref="ExportedCategory.Origin"/>, for this file.</summary>
    public string? Origin { get; init; }

    /// <summary>As <see cref="ExportedCategory.Automated"/>, for this file.</summary>
    public bool? Automated { get; init; }

    /// <summary>True when the file also concerns other people (a call with an agent): a portability answer leaves it out.</summary>
    public bool ConcernsOthers { get; init; }
}

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
public sealed record ExportDocument(string Connector, string System, IReadOnlyList<ExportedCategory> Categories)
{
    /// <summary>
    /// Files about the subject that belong to the copy (photos, call recordings, documents). They are not part of the
    /// JSON document: the SDK sends each in its own chunks and describes it in <see cref="ExportManifest.Files"/>.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<ExportedFile> Files { get; init; } = [];
}

/// <summary>A file about the subject, with its bytes; the SDK turns it into an <see cref="ExportFileManifest"/> and chunks.</summary>
/// <param name="Name">The file's name, e.g. <c>photo.jpg</c> (see <see cref="ExportFileRules"/>).</param>
/// <param name="MediaType">One of <see cref="ExportFileRules.MediaTypes"/>.</param>
/// <param name="Content">The bytes, exactly as the system keeps them.</param>
public sealed record ExportedFile(string Name, string MediaType, byte[] Content)
{
    /// <summary>As <see cref="ExportFileManifest.Category"/>.</summary>
    public string? Category { get; init; }

    /// <summary>As <see cref="ExportedCategory.LegalBasis"/>, for this file.</summary>
    public string? LegalBasis { get; init; }

    /// <summary>As <see cref="ExportedCategory.Origin"/>, for this file.</summary>
    public string? Origin { get; init; }

    /// <summary>As <see cref="ExportedCategory.Automated"/>, for this file.</summary>
    public bool? Automated { get; init; }

    /// <summary>As <see cref="ExportFileManifest.ConcernsOthers"/>.</summary>
    public bool ConcernsOthers { get; init; }
}

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
