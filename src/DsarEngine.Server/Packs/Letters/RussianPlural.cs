using System.Globalization;

namespace DsarEngine.Server.Packs.Letters;

// A Russian noun agrees with the number before it in one of three forms: 1, 21, 101 take the first ("1 день"),
// 2-4, 22-24 the second ("2 дня"), 0, 5-20, 25-30 the third ("5 дней"). A Russian text writes
// "{0:plural:день|дня|дней}" and this formatter picks the form; every other value is formatted by ru-RU as usual.
internal sealed class RussianPlural : IFormatProvider, ICustomFormatter
{
    public static readonly RussianPlural Instance = new();
    private const string Prefix = "plural:";
    private static readonly CultureInfo Russian = CultureInfo.GetCultureInfo("ru-RU");

    public object? GetFormat(Type? formatType) => formatType == typeof(ICustomFormatter) ? this : Russian.GetFormat(formatType);

    public string Format(string? format, object? arg, IFormatProvider? formatProvider)
    {
        if (format is not null && format.StartsWith(Prefix, StringComparison.Ordinal) && arg is int or long)
            return format[Prefix.Length..].Split('|')[Form(Math.Abs(Convert.ToInt64(arg, Russian)))];
        return arg is IFormattable formattable ? formattable.ToString(format, Russian) : arg?.ToString() ?? "";
    }

    public static int Form(long n) => (n % 10, n % 100) switch
    {
        (1, not 11) => 0,
        ( >= 2 and <= 4, < 12 or > 14) => 1,
        _ => 2,
    };
}
