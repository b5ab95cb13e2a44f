using System.Diagnostics.CodeAnalysis;

namespace DsarEngine.Workflows.Deadlines;

// The jurisdiction catalog. Codes are matched case-insensitively; EL (the EU's code for Greece) and UK
// are accepted as aliases of the ISO codes GR and GB.
internal static partial class Jurisdictions
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["EL"] = "GR",
        ["UK"] = "GB",
    };

    private static readonly Dictionary<string, JurisdictionInfo> ByCode =
        Table().ToDictionary(j => j.Code, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyCollection<JurisdictionInfo> All => ByCode.Values;

    public static bool TryGet(string? code, [NotNullWhen(true)] out JurisdictionInfo? info)
    {
        var trimmed = code?.Trim() ?? "";
        return ByCode.TryGetValue(Aliases.GetValueOrDefault(trimmed, trimmed), out info);
    }

    // Why a code was refused, precise enough to fix the request.
    public static string Explain(string? code)
    {
        var trimmed = code?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return "Jurisdiction is required: an ISO 3166-1 alpha-2 code such as FR or a supported subdivision such as GB-SCT";
        }

        var dash = trimmed.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && TryGet(trimmed[..dash], out var country))
        {
            var subdivisions = All.Where(j => j.Country == country.Code && j.Code.Contains('-', StringComparison.Ordinal))
                .Select(j => j.Code).Order(StringComparer.Ordinal).ToArray();
            var alternatives = subdivisions.Length == 0
                ? $"use {country.Code}"
                : $"use {country.Code} or one of {string.Join(", ", subdivisions)}";
            return $"Unknown jurisdiction '{trimmed}': that subdivision of {country.Code} has no rules of its own here; {alternatives}";
        }

        return $"Unknown jurisdiction '{trimmed}': expected an ISO 3166-1 alpha-2 code such as FR " +
            $"or a supported subdivision such as GB-SCT";
    }
}
