using DsarEngine.Connectors.Contracts;

namespace DsarEngine.Server.Connectors;

// GDPR Art. 15(3): the files that come with an export (photos, call recordings). What the manifest says about them is
// checked before a byte of them is read: too many, a name that is a path (files/<system>/<name> in the archive must stay
// one file in one folder), a media type outside ExportFileRules, a missing size or digest, an id used twice; and the
// document with its files within Dsar:Connectors:Exports:MaxBytes. Reasons name the file by position, never by its name
// (a name can be personal data: "jane-doe.jpg").
internal static class ExportFileChecks
{
    public const string Refused = "export-file-refused";
    public const string TooLarge = "export-too-large";

    public static (string Code, string Reason)? Refusal(ExportManifest manifest, ExportLimits limits)
    {
        var files = manifest.Files ?? [];
        if (files.Count > ExportFileRules.MaxFiles)
            return (Refused, $"An export holds at most {ExportFileRules.MaxFiles} files; this one has {files.Count}. " + Settle);
        var ids = new HashSet<Guid> { manifest.ExportId };
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var problem = file is null ? "the file is not described"
                : ExportFileRules.NameProblem(file.Name) ?? ExportFileRules.MediaTypeProblem(file.MediaType)
                ?? (file.Bytes < 0 || file.Chunks < 1 || !IsDigest(file.Sha256) ? "a file needs its size, chunk count and SHA-256" : null)
                ?? (!ids.Add(file.FileId) ? "each file has its own id, not the document's nor another file's" : null);
            if (problem is not null)
                return (Refused, $"File {i + 1} of {files.Count} was refused: {problem}. " + Settle);
        }
        if (files.Any(f => f.Bytes > limits.MaxBytes || f.Chunks > limits.MaxChunks)
            || manifest.Bytes + files.Sum(f => f.Bytes) > limits.MaxBytes)
            return (TooLarge, "The exported document and its files are larger than this engine accepts " +
                "(Dsar:Connectors:Exports:MaxBytes); " + Settle);
        return null;
    }

    // The manifest of one file, for the store's completeness and digest check.
    public static ExportManifest AsManifest(ExportFileManifest file) => new(file.FileId, file.Chunks, file.Bytes, file.Sha256, 0, []);

    private const string Settle = "a person must settle this task.";

    private static bool IsDigest(string? sha256) => sha256 is { Length: 64 } && sha256.All(char.IsAsciiHexDigit);
}
