using DsarEngine.Workflows.Mail;

namespace DsarEngine.Workflows.Tests.Mail;

// Review H3: a failed message waits longer after each failure, up to a cap, and is dead after the last attempt.
public sealed class MailRetryPolicyTests
{
    private static readonly MailRetryPolicy Defaults = new(10, TimeSpan.FromSeconds(30), TimeSpan.FromHours(1));

    [Test]
    public void The_wait_doubles_from_thirty_seconds_and_stops_at_an_hour()
    {
        var waits = Enumerable.Range(1, 10).Select(a => Defaults.DelayAfter(a).TotalSeconds);
        Assert.That(waits, Is.EqualTo(new double[] { 30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600 }));
    }

    [Test]
    public void Ten_attempts_span_hours_so_an_outage_of_minutes_loses_nothing()
    {
        var span = Enumerable.Range(1, Defaults.MaxAttempts - 1).Sum(a => Defaults.DelayAfter(a).TotalHours);
        Assert.That(span, Is.GreaterThan(3));
    }

    [Test]
    public void A_message_is_dead_after_its_last_attempt_and_not_before()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Defaults.IsDead(9), Is.False);
            Assert.That(Defaults.IsDead(10), Is.True);
            Assert.That(Defaults.DelayAfter(1000), Is.EqualTo(TimeSpan.FromHours(1)), "no overflow after many attempts");
        }
    }
}
