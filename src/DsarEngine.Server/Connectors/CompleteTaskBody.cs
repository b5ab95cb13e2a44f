using System.Text.Json;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Server.Connectors;

internal sealed record RetainedBody(string? Category, string? LegalBasis, DateOnly? RetainUntil);

internal sealed record CompleteTaskBody(string? Outcome, string? Note, RetainedBody[]? Retained, ExportDocument? Export)
{
    // The one staff body that may be large: it carries the export a person gathered by hand.
    public const int MaxBytes = 8 * 1024 * 1024;
}

internal sealed record CheckedCompletion(string Outcome, string Note, IReadOnlyList<RetainedItem> Retained, ManualExport? Export);

internal sealed record ManualExport(byte[] Bytes, int Records, IReadOnlyList<string> Categories);

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
        if (errors.Count > 0)
            return (null, errors);
        var export = body.Export is { } doc
            ? new ManualExport(
                JsonSerializer.SerializeToUtf8Bytes(doc, DsarEngine.Connectors.ExportUpload.Json),
                doc.Categories.Sum(c => c.Records.Count),
                doc.Categories.Select(c => c.Category).Distinct().ToList())
            : null;
        return (new CheckedCompletion(body.Outcome!, body.Note!.Trim(),
            retained.Select(r => new RetainedItem(r.Category!.Trim(), r.LegalBasis!.Trim(), r.RetainUntil)).ToList(), export), errors);
    }
}
