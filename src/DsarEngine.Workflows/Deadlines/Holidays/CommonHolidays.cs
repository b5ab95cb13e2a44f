using static DsarEngine.Workflows.Deadlines.Holidays.HolidayRule;

namespace DsarEngine.Workflows.Deadlines.Holidays;

// Rules shared by several calendars. A class of its own rather than fields of the partial
// HolidayCalendars: static initialisers across the files of a partial class run in no defined order.
internal static class CommonHolidays
{
    public static readonly HolidayRule NewYearsDay = Fixed("New Year's Day", 1, 1);
    public static readonly HolidayRule GoodFriday = Easter("Good Friday", -2);
    public static readonly HolidayRule EasterMonday = Easter("Easter Monday", 1);
    public static readonly HolidayRule LabourDay = Fixed("Labour Day", 5, 1);
    public static readonly HolidayRule AscensionDay = Easter("Ascension Day", 39);
    public static readonly HolidayRule WhitMonday = Easter("Whit Monday", 50);
    public static readonly HolidayRule Assumption = Fixed("Assumption Day", 8, 15);
    public static readonly HolidayRule AllSaints = Fixed("All Saints' Day", 11, 1);
    public static readonly HolidayRule ChristmasDay = Fixed("Christmas Day", 12, 25);
    public static readonly HolidayRule StStephensDay = Fixed("St Stephen's Day", 12, 26);
}
