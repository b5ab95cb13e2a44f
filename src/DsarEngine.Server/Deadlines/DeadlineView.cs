using DsarEngine.Workflows.Deadlines;
using DsarEngine.Server.Requests;

namespace DsarEngine.Server.Deadlines;

// The clock of one request as the inbox shows it: the dates (local to the controller), the stopped spans,
// and where the request stands today (what reminders and escalation will read).
internal sealed record DeadlineView(
    string TimeZone, DateOnly? ReceivedOn, DateOnly? InitialDue, DateOnly? ExtensionNoticeBy, DateOnly? ExtendedDue,
    DateOnly? AcknowledgeBy, DateOnly? EffectiveDue, DateTimeOffset? DueAt, bool Extended, string ExtensionMethod,
    StopView[] Stops, int? DaysUntilDue, bool Overdue, bool CanStillExtend)
{
    public static DeadlineView From(StoredRequest r, DateTimeOffset now)
    {
        var clock = r.Clock;
        int? daysLeft = null;
        var canExtend = false;
        if (r.EffectiveDue is { } due && TimeZones.TryFind(clock.TimeZone, out var zone))
        {
            var today = TimeZones.LocalDate(now, zone);
            daysLeft = due.DayNumber - today.DayNumber;
            canExtend = !r.Extended && r.ExtensionNoticeBy is { } by && today <= by;
        }
        return new DeadlineView(clock.TimeZone, r.ReceivedOn, r.InitialDue, r.ExtensionNoticeBy, r.ExtendedDue, r.AcknowledgeBy,
            r.EffectiveDue, r.DueAt, r.Extended, r.ExtensionMethod,
            clock.Stops.Select(s => new StopView(s.Start, s.End, s.Reason, s.Days)).ToArray(),
            daysLeft, daysLeft < 0, canExtend);
    }
}

internal sealed record StopView(DateOnly Start, DateOnly? End, string Reason, int Days);
