namespace DsarEngine.Workflows.Requests;

// Languages the engine writes letters and e-mails in. GDPR Art. 12(1): information must be intelligible
// to the subject, so a request is answered in the language chosen at intake.
internal static class Languages
{
    public const string Default = "en";

    public static readonly IReadOnlySet<string> Supported = new HashSet<string>(StringComparer.Ordinal) { "en", "fr" };

    // Accepts a BCP 47 tag ("fr", "fr-BE", "EN") and keeps its primary language subtag.
    public static bool TryNormalise(string tag, out string language)
    {
        language = tag.Split('-', 2)[0].ToLowerInvariant();
        return Supported.Contains(language);
    }
}
