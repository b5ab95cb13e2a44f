using DsarEngine.Workflows.Deadlines;
using static DsarEngine.Workflows.Tests.Deadlines.TestQueries;

namespace DsarEngine.Workflows.Tests.Deadlines;

// While the controller waits for identity proof or clarification: EU adds the waiting days (EDPB Guidelines
// 01/2022), UK restarts the period on arrival (ICO; UK GDPR as amended by the DUAA 2025), CCPA keeps running.
public sealed class StoppedClockTests
{
    [Test]
    public void EU_adds_the_waiting_days_across_a_month_end()
    {
        var query = ReceivedOn("gdpr", "FR", "2025-01-31") with
        {
            Stops = [new ClockStop(D("2025-02-03"), D("2025-02-10"), "identity proof")],
        };

        var result = Compute(query);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.StoppedDays, Is.EqualTo(7));
            Assert.That(result.InitialDue, Is.EqualTo(D("2025-03-07")));
            Assert.That(result.ExtendedDue, Is.EqualTo(D("2025-05-07")));
            Assert.That(AllText(result), Does.Contain("Clock stopped 2025-02-03/2025-02-10 (identity proof): 7 day(s) added"));
        }
    }

    [Test]
    public void EU_adds_the_days_of_every_stop()
    {
        var query = ReceivedOn("gdpr", "FR", "2025-01-20") with
        {
            Stops =
            [
                new ClockStop(D("2025-01-21"), D("2025-01-25"), "identity proof"),
                new ClockStop(D("2025-01-27"), D("2025-02-03"), "clarification"),
            ],
        };

        var result = Compute(query);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.StoppedDays, Is.EqualTo(11));
            Assert.That(result.InitialDue, Is.EqualTo(D("2025-03-03")));
        }
    }

    [Test]
    public void UK_restarts_the_period_from_the_day_the_proof_arrives()
    {
        var query = ReceivedOn("uk-gdpr", "GB-ENG", "2025-01-31") with
        {
            Stops = [new ClockStop(D("2025-02-03"), D("2025-02-10"), "identity-proof")],
        };

        var result = Compute(query);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.StoppedDays, Is.EqualTo(7));
            Assert.That(result.InitialDue, Is.EqualTo(D("2025-03-10")));
            Assert.That(result.ExtendedDue, Is.EqualTo(D("2025-05-12")));
            Assert.That(AllText(result), Does.Contain("the period starts again from 2025-02-10"));
        }
    }

    [Test]
    public void UK_restart_on_the_last_day_of_a_month_is_clamped_next_month()
    {
        var query = ReceivedOn("uk-gdpr", "GB-ENG", "2025-01-15") with
        {
            Stops = [new ClockStop(D("2025-01-20"), D("2025-01-31"), "fee")],
        };

        Assert.That(Compute(query).InitialDue, Is.EqualTo(D("2025-02-28")));
    }

    [Test]
    public void An_open_stop_is_reported_and_gives_the_earliest_possible_deadline()
    {
        var query = ReceivedOn("gdpr", "FR", "2025-01-31") with
        {
            Stops = [new ClockStop(D("2025-02-03"), null, "identity proof")],
        };

        var result = Compute(query);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ClockStoppedSince, Is.EqualTo(D("2025-02-03")));
            Assert.That(result.InitialDue, Is.EqualTo(D("2025-02-28")));
            Assert.That(AllText(result), Does.Contain("still stopped"));
        }
    }

    // 11 CCR §7021(b): the 45 days begin on receipt regardless of the time needed to verify.
    [Test]
    public void Verification_does_not_stop_the_CCPA_clock()
    {
        var query = ReceivedOn("ccpa", "US-CA", "2025-03-05") with
        {
            Stops = [new ClockStop(D("2025-03-06"), D("2025-03-20"), "verification")],
        };

        var result = Compute(query);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.StoppedDays, Is.Zero);
            Assert.That(result.InitialDue, Is.EqualTo(D("2025-04-19")));
            Assert.That(AllText(result), Does.Contain("does not stop the clock under ccpa"));
        }
    }
}
