using System.Globalization;
using DsarEngine.Workflows.Deadlines;

namespace DsarEngine.Workflows.Tests.Deadlines;

internal static class TestQueries
{
    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    // Receipt at noon in the jurisdiction's default zone, so that calendar tests are not also zone tests.
    public static DeadlineQuery ReceivedOn(string regime, string jurisdiction, string localDate)
    {
        Assert.That(Jurisdictions.TryGet(jurisdiction, out var info), Is.True, jurisdiction);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(info!.DefaultTimeZone);
        var local = D(localDate).ToDateTime(new TimeOnly(12, 0));
        return new DeadlineQuery(regime, jurisdiction, new DateTimeOffset(local, zone.GetUtcOffset(local)));
    }

    public static DeadlineComputation Compute(string regime, string jurisdiction, string localDate) =>
        LegalClock.Compute(ReceivedOn(regime, jurisdiction, localDate));

    public static DeadlineComputation Compute(DeadlineQuery query) => LegalClock.Compute(query);

    public static string AllText(DeadlineComputation computation) =>
        string.Join("\n", computation.Steps.Select(s => $"[{s.Kind}] {s.Text}"));
}
