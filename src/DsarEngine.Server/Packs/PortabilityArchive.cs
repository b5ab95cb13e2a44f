using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DsarEngine.Connectors;
using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Server.Packs;

// GDPR Art. 20: the data in a structured, commonly used, machine-readable format. One JSON and one CSV per system and
// category, the letter, and manifest.json with each file's SHA-256 so the subject (or the next controller) can check them.
// The same archive is the access subject's full copy (Art. 15(3): every record, where the letter shows the first rows).
internal static class PortabilityArchive
{
    public const string LetterFile = "letter.pdf";
    public const string ManifestFile = "manifest.json";

    // Each export document as its JSON bytes: a category's records are copied into the archive as they are, and its CSV
    // is written one record at a time (ExportReader), so only one CSV file is held at once beside the documents.
    // select: the part of a category the archive holds (null: none of it); portability's answer holds only what Art. 20
    // covers (PortabilitySelection), an access copy every record.
    public static byte[] Build(
        byte[] letter, IReadOnlyList<byte[]> documents, Func<ExportReader.Category, ExportReader.Category?>? select = null) =>
        BuildCopy(letter, [.. documents.Select(d => new PackExport(d, []))], select);

    // GDPR Art. 15(3): the files that came with each document (photos, call recordings) go under files/<system>/, byte for
    // byte and stored without compression (they are compressed already); keepFile: the files the answer holds (portability:
    // PortabilityScope, the same decision the letter lists them by), every one when null.
    public static byte[] BuildCopy(byte[] letter, IReadOnlyList<PackExport> exports,
        Func<ExportReader.Category, ExportReader.Category?>? select = null, Func<ExportFileRef, bool>? keepFile = null)
    {
        var manifest = new List<object>();
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string path, ReadOnlySpan<byte> bytes, CompressionLevel level = CompressionLevel.Optimal)
            {
                using (var entry = archive.CreateEntry(path, level).Open())
                    entry.Write(bytes);
                manifest.Add(new { path, bytes = bytes.Length, sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)) });
            }

            Add(LetterFile, letter);
            var paths = new ArchivePaths();
            foreach (var export in exports)
            {
                var document = ExportReader.Scan(export.Document);
                var folder = paths.Folder(document.System);
                foreach (var category in document.Categories.Select(c => select is null ? c : select(c)).OfType<ExportReader.Category>())
                {
                    var stem = paths.Stem(folder, category.Name);
                    Add($"{stem}.json", category.RecordsJson.Span);
                    Add($"{stem}.csv", Csv(category));
                }
                foreach (var (file, bytes) in export.Files.Where(f => keepFile is null || keepFile(f.File)))
                    Add(paths.File(folder, file.Name), bytes, CompressionLevel.NoCompression);
            }
            using var written = archive.CreateEntry(ManifestFile, CompressionLevel.Optimal).Open();
            JsonSerializer.Serialize(written, new { files = manifest }, ExportUpload.Json);
        }
        return zip.ToArray();
    }

    // RFC 4180: a header row; fields with a comma, quote or line break are quoted, quotes doubled. UTF-8 with BOM so
    // spreadsheet programs read accents and Cyrillic correctly. Hand-written: the shared framework has no CSV writer.
    // Two passes over the records: the columns (every key any record has), then the rows.
    private static byte[] Csv(ExportReader.Category category)
    {
        var columns = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        ExportReader.ForEachRecord(category, r => { columns.AddRange(r.Keys.Where(seen.Add)); return true; });
        using var csv = new MemoryStream();
        using (var writer = new StreamWriter(csv, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        {
            writer.Write(string.Join(',', columns.Select(Field)));
            writer.Write("\r\n");
            ExportReader.ForEachRecord(category, record =>
            {
                writer.Write(string.Join(',', columns.Select(c => Field(record.GetValueOrDefault(c) ?? ""))));
                writer.Write("\r\n");
                return true;
            });
        }
        return csv.ToArray();
    }

    private static string Field(string value)
    {
        value = Inert(value);
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }

    // CSV injection (OWASP): a spreadsheet runs a cell that starts with = + - @ (or a tab or CR before one) as a formula,
    // and exported values come from other systems and from the subject. A leading apostrophe makes it text; the JSON
    // file beside the CSV keeps the value exactly.
    private static string Inert(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;

}

// The folder of each export document (`<system>/`) and the file stem of each of its categories (`<system>/<category>`),
// in the order the documents are written. Two systems whose names slug alike (two connectors both called "CRM") get
// "crm/" and "crm-2/", two such categories of one system "notes" and "notes-2": a ZIP with the same path twice shows one
// file and hides the other, and the manifest could not tell them apart. The letter names the files with a fresh instance
// over the same documents in the same order, so it names exactly what the ZIP holds.
// One export of the answer: its JSON document and the files that came with it, read from the encrypted store.
internal sealed record PackExport(byte[] Document, IReadOnlyList<(ExportFileRef File, byte[] Bytes)> Files);

internal sealed class ArchivePaths
{
    private readonly HashSet<string> used = new(StringComparer.OrdinalIgnoreCase);

    public string Folder(string system) => Unique(Slug(system));

    public string Stem(string folder, string category) => Unique($"{folder}/{Slug(category)}");

    // An exported file: files/<system>/<name>, the name kept as the system gave it (ExportFileRules allowed it; anything
    // that could still leave the folder becomes "-"), a second "photo.jpg" of the same system "photo-2.jpg".
    public string File(string folder, string name)
    {
        var safe = new string([.. name.Select(c => c is '/' or '\\' or ':' || char.IsControl(c) ? '-' : c)]).Trim('.', ' ');
        safe = safe.Length > 0 ? safe : "file";
        var extension = System.IO.Path.GetExtension(safe);
        var (stem, path) = (safe[..^extension.Length], $"files/{folder}/{safe}");
        for (var n = 2; !used.Add(path); n++)
            path = $"files/{folder}/{stem}-{n}{extension}";
        return path;
    }

    private string Unique(string path)
    {
        var unique = path;
        for (var n = 2; !used.Add(unique); n++)
            unique = $"{path}-{n}";
        return unique;
    }

    private static string Slug(string name) =>
        new string([.. name.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')]).Trim('-') is { Length: > 0 } s ? s : "data";
}
