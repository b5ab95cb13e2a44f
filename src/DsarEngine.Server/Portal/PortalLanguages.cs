using DsarEngine.Server.Subjects;

namespace DsarEngine.Server.Portal;

// The languages the portal can be switched to (the subject's pages share one set of texts).
internal static class PortalLanguages
{
    public static bool IsOffered(string language) => SubjectLanguage.Offered.Contains(language, StringComparer.Ordinal);

    // Each language named in itself, so a person finds theirs whatever the page's language.
    public static string Autonym(string language) => language switch
    {
        "fr" => "Français",
        "ru" => "Русский",
        _ => "English",
    };
}
