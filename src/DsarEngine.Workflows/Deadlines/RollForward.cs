namespace DsarEngine.Workflows.Deadlines;

// Moves a period's last day past days off, per the regime's rule, explaining what was skipped.
internal static class RollForward
{
    public static DateOnly Apply(
        DateOnly end, RegimeRules regime, WorkingCalendar calendar, string label, ICollection<DeadlineStep> steps)
    {
        if (regime.RollForward == RollForwardRule.None)
        {
            if (calendar.WhyOff(end) is { } off)
            {
                steps.Add(new DeadlineStep(StepKinds.Calendar,
                    $"{label}: {IsoDate.Format(end)} ({off}) stands: no roll-forward under {regime.Id} ({regime.RollForwardSource})",
                    end));
            }

            return end;
        }

        var skipped = new List<string>();
        var due = end;
        while (calendar.WhyRollPast(due, regime.RollForward) is { } why)
        {
            skipped.Add($"{IsoDate.Format(due)} ({why})");
            due = due.AddDays(1);
        }

        if (skipped.Count > 0)
        {
            steps.Add(new DeadlineStep(StepKinds.RollForward,
                $"{label}: rolled forward from {string.Join(", ", skipped)} to {IsoDate.Format(due)} ({regime.RollForwardSource})",
                due));
        }

        return due;
    }
}
