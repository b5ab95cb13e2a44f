namespace DsarEngine.Workflows.Deadlines.Holidays;

// What happens to a holiday that falls on a Saturday or Sunday.
internal enum Substitution
{
    // Nothing: the day off is simply lost (most of continental Europe).
    None,

    // The next weekday that is not already a holiday (UK bank holidays by royal proclamation, Canada,
    // Russia's Labour Code Art. 112): Christmas on a Saturday moves to Monday and Boxing Day to Tuesday.
    NextFreeWeekday,

    // Saturday is observed on the Friday before, Sunday on the Monday after (US: 5 U.S.C. 6103 and E.O. 11582).
    NearestWeekday,

    // Sunday is observed on the Monday after; a Saturday holiday is lost (California Gov. Code §6700(b)).
    SundayToMonday,
}
