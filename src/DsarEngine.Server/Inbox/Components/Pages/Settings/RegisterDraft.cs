using DsarEngine.Workflows.Packs;

namespace DsarEngine.Server.Inbox.Components.Pages.Settings;

// The register form's fields as an admin types them: the parties field by field, each list one entry per line with its
// parts separated by '|'. ToRegister names every line it cannot read; RegisterAdmin then applies the API's checks.
internal sealed class RegisterDraft
{
    public PartyDraft Controller { get; } = new();
    public PartyDraft Dpo { get; } = new();
    public PartyDraft Authority { get; } = new();
    public string Purposes { get; set; } = "";
    public string Recipients { get; set; } = "";
    public string Retention { get; set; } = "";
    public string Transfers { get; set; } = "";
    public string Sources { get; set; } = "";
    public string AutomatedDecisions { get; set; } = "";
    public int? BackupAgeOutDays { get; set; }

    public static RegisterDraft From(ProcessingRegister r)
    {
        var draft = new RegisterDraft
        {
            Purposes = Join(r.Purposes.Select(p => new[] { p.Purpose, p.LegalBasis, string.Join(", ", p.Categories) })),
            Recipients = Join(r.Recipients.Select(x => new[] { x.Name, x.Role, string.Join(", ", x.Categories) })),
            Retention = Join(r.Retention.Select(x => new[] { x.Category, x.Period })),
            Transfers = Join(r.Transfers.Select(x => new[] { x.Recipient, x.Country, x.Safeguard })),
            Sources = Join(r.Sources.Select(x => new[] { x.Category, x.Source })),
            AutomatedDecisions = r.AutomatedDecisions ?? "", BackupAgeOutDays = r.BackupAgeOutDays,
        };
        draft.Controller.Fill(r.Controller);
        draft.Dpo.Fill(r.Dpo);
        draft.Authority.Fill(r.Authority);
        return draft;
    }

    public (ProcessingRegister? Register, Dictionary<string, string[]> Errors) ToRegister()
    {
        var errors = new Dictionary<string, string[]>();
        var purposes = Read(errors, "purposes", Purposes, 3, "purpose | legal basis | categories",
            p => new PurposeEntry(p[0], p[1], Categories(p[2])));
        var recipients = Read(errors, "recipients", Recipients, 3, "name | role | categories",
            p => new RecipientEntry(p[0], p[1], Categories(p[2])));
        var retention = Read(errors, "retention", Retention, 2, "category | period", p => new RetentionEntry(p[0], p[1]));
        var transfers = Read(errors, "transfers", Transfers, 3, "recipient | country | safeguard",
            p => new TransferEntry(p[0], p[1], p[2]));
        var sources = Read(errors, "sources", Sources, 2, "category | source", p => new SourceEntry(p[0], p[1]));
        if (errors.Count > 0)
            return (null, errors);
        return (new ProcessingRegister(Controller.ToParty()!, Dpo.ToParty(), purposes, recipients, retention, transfers, sources,
            string.IsNullOrWhiteSpace(AutomatedDecisions) ? null : AutomatedDecisions.Trim(), Authority.ToParty()!, BackupAgeOutDays),
            errors);
    }

    private static string Join(IEnumerable<string[]> rows) => string.Join("\n", rows.Select(r => string.Join(" | ", r)));

    private static string[] Categories(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static List<T> Read<T>(Dictionary<string, string[]> errors, string field, string text, int parts, string shape,
        Func<string[], T> make)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var entries = new List<T>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var p = lines[i].Split('|', StringSplitOptions.TrimEntries);
            // Every part is required except a trailing list of categories, which may be empty.
            var required = parts - (shape.EndsWith("categories", StringComparison.Ordinal) ? 1 : 0);
            if (p.Length != parts || p.Take(required).Any(x => x.Length == 0))
            {
                errors[field] = [$"Line {i + 1}: write {shape}, separated by '|'."];
                return [];
            }
            entries.Add(make(p));
        }
        return entries;
    }
}

internal sealed class PartyDraft
{
    public string Name { get; set; } = "";
    public string Address { get; set; } = "";
    public string Email { get; set; } = "";
    public string Url { get; set; } = "";

    public void Fill(Party? p) => (Name, Address, Email, Url) = (p?.Name ?? "", p?.Address ?? "", p?.Email ?? "", p?.Url ?? "");

    // No party when every field is empty (a DPO is optional); the checks then name a missing controller or authority.
    public Party? ToParty() => new[] { Name, Address, Email, Url }.All(string.IsNullOrWhiteSpace) ? null
        : new Party(Name.Trim(), Opt(Address), Opt(Email), Opt(Url));

    private static string? Opt(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
