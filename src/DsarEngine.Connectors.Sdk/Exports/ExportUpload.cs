using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using DsarEngine.Connectors.Contracts;

namespace DsarEngine.Connectors;

/// <summary>
/// Turns an <see cref="ExportDocument"/> into the claim-check messages the engine expects: the chunks
/// (publish them first, in any order) and the manifest to put in <see cref="ConnectorTaskCompleted.Export"/>. The
/// document's <see cref="ExportDocument.Files"/> are cut the same way, each under its own id, and listed in
/// <see cref="ExportManifest.Files"/>.
/// </summary>
public static class ExportUpload
{
    /// <summary>The engine's default and largest chunk: 128 KiB of document per message.</summary>
    public const int DefaultChunkBytes = 128 * 1024;

    /// <summary>
    /// The JSON options of the wire format: camelCase names, and letters of every script written as UTF-8, not escaped.
    /// </summary>
    public static JsonSerializerOptions Json { get; } =
        new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    /// <summary>
    /// Serialise, digest and cut <paramref name="document"/> and its files for <paramref name="task"/>. Throws
    /// <see cref="ArgumentException"/> for a file the engine would refuse (<see cref="ExportFileRules"/>).
    /// </summary>
    public static (ExportManifest Manifest, IReadOnlyList<ExportChunkUploaded> Chunks) Prepare(
        TaskReference task, ExportDocument document, int chunkBytes = DefaultChunkBytes)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkBytes, 1024);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(chunkBytes, DefaultChunkBytes);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(document, Json);
        var exportId = Guid.NewGuid();
        var chunks = Cut(task, exportId, bytes, chunkBytes);
        var documentChunks = chunks.Count;
        var files = new List<ExportFileManifest>();
        foreach (var file in document.Files)
        {
            // Refused here already, so a connector's author sees the rule at once instead of a failed task.
            if ((ExportFileRules.NameProblem(file.Name) ?? ExportFileRules.MediaTypeProblem(file.MediaType)) is { } problem)
                throw new ArgumentException($"File {files.Count}: {problem}.", nameof(document));
            var fileId = Guid.NewGuid();
            var cut = Cut(task, fileId, file.Content, chunkBytes);
            files.Add(new ExportFileManifest(fileId, file.Name, file.MediaType, cut.Count, file.Content.Length,
                Convert.ToHexStringLower(SHA256.HashData(file.Content)))
            {
                Category = file.Category, LegalBasis = file.LegalBasis, Origin = file.Origin, Automated = file.Automated,
                ConcernsOthers = file.ConcernsOthers,
            });
            chunks.AddRange(cut);
        }
        var manifest = new ExportManifest(exportId, documentChunks, bytes.Length,
            Convert.ToHexStringLower(SHA256.HashData(bytes)),
            document.Categories.Sum(c => c.Records.Count), document.Categories.Select(c => c.Category).Distinct().ToList())
        {
            Files = files,
        };
        return (manifest, chunks);
    }

    private static List<ExportChunkUploaded> Cut(TaskReference task, Guid id, byte[] bytes, int chunkBytes)
    {
        var chunks = new List<ExportChunkUploaded>();
        for (var offset = 0; offset < bytes.Length || chunks.Count == 0; offset += chunkBytes)
            chunks.Add(new ExportChunkUploaded(
                task, id, chunks.Count, bytes.AsSpan(offset, Math.Min(chunkBytes, bytes.Length - offset)).ToArray()));
        return chunks;
    }
}
