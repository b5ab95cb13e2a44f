using System.Globalization;
using System.Resources;

namespace DsarEngine.Server.Subjects;

// Every text a data subject reads, in their language: one resource set (Texts/SubjectTexts*.resx), keys prefixed by the
// part that owns them (Common.*, Form.*, Portal.*). English is the neutral language; a missing key is a bug.
internal sealed class SubjectText(string language)
{
    internal const string BaseName = "DsarEngine.Server.Subjects.Texts.SubjectTexts";

    internal static readonly ResourceManager Resources = new(BaseName, typeof(SubjectText).Assembly);

    private readonly CultureInfo culture = SubjectLanguage.Culture(language);

    public string Language { get; } = language;

    public string this[string key] =>
        Resources.GetString(key, culture) ?? throw new KeyNotFoundException($"No subject text '{key}'.");

    // Dates and numbers in the arguments are written as the language writes them.
    public string Format(string key, params object?[] args) => string.Format(culture, this[key], args);
}
