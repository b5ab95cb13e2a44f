using System.Text.Json;
using DsarEngine.Workflows.Deadlines;

namespace DsarEngine.Workflows.Requests;

// A request's clock as stored: the inputs of the legal clock. Everything else (due dates, steps) is derived
// by LegalClock.Compute, so a stored date can always be re-explained.
internal sealed record RequestClock(
    string Regime, string Jurisdiction, string TimeZone, DateTimeOffset ReceivedAt,
    bool Extended, ExtensionMethod Method, IReadOnlyList<ClockStop> Stops)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // The right requested: its own period where the regime sets one (152-FZ), and which stops are allowed.
    public Right? Right { get; init; }

    public DeadlineComputation Compute(IReadOnlyList<ClosureDay> closures) =>
        LegalClock.Compute(new DeadlineQuery(Regime, Jurisdiction, ReceivedAt)
        {
            TimeZone = TimeZone,
            Extended = Extended,
            ExtensionMethod = Method,
            Stops = Stops,
            ClosureDays = closures,
            Right = Right,
        });

    public ClockStop? OpenStop => Stops.FirstOrDefault(s => s.End is null);

    public static string MethodSlug(ExtensionMethod method) =>
        method == ExtensionMethod.FromInitialDue ? "from-initial-due" : "from-receipt";

    public static ExtensionMethod ParseMethod(string? slug) =>
        slug == "from-initial-due" ? ExtensionMethod.FromInitialDue : ExtensionMethod.FromReceipt;

    public static string StopsJson(IReadOnlyList<ClockStop> stops) =>
        JsonSerializer.Serialize(stops.Select(s => new StoredStop(s.Start, s.End, s.Reason)), Json);

    public static IReadOnlyList<ClockStop> ParseStops(string? json) =>
        string.IsNullOrEmpty(json) ? [] :
        (JsonSerializer.Deserialize<StoredStop[]>(json, Json) ?? []).Select(s => new ClockStop(s.Start, s.End, s.Reason)).ToList();

    public static IReadOnlyList<ClosureDay> ParseClosures(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<ClosureDay[]>(json, Json) ?? [];

    private sealed record StoredStop(DateOnly Start, DateOnly? End, string Reason);
}
