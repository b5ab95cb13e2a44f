using DsarEngine.Workflows.Deadlines.Holidays;

namespace DsarEngine.Workflows.Deadlines;

// The days off of one computation: weekends, public holidays (the jurisdiction's, or the regime's own where it
// counts business days: see BusinessDayReading) and the organisation's closure days, each with the words used to explain it.
internal sealed class WorkingCalendar(HolidayCalendar? holidays, string place, IReadOnlyList<ClosureDay> closureDays)
{
    public WorkingCalendar(JurisdictionInfo jurisdiction, IReadOnlyList<ClosureDay> closureDays)
        : this(jurisdiction.Calendar, jurisdiction.Code, closureDays)
    {
    }

    private readonly Dictionary<DateOnly, string> closures = closureDays
        .GroupBy(c => c.Date)
        .ToDictionary(g => g.Key, g => string.Join(" / ", g.Select(c => c.Name)));

    public HolidayCalendar? HolidayCalendar => holidays;

    // Null on a working day.
    public string? WhyOff(DateOnly date)
    {
        if (holidays is { } calendar && calendar.TryGetHoliday(date, out var holiday))
        {
            return $"{holiday}, public holiday in {place}";
        }

        if (closures.TryGetValue(date, out var closure))
        {
            return $"{closure}, organisation closure day";
        }

        return date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? date.DayOfWeek.ToString() : null;
    }

    public bool IsWorkingDay(DateOnly date) => WhyOff(date) is null;

    // Whether a period ending on this day moves on, and why.
    public string? WhyRollPast(DateOnly date, RollForwardRule rule) => rule switch
    {
        RollForwardRule.NextWorkingDay => WhyOff(date),
        RollForwardRule.SkipSundaysAndHolidays when date.DayOfWeek == DayOfWeek.Saturday =>
            WhyOff(date) is { } why && why != nameof(DayOfWeek.Saturday) ? why : null,
        RollForwardRule.SkipSundaysAndHolidays => WhyOff(date),
        _ => null,
    };

    // The nth working day after start (start itself not counted, like the day of receipt).
    public DateOnly AddWorkingDays(DateOnly start, int count)
    {
        var date = start;
        for (var counted = 0; counted < count;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }
}
