namespace DsarEngine.Workflows.Requests;

// Which law's wording a request's letters and e-mails carry, and in which language they are written. The request's
// regime (stored at intake) picks the wording; the subject's language is kept whenever the regime's wording exists in
// it, else the regime's first language is used: an LGPD letter is in Portuguese unless the subject chose English, a
// 152-FZ letter in Russian unless they chose English, a US letter in English (its wording is not translated yet; the
// UK's is in English, French and Russian, PIPEDA's in English and French). The right law in the law's language beats
// the wrong law in the subject's (docs/response-packs.md).
internal static class RegimeLanguages
{
    // The engine's base wording: the letters' and e-mails' own tables are GDPR's.
    public const string Gdpr = "gdpr";

    // The languages each regime's wording exists in, first the one used when the subject's language is not among them.
    private static readonly Dictionary<string, string[]> Written = new(StringComparer.Ordinal)
    {
        [Gdpr] = ["en", "fr", "ru"],
        ["uk-gdpr"] = ["en", "fr", "ru"],
        ["ccpa"] = ["en"],
        ["vcdpa"] = ["en"],
        ["cpa"] = ["en"],
        ["ctdpa"] = ["en"],
        ["pipeda"] = ["en", "fr"],
        ["lgpd"] = ["pt", "en"],
        ["152-fz"] = ["ru", "en"],
    };

    // The regimes with a wording of their own, GDPR's included.
    public static IEnumerable<string> Regimes => Written.Keys;

    // A regime id as the wording tables know it (ids are matched case-insensitively, as the regime catalog does). A
    // regime without a wording of its own (nfadp today), or none, gets GDPR's, as every request did before.
    public static string Normalise(string? regime) =>
        regime?.Trim().ToLowerInvariant() is { } id && Written.ContainsKey(id) ? id : Gdpr;

    public static IReadOnlyList<string> LanguagesOf(string? regime) => Written[Normalise(regime)];

    // The language a request's letters and e-mails are written in.
    public static string For(string? regime, string language)
    {
        var languages = LanguagesOf(regime);
        return languages.Contains(language, StringComparer.Ordinal) ? language : languages[0];
    }
}
