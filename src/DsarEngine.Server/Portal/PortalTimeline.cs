using System.Text.Json;
using DsarEngine.Workflows.Journal;

namespace DsarEngine.Server.Portal;

// One step of the request as the subject reads it: what happened (a Portal.Timeline.* text key), when, and what the
// text needs (a date, the extension's reasons as staff wrote them to the subject).
public sealed record TimelineStep(string Key, DateTimeOffset At, DateOnly? Date = null, string? Reason = null);

// The status as a timeline, built from the request's journal: only the steps a subject has a stake in, each once where
// repeating it would say nothing new (the work starting), each time where it would (the clock stopped and resumed).
internal static class PortalTimeline
{
    public static readonly IReadOnlySet<string> ClosingKinds =
        new HashSet<string>(StringComparer.Ordinal) { JournalKinds.Closed, JournalKinds.ClosedByOperator, JournalKinds.WithdrawnBySubject };

    private static readonly HashSet<string> WorkKinds = new(StringComparer.Ordinal)
    {
        JournalKinds.AwaitingDecision, JournalKinds.FanOut, JournalKinds.FanOutSkipped, JournalKinds.PackPrepared,
        JournalKinds.PackRequested,
    };

    public static IReadOnlyList<TimelineStep> From(IEnumerable<JournalEntry> entries)
    {
        var steps = new List<TimelineStep>();
        var working = false;
        var answered = false;
        foreach (var e in entries)
        {
            if (WorkKinds.Contains(e.Kind))
            {
                if (!working)
                    steps.Add(new("Portal.Timeline.InProgress", e.At));
                working = true;
                continue;
            }
            if (e.Kind is JournalKinds.PackRendered or JournalKinds.Delivered && !answered)
            {
                answered = true;
                steps.Add(new("Portal.Timeline.AnswerReady", e.At));
                continue;
            }
            if (Step(e) is { } step)
                steps.Add(step);
        }
        return steps;
    }

    private static TimelineStep? Step(JournalEntry e)
    {
        using var data = JsonDocument.Parse(e.Data);
        var root = data.RootElement;
        return e.Kind switch
        {
            JournalKinds.Received => new("Portal.Timeline.Received", e.At),
            JournalKinds.IdentityRequested => new("Portal.Timeline.IdentityAsked", e.At),
            JournalKinds.IdentityVerified => new("Portal.Timeline.IdentityProven", e.At),
            JournalKinds.ClockStopped => new("Portal.Timeline.ClockStopped", e.At),
            JournalKinds.ClockResumed => new("Portal.Timeline.ClockResumed", e.At, Date(root, "after")),
            // GDPR Art. 12(3): the subject is told of an extension with its reasons; the reasons are written for them.
            JournalKinds.DeadlineExtended => new("Portal.Timeline.Extended", e.At, Date(root, "after"), Text(root, "reason")),
            JournalKinds.Closed => new(Text(root, "outcome") switch
            {
                "refused" => "Portal.Timeline.Refused",
                "completed" or "partial" => "Portal.Timeline.Answered",
                _ => "Portal.Timeline.Closed",
            }, e.At),
            JournalKinds.ClosedByOperator => new("Portal.Timeline.Closed", e.At),
            JournalKinds.WithdrawnBySubject => new("Portal.Timeline.Withdrawn", e.At),
            _ => null,
        };
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? v.GetString() : null;

    private static DateOnly? Date(JsonElement root, string name) =>
        DateOnly.TryParseExact(Text(root, name), "yyyy-MM-dd", out var date) ? date : null;
}
