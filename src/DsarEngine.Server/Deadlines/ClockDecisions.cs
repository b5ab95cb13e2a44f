using DsarEngine.Workflows.Deadlines;
using DsarEngine.Workflows.Mail;
using DsarEngine.Workflows.Persistence;
using DsarEngine.Workflows.Persistence.Runtime;

namespace DsarEngine.Server.Deadlines;

// What each clock command does to a request, decided on the row locked for the change.
internal static class ClockDecisions
{
    public static RequestChange Extend(StoredRequest request, IReadOnlyList<ClosureDay> closures, DateTimeOffset now, string reason)
    {
        if (Unclocked(request) is { } refusal)
            return refusal;
        var current = request.Clock.Compute(closures);
        var today = Today(request, now);
        var (allowed, why) = ExtensionRules.Check(current, today);
        if (!allowed)
            return new RequestChange.Refuse("extension-refused", why!);
        var next = request.Clock with { Extended = true };
        var computed = next.Compute(closures);
        // GDPR Art. 12(3): the extension only stands if the subject is told, with the reasons, within the first
        // month — so the notice is written in the same transaction as the extension itself.
        var notice = request.SubjectEmail() is { } email
            ? new MailDraft(Guid.CreateVersion7(now), email, MailTemplates.DeadlineExtended, request.Language,
                ClockCommands.Json(new Dictionary<string, string>
                {
                    ["reference"] = request.Reference, ["reason"] = reason, ["dueOnIso"] = IsoDate.Format(computed.EffectiveDue),
                }))
            : null;
        return new RequestChange.Apply(request.WithClock(next, computed), "deadline-extended",
            ClockCommands.Json(new { reason, noticeOn = today, before = current.EffectiveDue, after = computed.EffectiveDue, subjectNotified = notice is not null }),
            notice);
    }

    public static RequestChange Stop(StoredRequest request, IReadOnlyList<ClosureDay> closures, DateTimeOffset now, string reason, string? note)
    {
        if (Unclocked(request) is { } refusal)
            return refusal;
        var clock = request.Clock;
        if (Regimes.TryGet(clock.Regime, out var regime) && regime.StopPolicy == StopClockPolicy.KeepsRunning)
            return new RequestChange.Refuse("clock-does-not-stop", $"Under {regime.Id} the clock keeps running while the controller waits ({regime.StopSource}).");
        if (clock.OpenStop is { } open)
            return new RequestChange.Refuse("clock-already-stopped", $"The clock has been stopped since {IsoDate.Format(open.Start)} ({open.Reason}); resume it first.");
        var today = Today(request, now);
        var next = clock with { Stops = [.. clock.Stops, new ClockStop(today, null, reason)] };
        var computed = next.Compute(closures);
        return new RequestChange.Apply(request.WithClock(next, computed), "clock-stopped",
            ClockCommands.Json(new { reason, note, since = today }));
    }

    public static RequestChange Resume(StoredRequest request, IReadOnlyList<ClosureDay> closures, DateTimeOffset now, string? note)
    {
        if (Unclocked(request) is { } refusal)
            return refusal;
        var clock = request.Clock;
        if (clock.OpenStop is not { } open)
            return new RequestChange.Refuse("clock-not-stopped", "The clock is running; there is nothing to resume.");
        var today = Today(request, now);
        var before = clock.Compute(closures);
        var next = clock with { Stops = clock.Stops.Select(s => s == open ? s with { End = today } : s).ToList() };
        var computed = next.Compute(closures);
        return new RequestChange.Apply(request.WithClock(next, computed), "clock-resumed",
            ClockCommands.Json(new { reason = open.Reason, note, since = open.Start, until = today, before = before.EffectiveDue, after = computed.EffectiveDue }));
    }

    private static RequestChange.Refuse? Unclocked(StoredRequest request) =>
        request.TimeZone is null ? new RequestChange.Refuse("no-deadline", "This request was stored before the legal clock existed.") : null;

    private static DateOnly Today(StoredRequest request, DateTimeOffset now) => ClockEffects.Today(request, now);
}
