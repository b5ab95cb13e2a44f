namespace DsarEngine.Workflows.Deadlines;

// What happens when a period ends on a day off.
internal enum RollForwardRule
{
    // The date stands (no statutory roll-forward we can rely on; the conservative choice).
    None,

    // Moves to the next day that is not a Saturday, Sunday, public holiday or closure day
    // (Reg. 1182/71 Art. 3(4) and its national equivalents).
    NextWorkingDay,

    // Moves past Sundays and holidays but not Saturdays (Canada Interpretation Act ss. 26 and 35:
    // Saturday is not a "holiday").
    SkipSundaysAndHolidays,
}
