using DsarEngine.Workflows.Deadlines;
using DsarEngine.Server.Requests;

namespace DsarEngine.Server.Deadlines;

// The workflow's own clock stops (waiting for identity proof) and resumes, applied to the request's clock.
internal static class ClockEffects
{
    public static StoredRequest Stop(StoredRequest request, IReadOnlyList<ClosureDay> closures, string reason, DateTimeOffset now)
    {
        var clock = request.Clock;
        if (request.TimeZone is null || clock.OpenStop is not null)
            return request;
        var next = clock with { Stops = [.. clock.Stops, new ClockStop(Today(request, now), null, reason)] };
        return request.WithClock(next, next.Compute(closures));
    }

    public static StoredRequest Resume(StoredRequest request, IReadOnlyList<ClosureDay> closures, DateTimeOffset now)
    {
        var clock = request.Clock;
        if (request.TimeZone is null || clock.OpenStop is not { } open)
            return request;
        var next = clock with { Stops = clock.Stops.Select(s => s == open ? s with { End = Today(request, now) } : s).ToList() };
        return request.WithClock(next, next.Compute(closures));
    }

    public static DateOnly Today(StoredRequest request, DateTimeOffset now) =>
        TimeZones.TryFind(request.TimeZone, out var zone) ? TimeZones.LocalDate(now, zone) : DateOnly.FromDateTime(now.UtcDateTime);
}
