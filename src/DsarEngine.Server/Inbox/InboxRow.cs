using DsarEngine.Workflows.Requests;

namespace DsarEngine.Server.Inbox;

// Public only because DueChip (a component, so public) takes it as a parameter.
public enum DueState
{
    OnTrack,
    DueSoon,
    Overdue,
    ClockStopped,
    Finished,
}

// One line of the inbox. The subject is only ever here masked: the list is seen over shoulders and on shared screens,
// and a person sees the subject in full only by opening the request (GDPR Art. 5(1)(f), Art. 32: need to know).
internal sealed record InboxRow(Guid Id, string Reference, string Right, string MaskedSubject, string Channel, string Regime,
    string Status, DateTimeOffset ReceivedAt, DateOnly? EffectiveDue, DateTimeOffset? DueAt, bool ClockStopped,
    string? Step, InboxCursor Cursor, string? Assignee = null)
{
    public static readonly TimeSpan SoonWindow = TimeSpan.FromDays(7);

    public bool Open => Status is not (RequestStatus.Completed or RequestStatus.Refused or RequestStatus.Closed);

    public DueState DueState(DateTimeOffset now) =>
        !Open ? Inbox.DueState.Finished
        : ClockStopped ? Inbox.DueState.ClockStopped
        : DueAt is not { } due ? Inbox.DueState.OnTrack
        : due < now ? Inbox.DueState.Overdue
        : due < now + SoonWindow ? Inbox.DueState.DueSoon
        : Inbox.DueState.OnTrack;

    // "in 12 days", "due today", "3 days overdue": whole days to the end of the effective due day.
    public string Countdown(DateTimeOffset now)
    {
        if (DueAt is not { } due || !Open)
            return "";
        var days = (int)Math.Floor((due - now).TotalDays);
        return days switch
        {
            -1 => "1 day overdue",
            < -1 => $"{-days} days overdue",
            0 => "due today",
            1 => "1 day left",
            _ => $"{days} days left",
        };
    }
}

internal static class SubjectMask
{
    // "zoe@example.org" -> "z***@example.org"; a name -> "Z*** D***"; nothing -> "—". The domain stays: it tells a
    // company account from a private one without naming the person.
    public static string Mask(string? email, string? name)
    {
        if (!string.IsNullOrWhiteSpace(email))
        {
            var at = email.LastIndexOf('@');
            return at <= 0 ? "***" : $"{email[0]}***{email[at..]}";
        }
        if (!string.IsNullOrWhiteSpace(name))
            return string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p => $"{p[0]}***"));
        return "—";
    }
}
