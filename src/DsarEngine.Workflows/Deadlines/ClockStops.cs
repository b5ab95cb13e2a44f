using DsarEngine.Workflows.Requests;

namespace DsarEngine.Workflows.Deadlines;

// What the waits for identity proof, clarification or a fee do to a regime's clock.
internal sealed record StopEffect(DateOnly ClockStart, int DaysAdded, int StoppedDays, DateOnly? StoppedSince);

// Each stop gets the policy of its reason and right (RegimeRules.StopFor): restarts move the start of the period to
// the latest arrival, waiting days and pauses are added to its end.
internal static class ClockStops
{
    public static StopEffect Apply(
        RegimeRules regime, Right? right, DateOnly receivedOn, IReadOnlyList<ClockStop> stops, ICollection<DeadlineStep> steps)
    {
        var ruled = stops.Select(s => (Stop: s, Ruling: regime.StopFor(s.Reason, right))).ToList();
        foreach (var (stop, ruling) in ruled.Where(r => !r.Ruling.Stops))
        {
            steps.Add(new DeadlineStep(StepKinds.Stop,
                $"Waiting {stop.Interval} ({stop.Reason}) does not stop the clock under {regime.Id}: {ruling.Source}", stop.Start));
        }

        var stopping = ruled.Where(r => r.Ruling.Stops).ToList();
        var clockStart = stopping.Where(r => r.Ruling.Policy == StopClockPolicy.RestartsOnArrival)
            .Select(r => r.Stop.End ?? receivedOn).Append(receivedOn).Max();
        var added = 0;
        var stopped = 0;
        foreach (var (stop, ruling) in stopping)
        {
            var days = ruling.Policy switch
            {
                StopClockPolicy.PausesInclusive => PausedDays(stop, clockStart),
                _ => stop.Days,
            };
            stopped += days;
            added += ruling.Policy == StopClockPolicy.RestartsOnArrival ? 0 : days;
            steps.Add(new DeadlineStep(StepKinds.Stop, Explain(stop, ruling, days), stop.End ?? stop.Start));
        }

        var open = stopping.FirstOrDefault(r => r.Stop.End is null).Stop?.Start;
        return new StopEffect(clockStart, added, stopped, open);
    }

    // Both the day of asking and the day of arrival are paused, but only days on which the period runs: from the day
    // after its start (the day of receipt or of a restart is not counted anyway).
    private static int PausedDays(ClockStop stop, DateOnly clockStart)
    {
        if (stop.End is not { } end)
        {
            return 0;
        }

        var from = stop.Start > clockStart ? stop.Start : clockStart.AddDays(1);
        return end < from ? 0 : end.DayNumber - from.DayNumber + 1;
    }

    private static string Explain(ClockStop stop, StopRuling ruling, int days)
    {
        if (stop.End is not { } end)
        {
            return $"Clock stopped since {IsoDate.Format(stop.Start)} ({stop.Reason}) and still stopped: the dates below "
                + "assume no further wait and move later once it arrives";
        }

        return ruling.Policy switch
        {
            StopClockPolicy.AddWaitingDays => $"Clock stopped {stop.Interval} ({stop.Reason}): {days} day(s) added ({ruling.Source})",
            StopClockPolicy.PausesInclusive => $"Clock paused {stop.Interval} ({stop.Reason}): {days} day(s) added, the day of "
                + $"asking and the day of arrival included ({ruling.Source})",
            _ => $"Clock stopped on {IsoDate.Format(stop.Start)} ({stop.Reason}); the period starts again from "
                + $"{IsoDate.Format(end)}, when it arrived ({ruling.Source})",
        };
    }
}
