using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace DsarEngine.Server.Subjects;

// The language of a page a data subject reads. GDPR Art. 12(1) asks for "clear and plain language": the person's own
// language where the organisation offers it. A language is one resource file (Subjects/Texts/SubjectTexts.<lang>.resx).
internal static class SubjectLanguage
{
    public static readonly IReadOnlyList<string> Offered = ["en", "fr", "ru"];

    // Dates and numbers as the language writes them (a specific culture: the neutral ones have no calendar defaults).
    private static readonly Dictionary<string, CultureInfo> Cultures = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = CultureInfo.GetCultureInfo("en-GB"),
        ["fr"] = CultureInfo.GetCultureInfo("fr-FR"),
        ["ru"] = CultureInfo.GetCultureInfo("ru-RU"),
    };

    // The first of: the asked language (data-lang / ?lang=) when allowed, the browser's best allowed Accept-Language
    // entry, the fallback. Only the primary subtag counts ("fr-CA" asks for "fr").
    public static string Resolve(string? asked, string? acceptLanguage, IReadOnlyCollection<string> allowed, string fallback)
    {
        if (Allowed(Primary(asked), allowed) is { } chosen)
            return chosen;
        if (!string.IsNullOrWhiteSpace(acceptLanguage)
            && StringWithQualityHeaderValue.TryParseList(acceptLanguage.Split(','), out var entries))
        {
            // OrderByDescending is stable: equal weights keep the browser's order.
            foreach (var entry in entries.Where(e => (e.Quality ?? 1) > 0).OrderByDescending(e => e.Quality ?? 1))
                if (Allowed(Primary(entry.Value.Value), allowed) is { } best)
                    return best;
        }
        return fallback;
    }

    public static CultureInfo Culture(string language) =>
        Cultures.TryGetValue(language, out var culture) ? culture : CultureInfo.GetCultureInfo(Primary(language) ?? "en");

    // Right-to-left ready: the shell sets dir from the language's own writing direction.
    public static string Direction(string language) => Culture(language).TextInfo.IsRightToLeft ? "rtl" : "ltr";

    private static string? Primary(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag))
            return null;
        var primary = tag.Trim().Split('-', '_')[0];
        return primary.Length is >= 2 and <= 8 && primary.All(char.IsAsciiLetter) ? primary.ToLowerInvariant() : null;
    }

    private static string? Allowed(string? language, IReadOnlyCollection<string> allowed) =>
        language is null ? null : allowed.FirstOrDefault(a => string.Equals(a, language, StringComparison.OrdinalIgnoreCase));
}
