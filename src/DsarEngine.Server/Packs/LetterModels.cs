using System.Text.Json;
using DsarEngine.Server.Connectors;
using DsarEngine.Workflows.Packs;
using DsarEngine.Server.Requests;
using DsarEngine.Server.Tenants;
using DsarEngine.Workflows.Runtime;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Packs;

// Gathers a letter's facts: the request, the register, each system's outcome and, for access, the exported data
// (decrypted from the claim-check store; the letter shows the first rows of each category, the files carry all).
internal sealed class LetterModels(
    ExportStore exports, ConnectorStore connectors, TenantStore tenants, IOptions<PackOptions> options, TimeProvider clock,
    Appeals.AppealStore appeals)
{
    public async Task<LetterModel> BuildAsync(
        StoredRequest request, WorkflowInstance instance, ProcessingRegister register, CancellationToken ct)
    {
        var names = (await connectors.ListAsync(request.TenantId, ct)).ToDictionary(c => c.Name, c => c.DisplayName);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(request.TimeZone ?? "UTC");
        var systems = new List<SystemSection>();
        // The copy's paths, assigned over the same documents in the same order as DocumentsAsync gives the archive.
        var paths = new ArchivePaths();
        var stems = new List<string>();
        var portability = request.RightKind == "portability" ? new PortabilityTally(request.Regime) : null;
        foreach (var task in instance.State.Tasks)
        {
            var data = new List<CategorySection>();
            var attached = new List<FileEntry>();
            var system = names.GetValueOrDefault(task.Connector) is { Length: > 0 } n ? n : task.Connector;
            if (task.Export is { } export && await exports.ReadAsync(request.Id, export.ExportId, null, ct) is { } bytes)
            {
                var document = ExportReader.Scan(bytes);
                var folder = paths.Folder(document.System);
                foreach (var category in document.Categories)
                {
                    stems.Add(paths.Stem(folder, category.Name));
                    data.Add(Section(category, options.Value.RowsPerCategory) with { CopyStem = stems[^1] });
                    portability?.Add(system, category);
                }
                // Listed only when the archive holds it: stored whole, and (portability) within Art. 20's scope.
                foreach (var file in export.Files)
                    if ((portability?.Keeps(system, file) ?? true) && await exports.SizeAsync(request.Id, file.FileId, ct) == file.Bytes)
                        attached.Add(new FileEntry(file.Name, file.MediaType, file.Bytes, paths.File(folder, file.Name)));
            }
            systems.Add(new SystemSection(
                system, task.EffectiveOutcome,
                [.. task.Retained.Select(r => new KeptEntry(r.Category, r.LegalBasis, r.RetainUntil))], data)
            {
                Files = attached,
                Summary = task.Detail,
                Recipients = task.Recipients,
                On = task.UpdatedAt is { } at ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime) : null,
            });
        }
        string[] files = [PortabilityArchive.LetterFile, .. stems.SelectMany(s => new[] { $"{s}.json", $"{s}.csv" }),
            .. systems.SelectMany(s => s.Files).Select(f => f.Path), PortabilityArchive.ManifestFile];
        return await LetterAsync(request, register, systems, ct) with
        {
            Refusal = instance.State.Outcome == "refused" ? instance.State.RefusalReason ?? "" : null,
            Exemptions = instance.State.Exemptions,
            Purpose = request.Purpose,
            Assessment = instance.State.Assessment is { } a ? new AssessmentFacts(a.Grounds, a.Overrides) : null,
            Review = instance.State.AutomatedReview is { } r
                ? new ReviewFacts(r.Result, r.Explanation, r.Logic, r.Significance, r.Consequences) : null,
            Keep = [.. instance.State.Keep.Select(k => new ExemptEntry(k.Category, k.LegalBasis,
                k.System is null ? null : names.GetValueOrDefault(k.System) is { Length: > 0 } shown ? shown : k.System))],
            PartialReason = instance.State.Outcome == "partial" ? instance.State.RefusalReason ?? "" : null,
            Copy = GetsCopy(request, instance, systems) ? new CopyFacts(PackKinds.CopyFileName(request.Reference), files) : null,
            Appeal = request.RightKind == "appeal" ? await AppealAsync(request, instance, ct) : null,
            GlobalPrivacyControl = request.GlobalPrivacyControl,
            Portability = portability?.Facts is { } facts && request.Transmission is { } to
                ? facts with { Transmission = new TransmissionFacts(to.Controller, to.Email, request.TransmissionRefusal) }
                : portability?.Facts,
        };
    }

    // GDPR Art. 20: what the portability archive leaves out, per system and category, and what it holds unstated; the
    // same decisions the archive is built with (PortabilitySelection).
    private sealed class PortabilityTally(string? regime)
    {
        private readonly bool providedOnly = PortabilityScope.ProvidedOnly(regime);
        private readonly List<LeftOutEntry> leftOut = [];
        private readonly List<UnstatedEntry> unstated = [];

        public void Add(string system, ExportReader.Category category)
        {
            var decision = PortabilitySelection.Decide(category, providedOnly);
            leftOut.AddRange(decision.LeftOut.OrderBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => new LeftOutEntry(system, category.Name, r.Value, r.Key)));
            if (decision.Unstated)
                unstated.Add(new UnstatedEntry(system, category.Name));
        }

        // A file, as the archive decides it (PackRendering): kept unless Art. 20(1) or 20(4) leaves it out.
        public bool Keeps(string system, ExportFileRef file)
        {
            if (PortabilityScope.Excluded(file.Scope, providedOnly) is { } reason)
            {
                leftOut.Add(new LeftOutEntry(system, file.Name, 1, reason));
                return false;
            }
            if (PortabilityScope.Unstated(file.Scope, providedOnly))
                unstated.Add(new UnstatedEntry(system, file.Name));
            return true;
        }

        public PortabilityFacts Facts => new(providedOnly, leftOut, unstated);
    }

    // The answer to an appeal: which request it appealed, under which state's law, and the outcome the assessment gave.
    private async Task<AppealFacts?> AppealAsync(StoredRequest request, WorkflowInstance instance, CancellationToken ct)
    {
        if (await appeals.FindAppealedByAsync(request.TenantId, request.Id, ct) is not { } appealed
            || !Workflows.Deadlines.AppealPeriods.TryFor(appealed.Regime, out var rules))
            return null;
        var outcome = instance.State.Outcome switch
        {
            "refused" => AppealFacts.Upheld,
            "partial" => AppealFacts.PartlyReversed,
            _ => AppealFacts.Reversed,
        };
        return new AppealFacts(appealed.Reference, outcome, rules.Clock.PeriodSource.Split(':')[0], rules.AttorneyGeneral,
            rules.ComplaintUrl);
    }

    // GDPR Art. 15(3): an access subject whose data we hold gets a copy of every record, beside the letter that shows the
    // first rows. Not with a refusal, nor when every system answered "not found" (the letter says we hold nothing), nor
    // for an OpenDSR controller, which fetches the same archive itself (results-zip).
    private static bool GetsCopy(StoredRequest request, WorkflowInstance instance, IReadOnlyList<SystemSection> systems) =>
        request.RightKind == "access" && request.Channel != "controller" && instance.State.Outcome != "refused"
        && HoldsData(systems);

    // Some system holds data about the subject (a system that answered "not found" holds none). With no system asked at
    // all (no connector registered), nothing can be confirmed absent. The access letter decides its wording the same way.
    // A system that failed, timed out or was skipped before it answered was not searched: nothing can be confirmed
    // absent there either, so it counts here; the letter names it as "could not be searched" (never as searched).
    internal static bool HoldsData(IReadOnlyList<SystemSection> systems) =>
        systems.Count == 0 || systems.Any(s => s.Outcome != "not-found");

    // A notice letter: the request's facts and what the notice states, no systems.
    public async Task<LetterModel> NoticeAsync(
        StoredRequest request, ProcessingRegister register, RenderNotice notice, CancellationToken ct)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(request.TimeZone ?? "UTC");
        DateOnly? Date(string key) =>
            notice.Model.TryGetValue(key, out var iso) && DateOnly.TryParseExact(iso, "yyyy-MM-dd", out var d) ? d : null;
        DateOnly? LocalDate(string key) => notice.Model.TryGetValue(key, out var iso)
            && DateTimeOffset.TryParse(
                iso, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at)
            ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime) : null;
        return await LetterAsync(request, register, [], ct) with
        {
            Notice = new NoticeFacts(notice.Kind, notice.Model.GetValueOrDefault("reason"), Date("firstDueOnIso"), Date("dueOnIso"),
                notice.Model.GetValueOrDefault("methods")?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? [],
                LocalDate("linkExpiresIso"),
                notice.Model.GetValueOrDefault("clockStops") == "true") { LiftOn = LocalDate("liftAtIso") },
        };
    }

    private async Task<LetterModel> LetterAsync(
        StoredRequest request, ProcessingRegister register, IReadOnlyList<SystemSection> systems, CancellationToken ct)
    {
        var tenant = await tenants.FindAsync(request.TenantId, ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(request.TimeZone ?? "UTC");
        var subject = JsonDocument.Parse(request.Subject).RootElement;
        var language = LetterLanguage(request);
        return new LetterModel(language, request.Reference, request.RightKind,
            subject.TryGetProperty("name", out var name) && name.GetString() is { Length: > 0 } n ? n : null,
            request.ReceivedOn ?? DateOnly.FromDateTime(request.ReceivedAt.UtcDateTime),
            DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime), register, systems)
        {
            Locale = Letters.LetterTexts.LocaleFor(language, tenant?.Jurisdiction),
            Regime = request.Regime,
            Purpose = request.Purpose,
            Statement = request.SupplementaryStatement,
        };
    }

    // The language a request's letters are written in: the subject's, unless the request's law is worded only in others
    // (an LGPD letter in Portuguese or English, a 152-FZ one in Russian or English; Requests.RegimeLanguages).
    public static string LetterLanguage(StoredRequest request) =>
        Workflows.Requests.RegimeLanguages.For(request.Regime, request.Language);

    // The exported documents themselves (their JSON) and their files, for the machine-readable archive.
    public async Task<IReadOnlyList<PackExport>> DocumentsAsync(StoredRequest request, WorkflowInstance instance, CancellationToken ct)
    {
        var documents = new List<PackExport>();
        foreach (var export in instance.State.Tasks.Select(t => t.Export).OfType<ExportRef>())
            if (await exports.ReadAsync(request.Id, export.ExportId, null, ct) is { } bytes)
            {
                var files = new List<(ExportFileRef, byte[])>();
                foreach (var file in export.Files)
                    if (await exports.ReadAsync(request.Id, file.FileId, null, ct) is { } content && content.Length == file.Bytes)
                        files.Add((file, content));
                documents.Add(new PackExport(bytes, files));
            }
        return documents;
    }

    // The letter's part of a category: its columns, the first rows, and how many there are in all.
    // Only those rows are parsed (ExportReader): the letter's memory does not grow with the export.
    internal static CategorySection Section(ExportReader.Category category, int rowsPerCategory)
    {
        var first = ExportReader.First(category, rowsPerCategory);
        var columns = first.SelectMany(r => r.Keys).Distinct().ToList();
        var rows = first.Select(r => (IReadOnlyList<string>)[.. columns.Select(c => r.GetValueOrDefault(c) ?? "")]).ToList();
        return new CategorySection(category.Name, columns, rows, category.Count);
    }
}
