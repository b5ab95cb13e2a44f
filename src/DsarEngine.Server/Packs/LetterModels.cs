using System.Text.Json;
using DsarEngine.Connectors;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Workflows.Connectors;
using DsarEngine.Workflows.Packs;
using DsarEngine.Workflows.Persistence;
using DsarEngine.Workflows.Runtime;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Packs;

// Gathers a letter's facts: the request, the register, each system's outcome and, for access, the exported data
// (decrypted from the claim-check store; the letter shows the first rows of each category, the files carry all).
internal sealed class LetterModels(ExportStore exports, ConnectorStore connectors, IOptions<PackOptions> options, TimeProvider clock)
{
    public async Task<LetterModel> BuildAsync(StoredRequest request, WorkflowInstance instance, ProcessingRegister register, CancellationToken ct)
    {
        var names = (await connectors.ListAsync(request.TenantId, ct)).ToDictionary(c => c.Name, c => c.DisplayName);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(request.TimeZone ?? "UTC");
        var systems = new List<SystemSection>();
        foreach (var task in instance.State.Tasks)
        {
            var data = new List<CategorySection>();
            if (task.Export is { } export && await exports.ReadAsync(request.Id, export.ExportId, null, ct) is { } bytes
                && JsonSerializer.Deserialize<ExportDocument>(bytes, ExportUpload.Json) is { } document)
                data.AddRange(document.Categories.Select(Section));
            systems.Add(new SystemSection(names.GetValueOrDefault(task.Connector) is { Length: > 0 } n ? n : task.Connector, task.EffectiveOutcome,
                [.. task.Retained.Select(r => new KeptEntry(r.Category, r.LegalBasis, r.RetainUntil))], data)
            {
                Summary = task.Detail, On = task.UpdatedAt is { } at ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime) : null,
            });
        }
        return Letter(request, register, systems) with
        {
            Refusal = instance.State.Outcome == "refused" ? instance.State.RefusalReason ?? "" : null,
            Exemptions = instance.State.Exemptions,
        };
    }

    // A notice letter: the request's facts and what the notice states, no systems.
    public LetterModel Notice(StoredRequest request, ProcessingRegister register, RenderNotice notice)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(request.TimeZone ?? "UTC");
        DateOnly? Date(string key) => notice.Model.TryGetValue(key, out var iso) && DateOnly.TryParseExact(iso, "yyyy-MM-dd", out var d) ? d : null;
        DateOnly? LocalDate(string key) => notice.Model.TryGetValue(key, out var iso) && DateTimeOffset.TryParse(iso, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at)
            ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime) : null;
        return Letter(request, register, []) with
        {
            Notice = new NoticeFacts(notice.Kind, notice.Model.GetValueOrDefault("reason"), Date("firstDueOnIso"), Date("dueOnIso"),
                notice.Model.GetValueOrDefault("methods")?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [], LocalDate("linkExpiresIso"),
                notice.Model.GetValueOrDefault("clockStops") == "true"),
        };
    }

    private LetterModel Letter(StoredRequest request, ProcessingRegister register, IReadOnlyList<SystemSection> systems)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(request.TimeZone ?? "UTC");
        var subject = JsonDocument.Parse(request.Subject).RootElement;
        return new LetterModel(request.Language, request.Reference, request.RightKind,
            subject.TryGetProperty("name", out var name) && name.GetString() is { Length: > 0 } n ? n : null,
            request.ReceivedOn ?? DateOnly.FromDateTime(request.ReceivedAt.UtcDateTime),
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime), register, systems);
    }

    // The exported documents themselves, for the machine-readable files.
    public async Task<IReadOnlyList<ExportDocument>> DocumentsAsync(StoredRequest request, WorkflowInstance instance, CancellationToken ct)
    {
        var documents = new List<ExportDocument>();
        foreach (var export in instance.State.Tasks.Select(t => t.Export).OfType<ExportRef>())
            if (await exports.ReadAsync(request.Id, export.ExportId, null, ct) is { } bytes && JsonSerializer.Deserialize<ExportDocument>(bytes, ExportUpload.Json) is { } document)
                documents.Add(document);
        return documents;
    }

    private CategorySection Section(ExportedCategory category)
    {
        var columns = category.Records.SelectMany(r => r.Keys).Distinct().ToList();
        var rows = category.Records.Take(options.Value.RowsPerCategory)
            .Select(r => (IReadOnlyList<string>)[.. columns.Select(c => r.GetValueOrDefault(c) ?? "")]).ToList();
        return new CategorySection(category.Category, columns, rows, category.Records.Count);
    }
}
