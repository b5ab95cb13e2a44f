using DsarEngine.Server.Requests;
using DsarEngine.Workflows.Deadlines;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Server.Triage;

internal sealed record UrgencyView(string Reason, string MarkedBy, DateTimeOffset MarkedAt);

// The organisation's own answer target for one request: its working days after the day of receipt, in the calendar the
// legal clock uses (the organisation's holidays and closure days). DaysLeft is null, and Overdue false, once the request is
// finished.
internal sealed record TargetView(int BusinessDays, DateOnly DueOn, int? DaysLeft, bool Overdue);

// What staff look at first: whether a request is urgent and where it stands against the organisation's own target, beside
// the legal due date (which neither changes).
internal sealed record TriageView(string Reference, string Right, string Status, bool Urgent, UrgencyView? Urgency,
    TargetView? Target, DateOnly? LegalDue)
{
    public static TriageView From(StoredRequest request, UrgencyRecord? urgency, int? targetDays, string closureDays,
        DateTimeOffset now) =>
        new(request.Reference, request.RightKind, request.Status, urgency is not null,
            urgency is null ? null : new UrgencyView(urgency.Reason, urgency.MarkedBy, urgency.MarkedAt),
            targetDays is { } days ? TargetOf(request, days, closureDays, now) : null, request.EffectiveDue);

    private static TargetView? TargetOf(StoredRequest request, int days, string closureDays, DateTimeOffset now)
    {
        if (request.ReceivedOn is not { } received || !Jurisdictions.TryGet(request.Jurisdiction, out var place)
            || !TimeZones.TryFind(request.Clock.TimeZone, out var zone))
            return null;
        var due = new WorkingCalendar(place, RequestClock.ParseClosures(closureDays)).AddWorkingDays(received, days);
        var today = TimeZones.LocalDate(now, zone);
        var finished = RequestStatus.Finished.Contains(request.Status);
        return new TargetView(days, due, finished ? null : due.DayNumber - today.DayNumber, !finished && today > due);
    }
}
