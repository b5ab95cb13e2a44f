using static DsarEngine.Workflows.Deadlines.Holidays.CommonHolidays;
using static DsarEngine.Workflows.Deadlines.Holidays.HolidayRule;

namespace DsarEngine.Workflows.Deadlines.Holidays;

// UK bank holidays: Banking and Financial Dealings Act 1971 Sch. 1 (Scotland also the St Andrew's Day Bank
// Holiday (Scotland) Act 2007), plus the days fixed each year by royal proclamation. A holiday on a weekend
// gets a substitute on the next free weekday, as gov.uk/bank-holidays publishes (e.g. Christmas 2021 on a
// Saturday: Monday 27 and Tuesday 28 December; Christmas 2022 on a Sunday: Tuesday 27 December).
internal static partial class HolidayCalendars
{
    // One-off proclamations, UK-wide. Data rather than rules, as gov.uk lists them.
    private static readonly HolidayAdjustment[] UkOneOffs =
    [
        HolidayAdjustment.Removed(2002, 5, 27, "Spring bank holiday moved to 4 June for the Golden Jubilee"),
        HolidayAdjustment.Added(2002, 6, 3, "Golden Jubilee bank holiday"),
        HolidayAdjustment.Added(2002, 6, 4, "Spring bank holiday"),
        HolidayAdjustment.Added(2011, 4, 29, "Royal wedding bank holiday"),
        HolidayAdjustment.Removed(2012, 5, 28, "Spring bank holiday moved to 4 June for the Diamond Jubilee"),
        HolidayAdjustment.Added(2012, 6, 4, "Spring bank holiday"),
        HolidayAdjustment.Added(2012, 6, 5, "Queen's Diamond Jubilee"),
        HolidayAdjustment.Removed(2020, 5, 4, "Early May bank holiday moved to 8 May for VE Day"),
        HolidayAdjustment.Added(2020, 5, 8, "Early May bank holiday (VE Day)"),
        HolidayAdjustment.Removed(2022, 5, 30, "Spring bank holiday moved to 2 June for the Platinum Jubilee"),
        HolidayAdjustment.Added(2022, 6, 2, "Spring bank holiday"),
        HolidayAdjustment.Added(2022, 6, 3, "Platinum Jubilee bank holiday"),
        HolidayAdjustment.Added(2022, 9, 19, "Bank holiday for the State Funeral of Queen Elizabeth II"),
        HolidayAdjustment.Added(2023, 5, 8, "Bank holiday for the coronation of King Charles III"),
    ];

    private static readonly HolidayRule UkNewYear = NewYearsDay.Substituted();
    private static readonly HolidayRule EarlyMay = Nth("Early May bank holiday", 1, DayOfWeek.Monday, 5);
    private static readonly HolidayRule SpringBankHoliday = Last("Spring bank holiday", DayOfWeek.Monday, 5);
    private static readonly HolidayRule UkChristmas = ChristmasDay.Substituted();
    private static readonly HolidayRule BoxingDay = Fixed("Boxing Day", 12, 26).Substituted();

    public static readonly HolidayCalendar EnglandAndWales = new("GB-EAW", "England and Wales",
        [UkNewYear, GoodFriday, EasterMonday, EarlyMay, SpringBankHoliday,
            Last("Summer bank holiday", DayOfWeek.Monday, 8), UkChristmas, BoxingDay],
        UkOneOffs);

    // No Easter Monday; 2 January, the first Monday of August and St Andrew's Day instead.
    public static readonly HolidayCalendar Scotland = new("GB-SCT", "Scotland",
        [UkNewYear, Fixed("2nd January", 1, 2).Substituted(), GoodFriday, EarlyMay, SpringBankHoliday,
            Nth("Summer bank holiday", 1, DayOfWeek.Monday, 8), Fixed("St Andrew's Day", 11, 30).Substituted(),
            UkChristmas, BoxingDay],
        UkOneOffs);

    public static readonly HolidayCalendar NorthernIreland = new("GB-NIR", "Northern Ireland",
        [UkNewYear, Fixed("St Patrick's Day", 3, 17).Substituted(), GoodFriday, EasterMonday, EarlyMay,
            SpringBankHoliday, Fixed("Battle of the Boyne (Orangemen's Day)", 7, 12).Substituted(),
            Last("Summer bank holiday", DayOfWeek.Monday, 8), UkChristmas, BoxingDay],
        UkOneOffs);
}
