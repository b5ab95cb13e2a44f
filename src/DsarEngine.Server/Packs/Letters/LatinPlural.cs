using System.Globalization;

namespace DsarEngine.Server.Packs.Letters;

// English and French nouns agree with the number before them in two forms: English takes the first for 1 only
// ("1 record", "2 records"), French for 0 and 1 ("1 enregistrement", "2 enregistrements"). A text writes
// "{0:plural:record|records}"; every other value is formatted by the language's culture as usual.
internal sealed class LatinPlural(string language) : IFormatProvider, ICustomFormatter
{
    public static readonly LatinPlural English = new("en");
    public static readonly LatinPlural French = new("fr");
    private const string Prefix = "plural:";
    private readonly CultureInfo culture = CultureInfo.GetCultureInfo(language);

    public object? GetFormat(Type? formatType) => formatType == typeof(ICustomFormatter) ? this : culture.GetFormat(formatType);

    public string Format(string? format, object? arg, IFormatProvider? formatProvider)
    {
        if (format is not null && format.StartsWith(Prefix, StringComparison.Ordinal) && arg is int or long)
        {
            var n = Math.Abs(Convert.ToInt64(arg, culture));
            var one = language == "fr" ? n < 2 : n == 1;
            return format[Prefix.Length..].Split('|')[one ? 0 : 1];
        }
        return arg is IFormattable formattable ? formattable.ToString(format, culture) : arg?.ToString() ?? "";
    }
}
