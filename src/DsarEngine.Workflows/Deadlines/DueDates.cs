namespace DsarEngine.Workflows.Deadlines;

// The initial and extended due dates of one request, with their steps.
internal sealed record DueDate(DateOnly PeriodEnd, DateOnly Due);

internal static class DueDates
{
    private const string InitialLabel = "Initial deadline";
    private const string ExtendedLabel = "Extended deadline";

    public static DueDate Initial(RegimeRules regime, StopEffect stop, WorkingCalendar calendar, List<DeadlineStep> steps)
    {
        var end = PeriodArithmetic.End(stop.ClockStart, regime.Period, calendar, InitialLabel, steps);
        return new DueDate(end, Finish(end, regime, stop, calendar, InitialLabel, steps));
    }

    public static DateOnly? Extended(
        RegimeRules regime, ExtensionMethod method, StopEffect stop, DueDate initial, WorkingCalendar calendar, List<DeadlineStep> steps)
    {
        if (regime.Extension is not { } extension)
        {
            return null;
        }

        DateOnly end;
        string how;
        if (regime.Period.Unit == PeriodUnit.Months && extension.Unit == PeriodUnit.Months && method == ExtensionMethod.FromReceipt)
        {
            // ICO: the extended deadline is three months from receipt, with the same month-end rules.
            end = PeriodArithmetic.End(
                stop.ClockStart, Period.Months(regime.Period.Amount + extension.Amount), calendar, ExtendedLabel, steps);
            how = "counted as three months from the start of the period (ICO method)";
        }
        else
        {
            // Conservative reading for months ("end of the first month plus two"); the only reading for days.
            end = PeriodArithmetic.End(initial.PeriodEnd, extension, calendar, ExtendedLabel, steps, "the end of the first period");
            how = "counted from the end of the first period";
        }

        var due = Finish(end, regime, stop, calendar, ExtendedLabel, steps);
        steps.Add(new DeadlineStep(StepKinds.Extension,
            $"Extension by {extension}, {how}, gives {IsoDate.Format(due)} ({regime.ExtensionSource})", due));
        return due;
    }

    private static DateOnly Finish(
        DateOnly end, RegimeRules regime, StopEffect stop, WorkingCalendar calendar, string label, List<DeadlineStep> steps)
    {
        if (stop.DaysAdded > 0)
        {
            end = end.AddDays(stop.DaysAdded);
            steps.Add(new DeadlineStep(StepKinds.Stop,
                $"{label}: {stop.DaysAdded} stopped day(s) added gives {IsoDate.Format(end)}", end));
        }

        return RollForward.Apply(end, regime, calendar, label, steps);
    }
}
