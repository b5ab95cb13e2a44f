namespace DsarEngine.Workflows.Deadlines.Holidays;

// The calendars the legal clock knows. Each is computed from rules (see HolidayRule); one-off changes
// decided for a single year are listed as HolidayAdjustment data next to the rules they amend.
internal static partial class HolidayCalendars
{
    public static IReadOnlyList<HolidayCalendar> All =>
    [
        France, AlsaceMoselle, Germany, Ireland, Spain, Italy, Netherlands, Belgium,
        EnglandAndWales, Scotland, NorthernIreland,
        UnitedStatesFederal, California, Brazil, Canada, Switzerland, Russia,
    ];
}
