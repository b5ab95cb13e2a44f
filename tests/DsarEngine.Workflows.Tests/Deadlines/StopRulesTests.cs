using DsarEngine.Workflows.Deadlines;
using DsarEngine.Workflows.Requests;
using static DsarEngine.Workflows.Tests.Deadlines.TestQueries;

namespace DsarEngine.Workflows.Tests.Deadlines;

// Each stop reason has its own effect: UK GDPR Art. 12A restarts the period on identity proof and fee and pauses it
// for the clarification of an access request; the EU GDPR has no fee stop at all (Art. 12(5)).
public sealed class StopRulesTests
{
    // The legal review's example: received 3 Mar 2025, clarification asked 20 Mar and answered 21 Mar. Paused two days
    // (both included), the month ends on 5 Apr, a Saturday: due Monday 7 Apr, not 22 Apr as a restart would give.
    [Test]
    public void UK_clarification_of_an_access_request_pauses_the_clock()
    {
        var result = Compute(ReceivedOn("uk-gdpr", "GB-ENG", "2025-03-03") with
        {
            Right = Right.Access,
            Stops = [new ClockStop(D("2025-03-20"), D("2025-03-21"), ClockStopReasons.Clarification)],
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.InitialDue, Is.EqualTo(D("2025-04-07")));
            Assert.That(result.StoppedDays, Is.EqualTo(2));
            Assert.That(AllText(result), Does.Contain("Clock paused 2025-03-20/2025-03-21 (clarification): 2 day(s) added"));
        }
    }

    [Test]
    public void UK_clarification_asked_on_the_day_of_receipt_pauses_only_the_days_the_period_runs()
    {
        var result = Compute(ReceivedOn("uk-gdpr", "GB-ENG", "2025-03-03") with
        {
            Stops = [new ClockStop(D("2025-03-03"), D("2025-03-05"), ClockStopReasons.Clarification)],
        });

        // 4 and 5 March are paused; 3 March, the day of receipt, is not counted anyway: 3 Apr + 2 = 5 Apr -> Mon 7 Apr.
        Assert.That(result.StoppedDays, Is.EqualTo(2));
    }

    [Test]
    public void UK_fee_restarts_the_period_from_the_day_it_is_paid()
    {
        var result = Compute(ReceivedOn("uk-gdpr", "GB-ENG", "2025-03-03") with
        {
            Right = Right.Access,
            Stops = [new ClockStop(D("2025-03-20"), D("2025-03-21"), ClockStopReasons.Fee)],
        });

        Assert.That(result.InitialDue, Is.EqualTo(D("2025-04-22")));
    }

    [Test]
    public void UK_clarification_of_an_erasure_request_does_not_stop_the_clock()
    {
        var result = Compute(ReceivedOn("uk-gdpr", "GB-ENG", "2025-03-03") with
        {
            Right = Right.Erasure,
            Stops = [new ClockStop(D("2025-03-20"), D("2025-03-21"), ClockStopReasons.Clarification)],
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.InitialDue, Is.EqualTo(D("2025-04-03")));
            Assert.That(result.StoppedDays, Is.Zero);
            Assert.That(AllText(result), Does.Contain("only for access requests, not erasure"));
        }
    }

    // Identity proof restarts the period; a pause before the restart is absorbed by it, one after it adds its days.
    [Test]
    public void UK_pauses_count_only_after_the_period_restarts()
    {
        var result = Compute(ReceivedOn("uk-gdpr", "GB-ENG", "2025-03-03") with
        {
            Stops =
            [
                new ClockStop(D("2025-03-04"), D("2025-03-06"), ClockStopReasons.Clarification),
                new ClockStop(D("2025-03-07"), D("2025-03-10"), ClockStopReasons.IdentityProof),
                new ClockStop(D("2025-03-12"), D("2025-03-12"), ClockStopReasons.Clarification),
            ],
        });

        // Restart 10 Mar -> 10 Apr; one day paused (12 Mar) -> Fri 11 Apr.
        Assert.That(result.InitialDue, Is.EqualTo(D("2025-04-11")));
    }

    [Test]
    public void UK_open_clarification_pause_gives_the_earliest_date_and_says_it_is_stopped()
    {
        var result = Compute(ReceivedOn("uk-gdpr", "GB-ENG", "2025-03-03") with
        {
            Stops = [new ClockStop(D("2025-03-20"), null, ClockStopReasons.Clarification)],
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ClockStoppedSince, Is.EqualTo(D("2025-03-20")));
            Assert.That(result.InitialDue, Is.EqualTo(D("2025-04-03")));
        }
    }

    [Test]
    public void An_EU_fee_stop_does_not_move_the_deadline()
    {
        var result = Compute(ReceivedOn("gdpr", "FR", "2025-03-03") with
        {
            Stops = [new ClockStop(D("2025-03-10"), D("2025-03-20"), ClockStopReasons.Fee)],
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.InitialDue, Is.EqualTo(D("2025-04-03")));
            Assert.That(result.StoppedDays, Is.Zero);
            Assert.That(result.ClockStoppedSince, Is.Null);
            Assert.That(AllText(result), Does.Contain("does not stop the clock under gdpr: GDPR Art. 12(5)"));
        }
    }

    [TestCase("gdpr", ClockStopReasons.IdentityProof, null, true)]
    [TestCase("gdpr", ClockStopReasons.Clarification, null, true)]
    [TestCase("gdpr", ClockStopReasons.Fee, null, false)]
    [TestCase("uk-gdpr", ClockStopReasons.Fee, "erasure", true)]
    [TestCase("uk-gdpr", ClockStopReasons.IdentityProof, "rectification", true)]
    [TestCase("uk-gdpr", ClockStopReasons.Clarification, "access", true)]
    [TestCase("uk-gdpr", ClockStopReasons.Clarification, "portability", false)]
    [TestCase("ccpa", ClockStopReasons.IdentityProof, "access", false)]
    public void Which_stops_stop_the_clock(string regime, string reason, string? right, bool stops)
    {
        Assert.That(Regimes.TryGet(regime, out var rules), Is.True);

        Assert.That(rules!.StopFor(reason, Rights.TryParse(right, out var parsed) ? parsed : null).Stops, Is.EqualTo(stops));
    }
}
