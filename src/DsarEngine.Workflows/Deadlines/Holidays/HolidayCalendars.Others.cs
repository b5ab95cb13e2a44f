using static DsarEngine.Workflows.Deadlines.Holidays.CommonHolidays;
using static DsarEngine.Workflows.Deadlines.Holidays.HolidayRule;

namespace DsarEngine.Workflows.Deadlines.Holidays;

internal static partial class HolidayCalendars
{
    // Holidays are cantonal in Switzerland; these are the days observed in (nearly) all cantons, with
    // 1 August federal (Federal Constitution art. 110(3)). Saturdays are treated like holidays for
    // deadlines anyway (Federal Act of 21 June 1963 on the computation of deadlines including Saturdays).
    public static readonly HolidayCalendar Switzerland = new("CH", "Switzerland (common days)",
    [
        NewYearsDay, GoodFriday, EasterMonday, AscensionDay, WhitMonday, Fixed("Swiss National Day", 8, 1),
        ChristmasDay, StStephensDay,
    ]);

    // Labour Code art. 112. A holiday on a weekend moves to the next working day, except the January ones,
    // whose moves the government sets by yearly decree (the "production calendar"); those decrees, and
    // the Saturdays they turn into working days, are not modelled, so this is an approximation.
    public static readonly HolidayCalendar Russia = new("RU", "Russia (approximate: no yearly transfers)",
    [
        .. Enumerable.Range(1, 5).Select(day => Fixed("New Year holidays", 1, day)),
        Fixed("New Year holidays", 1, 6).Since(2013),
        Fixed("Orthodox Christmas", 1, 7),
        Fixed("New Year holidays", 1, 8).Since(2013),
        Fixed("Defender of the Fatherland Day", 2, 23).Substituted(),
        Fixed("International Women's Day", 3, 8).Substituted(),
        Fixed("Spring and Labour Day", 5, 1).Substituted(),
        Fixed("Victory Day", 5, 9).Substituted(),
        Fixed("Russia Day", 6, 12).Substituted(),
        Fixed("Unity Day", 11, 4).Substituted().Since(2005),
    ]);
}
