namespace DsarEngine.Workflows.Deadlines.Holidays;

// Turns rules and one-off adjustments into the holidays of one year, substitute days included.
internal static class HolidayYearBuilder
{
    private readonly record struct Occurrence(DateOnly Date, string Name, Substitution Substitution);

    public static IReadOnlyDictionary<DateOnly, string> Build(
        IReadOnlyList<HolidayRule> rules, IReadOnlyList<HolidayAdjustment> adjustments, int year)
    {
        // Neighbouring years too: a US holiday on Saturday 1 January is observed on Friday 31 December.
        var occurrences = new List<Occurrence>();
        for (var y = year - 1; y <= year + 1; y++)
        {
            foreach (var rule in rules)
            {
                if (rule.AppliesIn(y) && rule.DateIn(y) is { } date)
                {
                    occurrences.Add(new Occurrence(date, rule.Name, rule.Substitution));
                }
            }
        }

        occurrences.RemoveAll(o => adjustments.Any(a => a.Removes && a.Date == o.Date));
        occurrences.AddRange(adjustments
            .Where(a => !a.Removes && Math.Abs(a.Date.Year - year) <= 1)
            .Select(a => new Occurrence(a.Date, a.Name, Substitution.None)));

        var days = new Dictionary<DateOnly, string>();
        foreach (var occurrence in occurrences)
        {
            Add(days, occurrence.Date, occurrence.Name);
        }

        // In date order, so that a Sunday Christmas skips a Monday Boxing Day and lands on Tuesday.
        foreach (var occurrence in occurrences.Where(o => IsSubstituted(o.Date, o.Substitution)).OrderBy(o => o.Date))
        {
            var (substitute, label) = occurrence.Substitution switch
            {
                Substitution.NearestWeekday =>
                    (occurrence.Date.AddDays(occurrence.Date.DayOfWeek == DayOfWeek.Saturday ? -1 : 1), "observed"),
                Substitution.SundayToMonday => (occurrence.Date.AddDays(1), "observed"),
                _ => (NextFreeWeekday(occurrence.Date, days), "substitute day"),
            };
            Add(days, substitute, $"{occurrence.Name} ({label})");
        }

        return days.Where(d => d.Key.Year == year).ToDictionary(d => d.Key, d => d.Value);
    }

    private static DateOnly NextFreeWeekday(DateOnly date, Dictionary<DateOnly, string> days)
    {
        var candidate = date.AddDays(1);
        while (IsWeekend(candidate) || days.ContainsKey(candidate))
        {
            candidate = candidate.AddDays(1);
        }

        return candidate;
    }

    private static void Add(Dictionary<DateOnly, string> days, DateOnly date, string name) =>
        days[date] = days.TryGetValue(date, out var existing) ? $"{existing} / {name}" : name;

    private static bool IsSubstituted(DateOnly date, Substitution substitution) => substitution switch
    {
        Substitution.None => false,
        Substitution.SundayToMonday => date.DayOfWeek == DayOfWeek.Sunday,
        _ => IsWeekend(date),
    };

    private static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
