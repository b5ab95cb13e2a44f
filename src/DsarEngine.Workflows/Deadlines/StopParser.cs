using System.Globalization;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Workflows.Deadlines;

// stops: a comma-separated list of ISO 8601 date intervals in the controller's local dates, e.g.
// "2025-03-05/2025-03-10,2025-04-01/.." (".." or nothing after the slash: still waiting), each optionally after
// a reason (ClockStopReasons) and a colon: "clarification:2025-03-20/2025-03-21". Without one, the regime's
// rule for a stop of unnamed reason applies.
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
                    $"Stop '{item}' is not an ISO 8601 date interval such as 2025-03-05/2025-03-10 (or 2025-03-05/.. while still " +
                    $"waiting), optionally after a reason ({string.Join(", ", ClockStopReasons.All)}) and a colon");
            }
        }

        return stops;
    }

    private static ClockStop? TryParseStop(string item)
    {
        var reason = DeadlineQueryParser.StopReason;
        if (item.Split(':') is [var named, var interval])
        {
            if (!ClockStopReasons.All.Contains(named.Trim()))
            {
                return null;
            }

            reason = named.Trim();
            item = interval.Trim();
        }

        var parts = item.Split('/');
        if (parts.Length != 2 || !TryDate(parts[0], out var start))
        {
            return null;
        }

        if (parts[1] is "" or "..")
        {
            return new ClockStop(start, null, reason);
        }

        return TryDate(parts[1], out var end) ? new ClockStop(start, end, reason) : null;
    }

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
