using System.Globalization;

namespace DsarEngine.Workflows.Deadlines;

// Dates in explanations are ISO 8601 whatever the server's culture.
internal static class IsoDate
{
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // For dates that do not exist, e.g. "2025-02-31" when explaining a clamp.
    public static string Format(int year, int month, int day) =>
        string.Create(CultureInfo.InvariantCulture, $"{year:D4}-{month:D2}-{day:D2}");
}
