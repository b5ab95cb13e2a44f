namespace DsarEngine.Workflows.Deadlines.Holidays;

// A one-off change to a calendar decided for a single year (a royal proclamation, a jubilee, a state
// funeral): kept as data beside the rules so that the rules stay true for every other year.
internal sealed record HolidayAdjustment(DateOnly Date, string Name, bool Removes)
{
    public static HolidayAdjustment Added(int year, int month, int day, string name) =>
        new(new DateOnly(year, month, day), name, Removes: false);

    // Removes whatever the rules put on that date (the holiday was moved elsewhere that year).
    public static HolidayAdjustment Removed(int year, int month, int day, string why) =>
        new(new DateOnly(year, month, day), why, Removes: true);
}
