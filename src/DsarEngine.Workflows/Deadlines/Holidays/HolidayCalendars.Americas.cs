using static DsarEngine.Workflows.Deadlines.Holidays.CommonHolidays;
using static DsarEngine.Workflows.Deadlines.Holidays.HolidayRule;

namespace DsarEngine.Workflows.Deadlines.Holidays;

internal static partial class HolidayCalendars
{
    // 5 U.S.C. 6103(a); a holiday on Saturday is observed on Friday, on Sunday on Monday (E.O. 11582).
    // Used for every US jurisdiction; CCPA business days use California below instead (or weekends only).
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

    // California state holidays on which state offices close (Gov. Code §6700 as observed under §19853): the
    // holiday-aware reading of CCPA "business days" (11 CCR §7021(a)). A Sunday holiday is observed on Monday and a
    // Saturday Veterans Day on Friday (§6700(b)); other Saturday holidays are lost. Lincoln's Birthday (12 Feb),
    // Juneteenth, Admission Day (9 Sep) and Columbus Day are listed in §6700 but offices stay open: left out, the
    // earlier reading (docs/legal-clock.md). Not a jurisdiction's calendar: only AmericanRegimes.Ccpa uses it.
    public static readonly HolidayCalendar California = new("US-CA", "California (state offices)",
    [
        NewYearsDay.Substituted(Substitution.SundayToMonday),
        Nth("Martin Luther King, Jr. Day", 3, DayOfWeek.Monday, 1),
        Nth("Presidents' Day", 3, DayOfWeek.Monday, 2),
        Fixed("Cesar Chavez Day", 3, 31).Substituted(Substitution.SundayToMonday).Since(2001),
        Last("Memorial Day", DayOfWeek.Monday, 5),
        Fixed("Independence Day", 7, 4).Substituted(Substitution.SundayToMonday),
        Nth("Labor Day", 1, DayOfWeek.Monday, 9),
        Nth("Native American Day", 4, DayOfWeek.Friday, 9).Since(2014),
        Fixed("Veterans Day", 11, 11).Substituted(Substitution.NearestWeekday),
        Nth("Thanksgiving Day", 4, DayOfWeek.Thursday, 11),
        new HolidayRule("Day after Thanksgiving", year => Nth("", 4, DayOfWeek.Thursday, 11).DateIn(year)?.AddDays(1)),
        ChristmasDay.Substituted(Substitution.SundayToMonday),
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
