using System.Text.Json;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Server.Connectors;

internal sealed record RetainedBody(string? Category, string? LegalBasis, DateOnly? RetainUntil);

internal sealed record CompleteTaskBody(string? Outcome, string? Note, RetainedBody[]? Retained, ExportDocument? Export)
{
    // The one staff body that may be large: it carries the export a person gathered by hand, files included (base64, so
    // about 6 MiB of files at most: a larger file is uploaded by a connector, in chunks).
    public const int MaxBytes = 8 * 1024 * 1024;

    // GDPR Art. 15(3): files that belong to the export (a scanned letter, a photo from the paper archive).
    public FileBody[]? Files { get; init; }
}

// One file a person attaches, inline: its bytes (base64 in JSON) and, optionally, the SHA-256 they computed, checked here.
internal sealed record FileBody(string? Name, string? MediaType, byte[]? Content, string? Sha256)
{
    public string? Category { get; init; }

    public string? LegalBasis { get; init; }

    public string? Origin { get; init; }

    public bool ConcernsOthers { get; init; }
}

internal sealed record CheckedCompletion(string Outcome, string Note, IReadOnlyList<RetainedItem> Retained, ManualExport? Export);

internal sealed record ManualExport(byte[] Bytes, int Records, IReadOnlyList<string> Categories)
{
    public IReadOnlyList<FileBody> Files { get; init; } = [];
}

internal static class CompleteTaskChecks
{
    public static (CheckedCompletion?, Dictionary<string, string[]>) Check(this CompleteTaskBody body)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.Outcome is null || !TaskOutcomes.All.Contains(body.Outcome))
            errors["outcome"] = [$"One of: {string.Join(", ", TaskOutcomes.All)}."];
        if (string.IsNullOrWhiteSpace(body.Note) || body.Note.Length > 2000)
            errors["note"] = ["Required (at most 2000 characters): what was done, by whom, where — it goes into the journal."];
        var retained = body.Retained ?? [];
        if (retained.Length > 50 || retained.Any(r => string.IsNullOrWhiteSpace(r.Category) || string.IsNullOrWhiteSpace(r.LegalBasis)))
            errors["retained"] = ["At most 50 entries, each with a category and the legal basis for keeping it."];
        // GDPR Art. 17(3): data kept after an erasure must be named with its ground.
        if (body.Outcome == TaskOutcomes.Partial && retained.Length == 0)
            errors["retained"] = ["Required for a partial outcome: what was kept and the legal basis for each."];
        if (body.Export is { } e && (string.IsNullOrWhiteSpace(e.System) || e.Categories is null
            || e.Categories.Any(c => string.IsNullOrWhiteSpace(c.Category) || c.Records is null)))
            errors["export"] = ["An export needs a system and categories, each with a category name and records."];
        if (FilesProblem(body) is { } files)
            errors["files"] = [files];
        if (errors.Count > 0)
            return (null, errors);
        var export = body.Export is { } doc
            ? new ManualExport(
                JsonSerializer.SerializeToUtf8Bytes(doc, DsarEngine.Connectors.ExportUpload.Json),
                doc.Categories.Sum(c => c.Records.Count),
                doc.Categories.Select(c => c.Category).Distinct().ToList()) { Files = body.Files ?? [] }
            : null;
        return (new CheckedCompletion(body.Outcome!, body.Note!.Trim(),
            retained.Select(r => new RetainedItem(r.Category!.Trim(), r.LegalBasis!.Trim(), r.RetainUntil)).ToList(), export), errors);
    }

    // The same rules as a connector's files (ExportFileRules), by position; a stated digest must match the bytes.
    private static string? FilesProblem(CompleteTaskBody body)
    {
        var files = body.Files ?? [];
        if (files.Length == 0)
            return null;
        if (body.Export is null)
            return "Files belong to an export: send them with the export document.";
        if (files.Length > ExportFileRules.MaxFiles)
            return $"At most {ExportFileRules.MaxFiles} files.";
        for (var i = 0; i < files.Length; i++)
        {
            var file = files[i];
            var problem = file is null ? "the file is not described"
                : ExportFileRules.NameProblem(file.Name) ?? ExportFileRules.MediaTypeProblem(file.MediaType)
                ?? (file.Content is null ? "a file needs its content (base64)" : null)
                ?? (file.Sha256 is { } sha && !string.Equals(sha, Convert.ToHexStringLower(
                    System.Security.Cryptography.SHA256.HashData(file.Content!)), StringComparison.OrdinalIgnoreCase)
                    ? "the content does not match its SHA-256" : null);
            if (problem is not null)
                return $"File {i + 1} of {files.Length}: {problem}.";
        }
        return null;
    }
}
