using DsarEngine.Workflows.Deadlines;
using DsarEngine.Workflows.Requests;
using static DsarEngine.Workflows.Tests.Deadlines.TestQueries;

namespace DsarEngine.Workflows.Tests.Deadlines;

// Periods that depend on the right exercised: 152-FZ Art. 20(3) (7 working days to rectify or destroy), Art. 21(1)
// (block from the request) and Art. 21(5) (30 days after consent is withdrawn); access keeps 10 working days + 5.
public sealed class RightPeriodTests
{
    // Received Monday 3 March 2025 in Moscow; no Russian holiday in the following weeks (8 March 2025 is a Saturday,
    // moved by Labour Code art. 112 to Monday 10 March).
    [TestCase("rectification", "2025-03-13")]
    [TestCase("erasure", "2025-03-13")]
    public void Russian_rectification_and_erasure_get_7_working_days_and_no_extension(string slug, string due)
    {
        Assert.That(Rights.TryParse(slug, out var right), Is.True);
        var result = Compute(ReceivedOn("152-fz", "RU", "2025-03-03") with { Right = right });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.InitialDue, Is.EqualTo(D(due)));
            Assert.That(result.ExtendedDue, Is.Null);
            Assert.That(result.ExtensionNoticeBy, Is.Null);
            Assert.That(result.Right, Is.EqualTo(slug));
            Assert.That(AllText(result), Does.Contain("has its own period under 152-fz: 7 working days (152-FZ Art. 20(3)"));
        }
    }

    [Test]
    public void Russian_access_keeps_10_working_days_and_5_more()
    {
        var result = Compute(ReceivedOn("152-fz", "RU", "2025-03-03") with { Right = Right.Access });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.InitialDue, Is.EqualTo(D("2025-03-18")));
            Assert.That(result.ExtendedDue, Is.EqualTo(D("2025-03-25")));
        }
    }

    // 30 calendar days, not rolled (conservative; docs/legal-clock.md).
    [TestCase("2025-04-02", "2025-05-02")]
    [TestCase("2025-03-01", "2025-03-31")]
    public void Russian_consent_withdrawal_gets_30_days(string received, string due)
    {
        var result = Compute(ReceivedOn("152-fz", "RU", received) with { Right = Right.ConsentWithdrawal });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.InitialDue, Is.EqualTo(D(due)));
            Assert.That(result.ExtendedDue, Is.Null);
        }
    }

    [Test]
    public void Russian_blocking_is_due_on_the_day_of_receipt()
    {
        Assert.That(Compute(ReceivedOn("152-fz", "RU", "2025-03-04") with { Right = Right.Restriction }).InitialDue,
            Is.EqualTo(D("2025-03-04")));
    }

    [Test]
    public void Extending_a_right_the_law_gives_no_extension_is_refused()
    {
        var query = ReceivedOn("152-fz", "RU", "2025-03-03") with { Right = Right.Rectification, Extended = true };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(DeadlineQueryValidator.TryResolve(query, out _, out var errors), Is.False);
            Assert.That(errors.ToDictionary()["extended"].Single(), Does.Contain("None in the law for rectification"));
        }
    }

    [Test]
    public void A_GDPR_rectification_keeps_one_month()
    {
        var result = Compute(ReceivedOn("gdpr", "FR", "2025-03-03") with { Right = Right.Rectification });

        Assert.That(result.InitialDue, Is.EqualTo(D("2025-04-03")));
    }
}
