using System.Globalization;

namespace DsarEngine.Workflows.Deadlines;

// receivedAt: an ISO 8601 date-time with an explicit offset. Without one, the instant would depend on the
// server's zone, so a missing offset is an error rather than a guess.
internal static class InstantParser
{
    private const string Example = "such as 2025-03-05T09:30:00Z or 2025-03-05T10:30:00+01:00";

    private static readonly string[] Formats =
        ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mmzzz"];

    public static DateTimeOffset? Parse(string? raw, FieldErrors errors)
    {
        var text = raw?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors.Add("receivedAt", $"receivedAt is required: an ISO 8601 date-time with a UTC offset, {Example}");
            return null;
        }

        // An unencoded '+' in a query string arrives as a space: "10:30:00 01:00".
        if (text.Length > 6 && text[^6] == ' ' && text[^3] == ':')
        {
            text = $"{text[..^6]}+{text[^5..]}";
        }

        var hasOffset = text.EndsWith('Z') || text.EndsWith('z')
            || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
        if (!hasOffset)
        {
            errors.Add("receivedAt", $"receivedAt '{raw}' has no UTC offset: give one, {Example}");
            return null;
        }

        var normalised = text.EndsWith('Z') || text.EndsWith('z') ? $"{text[..^1]}+00:00" : text;
        if (DateTimeOffset.TryParseExact(normalised, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant))
        {
            return instant;
        }

        errors.Add("receivedAt", $"receivedAt '{raw}' is not an ISO 8601 date-time with a UTC offset, {Example}");
        return null;
    }
}
