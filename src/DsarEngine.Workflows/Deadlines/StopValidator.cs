namespace DsarEngine.Workflows.Deadlines;

// Stops must be real intervals inside the life of the request, in order, not overlapping.
internal static class StopValidator
{
    public static void Check(IReadOnlyList<ClockStop> stops, DateOnly receivedOn, TimeZoneInfo zone, FieldErrors errors)
    {
        ClockStop? previous = null;
        foreach (var stop in stops.OrderBy(s => s.Start))
        {
            if (stop.End < stop.Start)
            {
                errors.Add("stops", $"Stop {stop.Interval} ends before it starts");
            }

            if (stop.Start < receivedOn)
            {
                errors.Add("stops",
                    $"Stop {stop.Interval} starts before the request was received on {IsoDate.Format(receivedOn)} ({zone.Id})");
            }

            if (previous is { End: null })
            {
                errors.Add("stops", $"Only the last stop can be open-ended: {previous.Interval} is followed by {stop.Interval}");
            }
            else if (previous?.End > stop.Start)
            {
                errors.Add("stops", $"Stops {previous.Interval} and {stop.Interval} overlap");
            }

            previous = stop;
        }
    }
}
