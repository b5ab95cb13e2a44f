using System.Globalization;
using DsarEngine.Workflows.Deadlines;
using static DsarEngine.Workflows.Tests.Deadlines.TestQueries;

namespace DsarEngine.Workflows.Tests.Deadlines;

// Reminders and escalation read the status in the controller's local calendar. Due 2025-04-03 in Paris
// (UTC+2 then): the day ends at 21:59:59.9999999 UTC.
public sealed class DeadlineStatusTests
{
    private static readonly DeadlineComputation DueOn3April = Compute("gdpr", "FR", "2025-03-03");

    [Test]
    public void A_week_before_the_deadline_seven_days_remain()
    {
        var status = DeadlineStatus.At(DueOn3April, Instant("2025-03-27T10:00:00Z"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status.DaysUntilDue, Is.EqualTo(7));
            Assert.That(status.IsOverdue, Is.False);
            Assert.That(status.CanStillExtend, Is.True);
        }
    }

    [Test]
    public void The_last_second_of_the_due_day_in_Paris_is_not_overdue()
    {
        var status = DeadlineStatus.At(DueOn3April, Instant("2025-04-03T21:59:59Z"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status.DaysUntilDue, Is.Zero);
            Assert.That(status.IsOverdue, Is.False);
            Assert.That(status.CanStillExtend, Is.True);
        }
    }

    [Test]
    public void Midnight_in_Paris_after_the_due_day_is_overdue_although_it_is_still_the_due_day_in_UTC()
    {
        var status = DeadlineStatus.At(DueOn3April, Instant("2025-04-03T22:00:00Z"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status.Today, Is.EqualTo(D("2025-04-04")));
            Assert.That(status.DaysUntilDue, Is.EqualTo(-1));
            Assert.That(status.IsOverdue, Is.True);
            Assert.That(status.CanStillExtend, Is.False);
        }
    }

    [Test]
    public void An_extended_request_cannot_be_extended_again()
    {
        var extended = Compute(ReceivedOn("gdpr", "FR", "2025-03-03") with { Extended = true });

        var status = DeadlineStatus.At(extended, Instant("2025-03-10T10:00:00Z"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(status.CanStillExtend, Is.False);
            Assert.That(status.DaysUntilDue, Is.EqualTo(85));
        }
    }

    [Test]
    public void A_regime_without_an_extension_can_never_extend()
    {
        var status = DeadlineStatus.At(Compute("lgpd", "BR", "2025-03-03"), Instant("2025-03-04T12:00:00Z"));

        Assert.That(status.CanStillExtend, Is.False);
    }

    private static DateTimeOffset Instant(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);
}
