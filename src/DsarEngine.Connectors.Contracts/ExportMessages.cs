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
public sealed record ExportedCategory(string Category, IReadOnlyList<IReadOnlyDictionary<string, string?>> Records);
