using System.Diagnostics.CodeAnalysis;

namespace DsarEngine.Workflows.Deadlines;

internal static partial class Jurisdictions
{
    // A subject's stated location: a code of the catalog as it is, or an ISO 3166-2 subdivision without rules of its own
    // ("FR-75", "DE-BY", "US-TX") read as its country, with a note saying so. False when even the country is unknown.
    public static bool TryResolveLocation(string? code, [NotNullWhen(true)] out JurisdictionInfo? info, out string? note)
    {
        note = null;
        if (TryGet(code, out info))
        {
            return true;
        }

        var trimmed = code?.Trim() ?? "";
        var dash = trimmed.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && TryGet(trimmed[..dash], out info))
        {
            note = $"{trimmed.ToUpperInvariant()} has no rules of its own here: it is read as its country, {info.Code} ({info.Name})";
            return true;
        }

        info = null;
        return false;
    }

    // Whether a place named in an organisation's scope rule covers the subject's location: the same code, or a country
    // and one of its subdivisions ("US" covers "US-CA"; "US-CA" does not cover "US-TX").
    public static bool Covers(JurisdictionInfo rule, JurisdictionInfo location) =>
        rule.Code == location.Code || (rule.Code == rule.Country && location.Country == rule.Code);
}
