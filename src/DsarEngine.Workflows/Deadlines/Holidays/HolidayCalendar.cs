using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace DsarEngine.Workflows.Deadlines.Holidays;

// A computed public-holiday calendar. Years are built on first use and cached: the rules are immutable.
internal sealed class HolidayCalendar(
    string id,
    string name,
    IReadOnlyList<HolidayRule> rules,
    IReadOnlyList<HolidayAdjustment>? adjustments = null)
{
    private readonly ConcurrentDictionary<int, IReadOnlyDictionary<DateOnly, string>> years = new();

    public string Id { get; } = id;

    public string Name { get; } = name;

    public IReadOnlyDictionary<DateOnly, string> HolidaysIn(int year) =>
        years.GetOrAdd(year, y => HolidayYearBuilder.Build(rules, adjustments ?? [], y));

    public bool TryGetHoliday(DateOnly date, [NotNullWhen(true)] out string? holidayName) =>
        HolidaysIn(date.Year).TryGetValue(date, out holidayName);
}
