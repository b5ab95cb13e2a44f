namespace DsarEngine.Workflows.Deadlines;

internal enum PeriodUnit
{
    // Calendar months: same date in the target month, clamped to its last day (Reg. 1182/71 Art. 3(2)(c)).
    Months,
    CalendarDays,

    // Days that are not Saturdays, Sundays, public holidays or organisation closure days.
    WorkingDays,
}

internal sealed record Period(int Amount, PeriodUnit Unit)
{
    public static Period Months(int amount) => new(amount, PeriodUnit.Months);

    public static Period Days(int amount) => new(amount, PeriodUnit.CalendarDays);

    public static Period WorkingDays(int amount) => new(amount, PeriodUnit.WorkingDays);

    public override string ToString() => (Unit, Amount) switch
    {
        (PeriodUnit.Months, 1) => "one month",
        (PeriodUnit.Months, 2) => "two months",
        (PeriodUnit.Months, 3) => "three months",
        (PeriodUnit.Months, _) => $"{Amount} months",
        (PeriodUnit.CalendarDays, _) => $"{Amount} calendar days",
        _ => $"{Amount} working days",
    };
}
