using static DsarEngine.Workflows.Deadlines.Holidays.CommonHolidays;
using static DsarEngine.Workflows.Deadlines.Holidays.HolidayRule;

namespace DsarEngine.Workflows.Deadlines.Holidays;

// National public holidays of EU member states. Regional holidays (German Länder, Spanish autonomous
// communities) are not modelled: the national calendar is the common floor for the whole country.
internal static partial class HolidayCalendars
{
    // Code du travail, art. L3133-1. Whit Monday stays a public holiday even where it is worked as the
    // "journée de solidarité" (art. L3133-7).
    public static readonly HolidayCalendar France = new("FR", "France (national)",
    [
        NewYearsDay, EasterMonday, LabourDay, Fixed("Victory in Europe Day", 5, 8), AscensionDay, WhitMonday,
        Fixed("Bastille Day", 7, 14), Assumption, AllSaints, Fixed("Armistice Day", 11, 11), ChristmasDay,
    ]);

    // Moselle, Bas-Rhin and Haut-Rhin add Good Friday and 26 December (Code du travail, art. L3134-13).
    public static readonly HolidayCalendar AlsaceMoselle = new("FR-ALSACE-MOSELLE", "France (Alsace-Moselle)",
    [
        NewYearsDay, GoodFriday, EasterMonday, LabourDay, Fixed("Victory in Europe Day", 5, 8), AscensionDay,
        WhitMonday, Fixed("Bastille Day", 7, 14), Assumption, AllSaints, Fixed("Armistice Day", 11, 11),
        ChristmasDay, StStephensDay,
    ]);

    // Federal holidays only (Einigungsvertrag art. 2(2) for 3 October; the rest are Land law common to all).
    public static readonly HolidayCalendar Germany = new("DE", "Germany (federal)",
        [NewYearsDay, GoodFriday, EasterMonday, LabourDay, AscensionDay, WhitMonday,
            Fixed("German Unity Day", 10, 3), ChristmasDay, Fixed("Second Day of Christmas", 12, 26)],
        [HolidayAdjustment.Added(2017, 10, 31, "Reformation Day (500th anniversary, nationwide once)")]);

    // Organisation of Working Time Act 1997, Sch. 2. Irish public holidays are not moved when they fall on
    // a weekend (the employee gets another day instead), so no substitute days here.
    public static readonly HolidayCalendar Ireland = new("IE", "Ireland",
        [
            NewYearsDay,
            new HolidayRule("St Brigid's Day", StBrigidsDay).Since(2023),
            Fixed("St Patrick's Day", 3, 17), EasterMonday,
            Nth("May Bank Holiday", 1, DayOfWeek.Monday, 5), Nth("June Bank Holiday", 1, DayOfWeek.Monday, 6),
            Nth("August Bank Holiday", 1, DayOfWeek.Monday, 8), Last("October Bank Holiday", DayOfWeek.Monday, 10),
            ChristmasDay, StStephensDay,
        ],
        [HolidayAdjustment.Added(2022, 3, 18, "Public holiday (once, in recognition of the COVID-19 response)")]);

    // Real Decreto 2001/1983 art. 45 and the yearly BOE resolution: the days common to all of Spain.
    // Regions may move a national holiday that falls on a Sunday; that is not modelled.
    public static readonly HolidayCalendar Spain = new("ES", "Spain (national)",
    [
        NewYearsDay, Fixed("Epiphany", 1, 6), GoodFriday, LabourDay, Assumption, Fixed("National Day of Spain", 10, 12),
        AllSaints, Fixed("Constitution Day", 12, 6), Fixed("Immaculate Conception", 12, 8), ChristmasDay,
    ]);

    // Legge 260/1949 as amended; 4 October (St Francis) restored as a national holiday from 2026 by a 2025
    // law (flagged as to be confirmed in docs/legal-clock.md).
    public static readonly HolidayCalendar Italy = new("IT", "Italy",
    [
        NewYearsDay, Fixed("Epiphany", 1, 6), EasterMonday, Fixed("Liberation Day", 4, 25), LabourDay,
        Fixed("Republic Day", 6, 2), Assumption, Fixed("St Francis of Assisi", 10, 4).Since(2026), AllSaints,
        Fixed("Immaculate Conception", 12, 8), ChristmasDay, StStephensDay,
    ]);

    // Algemene termijnenwet art. 3 (the days that extend statutory periods): New Year, Easter and Whit
    // Mondays, Ascension, both Christmas days, the King's (Queen's) birthday and 5 May. Good Friday is not
    // on that list and is left out.
    public static readonly HolidayCalendar Netherlands = new("NL", "Netherlands",
    [
        NewYearsDay, EasterMonday,
        new HolidayRule("King's Day", y => SundayMovesBack(new DateOnly(y, 4, 27))).Since(2014),
        new HolidayRule("Queen's Day", y => SundayMovesBack(new DateOnly(y, 4, 30))).Until(2013),
        Fixed("Liberation Day", 5, 5), AscensionDay, WhitMonday, ChristmasDay, Fixed("Second Day of Christmas", 12, 26),
    ]);

    // Loi du 4 janvier 1974 relative aux jours fériés.
    public static readonly HolidayCalendar Belgium = new("BE", "Belgium",
    [
        NewYearsDay, EasterMonday, LabourDay, AscensionDay, WhitMonday, Fixed("National Day", 7, 21), Assumption,
        AllSaints, Fixed("Armistice Day", 11, 11), ChristmasDay,
    ]);

    // Since 2023: the first Monday of February, or 1 February itself when that is a Friday.
    private static DateOnly? StBrigidsDay(int year)
    {
        var first = new DateOnly(year, 2, 1);
        return first.DayOfWeek == DayOfWeek.Friday
            ? first
            : first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7);
    }

    private static DateOnly SundayMovesBack(DateOnly date) =>
        date.DayOfWeek == DayOfWeek.Sunday ? date.AddDays(-1) : date;
}
