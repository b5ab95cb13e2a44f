using System.Text.Json;
using DsarEngine.Server.Deadlines;
using DsarEngine.Server.Packs;
using DsarEngine.Server.Requests;
using DsarEngine.Server.Workflow;
using DsarEngine.Workflows.Deadlines;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Server.Inbox.Request;

// Everything the request page shows, read in one go through the same services as the staff API.
internal sealed record RequestPageModel(
    StaffRequestView Request, SubjectView Subject, bool IdentityVerified, WorkflowView? Workflow, string? WaitingFor,
    IReadOnlyList<StepLine> Steps, DueCountdown Due, DeadlineComputation? Explanation, JournalView Journal,
    IReadOnlyList<PackStore.Document> Documents, IReadOnlyList<PageAction> Actions, string? RefusalReason)
{
    // What the subject sent (Uploads): supporting documents, a representative's proof of authority, documents with replies.
    public IReadOnlyList<Uploads.SubjectUploads.Document> SubjectDocuments { get; init; } = [];

    // Who made the request for the subject, if someone did (GDPR Art. 12(6), CCPA §7063): check their proof of authority.
    public Workflows.Requests.Representative? Representative { get; init; }

    // The same person with the proof the request's law asks of them and where it stands (the staff API's view).
    public Representatives.RepresentativeView? Proof { get; init; }

    // Whom the outcome must reach (GDPR Art. 19 recipients, Art. 17(2) controllers) and whether they were told.
    public IReadOnlyList<RequestNotices.RequestNotice> Notices { get; init; } = [];
}

internal sealed record SubjectView(string? Name, string? Email, IReadOnlyList<IdentityLine> Identities)
{
    public static SubjectView From(JsonElement subject)
    {
        static string? Text(JsonElement e, string name) =>
            e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
                ? v.GetString()
                : null;
        var identities = subject.ValueKind == JsonValueKind.Object && subject.TryGetProperty("identities", out var list)
                && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(i => new IdentityLine(Text(i, "type") ?? "", Text(i, "value") ?? "")).ToList()
            : [];
        return new SubjectView(Text(subject, "name"), Text(subject, "email"), identities);
    }
}

internal sealed record IdentityLine(string Type, string Value);

// One step of the workflow's definition and where the request stands on it, in words (never colour only).
internal sealed record StepLine(int Index, string Id, string Type, string Title, StepState State)
{
    public string StateLabel => State switch
    {
        StepState.Done => "Done",
        StepState.Current => "Current step",
        StepState.NeedsAttention => "Needs attention",
        StepState.NotReached => "Not reached",
        StepState.Skipped => "Skipped",
        StepState.Withdrawn => "Withdrawn here",
        _ => "Waiting",
    };
}

// Skipped: passed over because the request was refused (its systems are not asked, no event is published).
// Withdrawn: the step the request stood at when its subject withdrew it (not done; nothing after it ran).
internal enum StepState { Done, Current, NeedsAttention, Waiting, NotReached, Skipped, Withdrawn }

internal enum DueKind { OnTrack, DueSoon, Overdue, Stopped, Closed, Unknown }

// The effective due date's countdown as the inbox words it: on track, due within 7 days, overdue, clock stopped.
internal sealed record DueCountdown(DueKind Kind, string Label)
{
    public const int SoonDays = 7;

    public static DueCountdown From(DeadlineView d, string requestStatus)
    {
        if (RequestStatus.Finished.Contains(requestStatus))
            return new(DueKind.Closed, "Closed: the clock no longer runs");
        if (d.Stops.FirstOrDefault(s => s.End is null) is { } open)
            return new(DueKind.Stopped,
                $"Clock stopped since {open.Start:yyyy-MM-dd} ({open.Reason}): the due date moves once it restarts");
        return d.DaysUntilDue switch
        {
            null => new(DueKind.Unknown, "No deadline computed yet"),
            < 0 and var days => new(DueKind.Overdue, $"Overdue by {-days} day{(days == -1 ? "" : "s")}"),
            0 => new(DueKind.DueSoon, "Due today"),
            <= SoonDays and var days => new(DueKind.DueSoon, $"Due within {SoonDays} days: {days} day{(days == 1 ? "" : "s")} left"),
            var days => new(DueKind.OnTrack, $"On track: {days} days left"),
        };
    }
}
