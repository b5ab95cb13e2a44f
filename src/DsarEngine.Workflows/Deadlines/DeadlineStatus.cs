namespace DsarEngine.Workflows.Deadlines;

// Where a request stands against its deadline at a given instant, in the controller's local calendar.
// Used by reminders and escalation; `now` comes from the caller's TimeProvider.
internal sealed record DeadlineStatus(DateOnly Today, int DaysUntilDue, bool IsOverdue, bool CanStillExtend)
{
    public static DeadlineStatus At(DeadlineComputation computation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(computation);
        if (!TimeZones.TryFind(computation.TimeZone, out var zone))
        {
            throw new ArgumentException($"Unknown time zone '{computation.TimeZone}'", nameof(computation));
        }

        var today = TimeZones.LocalDate(now, zone);
        var daysUntilDue = computation.EffectiveDue.DayNumber - today.DayNumber;

        // Still extendable through the whole of the notice day, local time.
        var canStillExtend = !computation.Extended && computation.ExtensionNoticeBy is { } noticeBy && today <= noticeBy;
        return new DeadlineStatus(today, daysUntilDue, daysUntilDue < 0, canStillExtend);
    }
}
