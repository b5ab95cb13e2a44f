using System.Globalization;
using DsarEngine.Workflows.Deadlines;
using static DsarEngine.Workflows.Tests.Deadlines.TestQueries;

namespace DsarEngine.Workflows.Tests.Deadlines;

// Receipt is taken in the controller's time zone; the due instant is the end of the due day there.
public sealed class TimeZoneTests
{
    [Test]
    public void A_request_at_00_30_in_Paris_on_1_February_is_received_on_1_February()
    {
        var query = new DeadlineQuery("gdpr", "FR", Instant("2025-01-31T23:30:00Z"));

        var result = Compute(query);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.TimeZone, Is.EqualTo("Europe/Paris"));
            Assert.That(result.ReceivedOn, Is.EqualTo(D("2025-02-01")));
            Assert.That(result.InitialDue, Is.EqualTo(D("2025-03-03")));
        }
    }

    [Test]
    public void The_same_instant_in_UTC_is_received_on_31_January()
    {
        var query = new DeadlineQuery("gdpr", "FR", Instant("2025-01-31T23:30:00Z")) { TimeZone = "UTC" };

        var result = Compute(query);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ReceivedOn, Is.EqualTo(D("2025-01-31")));
            Assert.That(result.InitialDue, Is.EqualTo(D("2025-02-28")));
        }
    }

    // 23:30 UTC on the nights European clocks change: already the next day in Paris; in London only in autumn.
    [TestCase("Europe/Paris", "2025-03-29T23:30:00Z", "2025-03-30")]
    [TestCase("Europe/London", "2025-03-29T23:30:00Z", "2025-03-29")]
    [TestCase("Europe/Paris", "2025-10-25T23:30:00Z", "2025-10-26")]
    [TestCase("Europe/London", "2025-10-25T23:30:00Z", "2025-10-26")]
    public void Receipt_on_the_nights_clocks_change(string zone, string instant, string receivedOn)
    {
        var query = new DeadlineQuery("gdpr", "FR", Instant(instant)) { TimeZone = zone };

        Assert.That(Compute(query).ReceivedOn, Is.EqualTo(D(receivedOn)));
    }

    [Test]
    public void The_due_instant_is_the_last_tick_of_the_due_day_in_summer_time()
    {
        var result = Compute("gdpr", "FR", "2025-03-31");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.EffectiveDue, Is.EqualTo(D("2025-04-30")));
            Assert.That(result.EffectiveDueAt, Is.EqualTo(Instant("2025-04-30T21:59:59.9999999Z")));
            Assert.That(result.EffectiveDueAt.Offset, Is.EqualTo(TimeSpan.FromHours(2)));
        }
    }

    // CCPA does not roll forward, so a due date can fall on the Sunday US clocks change.
    [TestCase("2025-01-23", "2025-03-09", -7, TestName = "A deadline on the day US clocks go forward ends at midnight daylight time")]
    [TestCase("2025-09-18", "2025-11-02", -8, TestName = "A deadline on the day US clocks go back ends at midnight standard time")]
    public void Due_instant_on_DST_change_days(string received, string due, int offsetHours)
    {
        var result = Compute("ccpa", "US-CA", received);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.EffectiveDue, Is.EqualTo(D(due)));
            Assert.That(result.EffectiveDueAt.Offset, Is.EqualTo(TimeSpan.FromHours(offsetHours)));
            Assert.That(result.EffectiveDueAt.TimeOfDay, Is.EqualTo(new TimeSpan(23, 59, 59) + TimeSpan.FromTicks(9_999_999)));
        }
    }

    // Chile starts summer time at midnight: 7 September 2025 begins at 01:00, so 6 September ends at 04:00 UTC.
    [Test]
    public void A_day_followed_by_a_midnight_DST_gap_ends_when_the_next_day_begins()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Santiago");

        Assert.That(TimeZones.EndOfDay(D("2025-09-06"), zone), Is.EqualTo(Instant("2025-09-07T03:59:59.9999999Z")));
    }

    private static DateTimeOffset Instant(string iso) =>
        DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);
}
