using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DsarEngine.Connectors;
using DsarEngine.Connectors.Contracts;

namespace DsarEngine.Server.Packs;

// GDPR Art. 20: the data in a structured, commonly used, machine-readable format. One JSON and one CSV per system and
// category, the letter, and manifest.json with each file's SHA-256 so the subject (or the next controller) can check them.
internal static class PortabilityArchive
{
    public static byte[] Build(byte[] letter, IReadOnlyList<ExportDocument> documents)
    {
        var files = new List<(string Path, byte[] Bytes)> { ("letter.pdf", letter) };
        foreach (var document in documents)
            foreach (var category in document.Categories)
            {
                var stem = $"{Slug(document.System)}/{Slug(category.Category)}";
                files.Add(($"{stem}.json", JsonSerializer.SerializeToUtf8Bytes(category.Records, ExportUpload.Json)));
                files.Add(($"{stem}.csv", Csv(category)));
            }
        var manifest = JsonSerializer.SerializeToUtf8Bytes(new
        {
            files = files.Select(f => new { path = f.Path, bytes = f.Bytes.Length, sha256 = Convert.ToHexStringLower(SHA256.HashData(f.Bytes)) }),
        }, ExportUpload.Json);
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var (path, bytes) in files.Append(("manifest.json", manifest)))
            {
                using var entry = archive.CreateEntry(path, CompressionLevel.Optimal).Open();
                entry.Write(bytes);
            }
        return zip.ToArray();
    }

    // RFC 4180: a header row; fields with a comma, quote or line break are quoted, quotes doubled. UTF-8 with BOM so
    // spreadsheet programs read accents and Cyrillic correctly. Hand-written: the shared framework has no CSV writer.
    private static byte[] Csv(ExportedCategory category)
    {
        var columns = category.Records.SelectMany(r => r.Keys).Distinct().ToList();
        var csv = new StringBuilder();
        csv.AppendJoin(',', columns.Select(Field)).Append("\r\n");
        foreach (var record in category.Records)
            csv.AppendJoin(',', columns.Select(c => Field(record.GetValueOrDefault(c) ?? ""))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;

    private static string Slug(string name) =>
        new string([.. name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')]).Trim('-') is { Length: > 0 } s ? s : "data";
}
