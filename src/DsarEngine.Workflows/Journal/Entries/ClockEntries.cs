namespace DsarEngine.Workflows.Journal.Entries;

// The legal clock: its timers, and the commands that change it. Dates are the controller's calendar dates.
// DaysBefore: the reminder's timer key (days before the due date, as text).
internal sealed record ReminderEntry(string? DaysBefore, DateTimeOffset? DueAt) : IJournalData
{
    public static string JournalKind => JournalKinds.Reminder;
}

internal sealed record EscalatedEntry(string Reason, DateTimeOffset? DueAt) : IJournalData
{
    public static string JournalKind => JournalKinds.Escalated;
}

// GDPR Art. 12(3): the extension, its reasons, when the subject was told, and the due date before and after.
internal sealed record DeadlineExtendedEntry(string Reason, DateOnly NoticeOn, DateOnly Before, DateOnly After) : IJournalData
{
    public static string JournalKind => JournalKinds.DeadlineExtended;
}

internal sealed record ClockStoppedEntry(string Reason, string? Note, DateOnly Since) : IJournalData
{
    public static string JournalKind => JournalKinds.ClockStopped;
}

internal sealed record ClockResumedEntry(
    string Reason, string? Note, DateOnly Since, DateOnly Until, DateOnly Before, DateOnly After) : IJournalData
{
    public static string JournalKind => JournalKinds.ClockResumed;
}
