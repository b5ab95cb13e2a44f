using System.Text.RegularExpressions;
using DsarEngine.Workflows.Deadlines;

namespace DsarEngine.Server.Inbox.Components.Pages.Settings;

// One declared regime as an admin edits it on Settings → Applicable law; ToBody makes the staff API's body, so
// LawSettingsAdmin (TenantLaw.Validate) judges the screen and the API alike.
internal sealed class LawDraft
{
    public string Regime { get; set; } = "";
    // Chosen by the admin: no scope is assumed for a regime added on the screen.
    public string Scope { get; set; } = "";
    public string? Locations { get; set; }

    public static List<LawDraft> From(TenantLawBody law) =>
        [.. (law.Regimes ?? []).Select(r => new LawDraft
        {
            Regime = r.Regime ?? "", Scope = r.Scope ?? "", Locations = string.Join(", ", r.Locations ?? []),
        })];

    // Locations as typed (commas or spaces between codes), sent as they are: the service says what is wrong with them.
    public static TenantLawBody ToBody(IEnumerable<LawDraft> drafts) => new()
    {
        Regimes = [.. drafts.Select(d => new DeclaredRegimeBody
        {
            Regime = d.Regime, Scope = d.Scope,
            Locations = (d.Locations ?? "").Split([',', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                is { Length: > 0 } codes ? codes : null,
        })],
    };

    public static string RegimeName(string? id) => Regimes.TryGet(id, out var rules) ? $"{rules.Name} ({rules.Id})" : id ?? "";

    public static string ScopeName(string? scope) => scope switch
    {
        RegimeScopes.Establishment => "Establishment: every request, wherever the subject lives",
        RegimeScopes.Residence => "Residence: subjects who say they live in the places listed",
        _ => scope ?? "",
    };

    // "regimes[1].locations: …" reads "Regime 2, locations: …" on the screen (the API keeps the JSON path).
    public static string Readable(string message) =>
        Regex.Replace(message, @"regimes\[(\d+)\]\.(\w+)", m => $"Regime {int.Parse(m.Groups[1].Value) + 1}, {m.Groups[2].Value}",
            RegexOptions.None, TimeSpan.FromSeconds(1));
}
