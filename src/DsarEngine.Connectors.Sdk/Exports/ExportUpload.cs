using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using DsarEngine.Connectors.Contracts;

namespace DsarEngine.Connectors;

/// <summary>
/// Turns an <see cref="ExportDocument"/> into the claim-check messages the engine expects: the chunks
/// (publish them first, in any order) and the manifest to put in <see cref="ConnectorTaskCompleted.Export"/>.
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

    /// <summary>Serialise, digest and cut <paramref name="document"/> for <paramref name="task"/>.</summary>
    public static (ExportManifest Manifest, IReadOnlyList<ExportChunkUploaded> Chunks) Prepare(
        TaskReference task, ExportDocument document, int chunkBytes = DefaultChunkBytes)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(document);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkBytes, 1024);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(chunkBytes, DefaultChunkBytes);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(document, Json);
        var exportId = Guid.NewGuid();
        var chunks = new List<ExportChunkUploaded>();
        for (var offset = 0; offset < bytes.Length || chunks.Count == 0; offset += chunkBytes)
            chunks.Add(new ExportChunkUploaded(
                task, exportId, chunks.Count, bytes.AsSpan(offset, Math.Min(chunkBytes, bytes.Length - offset)).ToArray()));
        var manifest = new ExportManifest(exportId, chunks.Count, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)),
            document.Categories.Sum(c => c.Records.Count), document.Categories.Select(c => c.Category).Distinct().ToList());
        return (manifest, chunks);
    }
}
