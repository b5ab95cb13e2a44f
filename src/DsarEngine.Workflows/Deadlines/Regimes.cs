using System.Diagnostics.CodeAnalysis;

namespace DsarEngine.Workflows.Deadlines;

// The regime catalog. Ids are matched case-insensitively.
internal static class Regimes
{
    public static IReadOnlyList<RegimeRules> All { get; } = [.. EuropeanRegimes.All, .. AmericanRegimes.All];

    public static string KnownIds => string.Join(", ", All.Select(r => r.Id));

    public static bool TryGet(string? id, [NotNullWhen(true)] out RegimeRules? rules)
    {
        var wanted = id?.Trim();
        rules = All.FirstOrDefault(r => string.Equals(r.Id, wanted, StringComparison.OrdinalIgnoreCase))
            ?? (AppealPeriods.TryForClock(wanted, out var appeal) ? appeal.Clock : null); // an appeal's own clock, never offered
        return rules is not null;
    }

    // The regime a request in this jurisdiction falls under unless the caller names one; null when there
    // is no obvious one (e.g. US as a whole: no federal privacy law).
    public static string? DefaultFor(string? jurisdiction) =>
        Jurisdictions.TryGet(jurisdiction, out var info) ? info.DefaultRegime : null;
}
