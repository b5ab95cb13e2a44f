namespace DsarEngine.Workflows.Deadlines;

// Where a period counted from a start day ends, before any roll-forward. The start day itself is not
// counted (GDPR/UK GDPR via Reg. 1182/71 Art. 3(1) and the ICO; "within 45 days of receipt" likewise).
internal static class PeriodArithmetic
{
    public static DateOnly Add(DateOnly from, Period period, WorkingCalendar calendar) => period.Unit switch
    {
        // DateOnly.AddMonths already clamps to the month's last day, as Reg. 1182/71 Art. 3(2)(c) requires.
        PeriodUnit.Months => from.AddMonths(period.Amount),
        PeriodUnit.CalendarDays => from.AddDays(period.Amount),
        _ => calendar.AddWorkingDays(from, period.Amount),
    };

    // Same as Add, explaining the result in steps.
    public static DateOnly End(
        DateOnly from, Period period, WorkingCalendar calendar, string label, ICollection<DeadlineStep> steps, string? basis = null)
    {
        var end = Add(from, period, calendar);
        var counted = basis is null ? $"{period} after {IsoDate.Format(from)}" : $"{period} after {basis}, {IsoDate.Format(from)},";
        if (period.Unit == PeriodUnit.Months && end.Day != from.Day)
        {
            // Reg. 1182/71 Art. 3(2)(c); ICO: "if there is no corresponding calendar date, the last day of the month".
            var missing = IsoDate.Format(end.Year, end.Month, from.Day);
            steps.Add(new DeadlineStep(StepKinds.Clamp,
                $"{label}: {counted} would be {missing}, which does not exist; " +
                $"the period ends on the last day of that month, {IsoDate.Format(end)}",
                end));
        }
        else
        {
            steps.Add(new DeadlineStep(StepKinds.RawDate, $"{label}: {counted} is {IsoDate.Format(end)}", end));
        }

        return end;
    }
}
