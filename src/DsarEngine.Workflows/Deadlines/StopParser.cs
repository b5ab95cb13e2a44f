using System.Globalization;

namespace DsarEngine.Workflows.Deadlines;

// stops: a comma-separated list of ISO 8601 date intervals in the controller's local dates, e.g.
// "2025-03-05/2025-03-10,2025-04-01/.." (".." or nothing after the slash: still waiting).
internal static class StopParser
{
    public static IReadOnlyList<ClockStop> Parse(string? raw, FieldErrors errors)
    {
        var stops = new List<ClockStop>();
        foreach (var item in (raw ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (TryParseStop(item) is { } stop)
            {
                stops.Add(stop);
            }
            else
            {
                errors.Add("stops",
                    $"Stop '{item}' is not an ISO 8601 date interval such as 2025-03-05/2025-03-10 (or 2025-03-05/.. while still waiting)");
            }
        }

        return stops;
    }

    private static ClockStop? TryParseStop(string item)
    {
        var parts = item.Split('/');
        if (parts.Length != 2 || !TryDate(parts[0], out var start))
        {
            return null;
        }

        if (parts[1] is "" or "..")
        {
            return new ClockStop(start, null, DeadlineQueryParser.StopReason);
        }

        return TryDate(parts[1], out var end) ? new ClockStop(start, end, DeadlineQueryParser.StopReason) : null;
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
