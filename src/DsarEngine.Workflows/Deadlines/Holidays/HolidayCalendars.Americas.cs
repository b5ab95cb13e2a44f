using static DsarEngine.Workflows.Deadlines.Holidays.CommonHolidays;
using static DsarEngine.Workflows.Deadlines.Holidays.HolidayRule;

namespace DsarEngine.Workflows.Deadlines.Holidays;

internal static partial class HolidayCalendars
{
    // 5 U.S.C. 6103(a); a holiday on Saturday is observed on Friday, on Sunday on Monday (E.O. 11582).
    // Used for every US state: state holiday calendars (e.g. California's Cesar Chavez Day) are not
    // modelled; see docs/legal-clock.md.
    public static readonly HolidayCalendar UnitedStatesFederal = new("US", "United States (federal)",
    [
        NewYearsDay.Substituted(Substitution.NearestWeekday),
        Nth("Birthday of Martin Luther King, Jr.", 3, DayOfWeek.Monday, 1).Since(1986),
        Nth("Washington's Birthday", 3, DayOfWeek.Monday, 2),
        Last("Memorial Day", DayOfWeek.Monday, 5),
        Fixed("Juneteenth National Independence Day", 6, 19).Substituted(Substitution.NearestWeekday).Since(2021),
        Fixed("Independence Day", 7, 4).Substituted(Substitution.NearestWeekday),
        Nth("Labor Day", 1, DayOfWeek.Monday, 9),
        Nth("Columbus Day", 2, DayOfWeek.Monday, 10),
        Fixed("Veterans Day", 11, 11).Substituted(Substitution.NearestWeekday),
        Nth("Thanksgiving Day", 4, DayOfWeek.Thursday, 11),
        ChristmasDay.Substituted(Substitution.NearestWeekday),
    ]);

    // Lei 662/1949 (as amended by Lei 10.607/2002), Lei 6.802/1980 (12 October), Lei 14.759/2023 (20 November,
    // from 2024) and Lei 9.093/1995 (Good Friday, in practice observed nationwide). Carnival and Corpus
    // Christi are "ponto facultativo", not holidays, and are left out.
    public static readonly HolidayCalendar Brazil = new("BR", "Brazil (national)",
    [
        NewYearsDay, GoodFriday, Fixed("Tiradentes", 4, 21), LabourDay, Fixed("Independence Day", 9, 7),
        Fixed("Our Lady of Aparecida", 10, 12), Fixed("All Souls' Day", 11, 2),
        Fixed("Proclamation of the Republic", 11, 15), Fixed("Black Consciousness Day", 11, 20).Since(2024),
        ChristmasDay,
    ]);

    // Federal general holidays (Canada Labour Code s. 166; Interpretation Act s. 35). Holidays on a weekend
    // move to the next free weekday, as the federal public service observes them.
    public static readonly HolidayCalendar Canada = new("CA", "Canada (federal)",
    [
        NewYearsDay.Substituted(), GoodFriday, EasterMonday, OnOrBefore("Victoria Day", DayOfWeek.Monday, 5, 24),
        Fixed("Canada Day", 7, 1).Substituted(), Nth("Labour Day", 1, DayOfWeek.Monday, 9),
        Fixed("National Day for Truth and Reconciliation", 9, 30).Substituted().Since(2021),
        Nth("Thanksgiving", 2, DayOfWeek.Monday, 10), Fixed("Remembrance Day", 11, 11).Substituted(),
        ChristmasDay.Substituted(), Fixed("Boxing Day", 12, 26).Substituted(),
    ]);
}
