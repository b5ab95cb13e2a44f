namespace DsarEngine.Workflows.Requests;

// Languages the engine writes letters and e-mails in. GDPR Art. 12(1): information must be intelligible
// to the subject, so a request is answered in the language chosen at intake.
internal static class Languages
{
    public const string Default = "en";

    public static readonly IReadOnlySet<string> Supported = new HashSet<string>(StringComparer.Ordinal) { "en", "fr", "ru" };

    // The languages letters and e-mails are written in: every supported language, and Portuguese, which an LGPD request
    // is answered in (RegimeLanguages). The subject's pages and the form speak only the supported ones; a request made
    // in Portuguese (over the API, or typed by staff) is accepted and answered in Portuguese.
    public static readonly IReadOnlySet<string> Written = new HashSet<string>(StringComparer.Ordinal) { "en", "fr", "ru", "pt" };

    // Accepts a BCP 47 tag ("fr", "fr-BE", "EN", "ru-RU", "pt-BR") and keeps its primary language subtag.
    public static bool TryNormalise(string tag, out string language)
    {
        language = tag.Split('-', 2)[0].ToLowerInvariant();
        return Written.Contains(language);
    }

    // The culture a language's dates are written in when the organisation's country gives none of its own: the
    // language's home (fr-FR, ru-RU); English as Britain and Ireland write it, day first ("2 November 2026").
    public static string DefaultCulture(string language) => language switch
    {
        "fr" => "fr-FR",
        "ru" => "ru-RU",
        "pt" => "pt-BR",
        _ => "en-GB",
    };
}
