namespace DsarEngine.Workflows.Deadlines;

// What the waits for identity proof or clarification do to a regime's clock.
internal sealed record StopEffect(DateOnly ClockStart, int DaysAdded, int StoppedDays, DateOnly? StoppedSince);

internal static class ClockStops
{
    public static StopEffect Apply(
        RegimeRules regime, DateOnly receivedOn, IReadOnlyList<ClockStop> stops, ICollection<DeadlineStep> steps)
    {
        if (regime.StopPolicy == StopClockPolicy.KeepsRunning)
        {
            foreach (var stop in stops)
            {
                steps.Add(new DeadlineStep(StepKinds.Stop,
                    $"Waiting {stop.Interval} ({stop.Reason}) does not stop the clock under {regime.Id}: {regime.StopSource}",
                    stop.Start));
            }

            return new StopEffect(receivedOn, 0, 0, null);
        }

        foreach (var stop in stops)
        {
            steps.Add(new DeadlineStep(StepKinds.Stop, Explain(regime, stop), stop.End ?? stop.Start));
        }

        var stoppedDays = stops.Sum(s => s.Days);
        var open = stops.FirstOrDefault(s => s.End is null)?.Start;
        return regime.StopPolicy == StopClockPolicy.AddWaitingDays
            ? new StopEffect(receivedOn, stoppedDays, stoppedDays, open)
            : new StopEffect(stops.Select(s => s.End ?? receivedOn).Append(receivedOn).Max(), 0, stoppedDays, open);
    }

    private static string Explain(RegimeRules regime, ClockStop stop)
    {
        if (stop.End is not { } end)
        {
            return $"Clock stopped since {IsoDate.Format(stop.Start)} ({stop.Reason}) and still stopped: the dates below "
                + "assume no further wait and move later once it arrives";
        }

        return regime.StopPolicy == StopClockPolicy.AddWaitingDays
            ? $"Clock stopped {stop.Interval} ({stop.Reason}): {stop.Days} day(s) added ({regime.StopSource})"
            : $"Clock stopped on {IsoDate.Format(stop.Start)} ({stop.Reason}); the period starts again from "
                + $"{IsoDate.Format(end)}, when it arrived ({regime.StopSource})";
    }
}
