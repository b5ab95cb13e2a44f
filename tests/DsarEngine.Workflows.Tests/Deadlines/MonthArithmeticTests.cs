using static DsarEngine.Workflows.Tests.Deadlines.TestQueries;

namespace DsarEngine.Workflows.Tests.Deadlines;

// GDPR Art. 12(3) with Reg. 1182/71 Art. 3 and the ICO method: the day of receipt is not counted, the period
// ends on the same date next month, clamped to that month's last day. AT has no holiday calendar here, so
// only weekends move these dates.
public sealed class MonthArithmeticTests
{
    // ICO, right of access guidance: "received 3 September → respond by 3 October".
    [Test]
    public void A_request_received_on_3_September_is_due_on_3_October()
    {
        var result = Compute("uk-gdpr", "GB-ENG", "2025-09-03");

        Assert.That(result.InitialDue, Is.EqualTo(D("2025-10-03")));
    }

    // ICO: no corresponding date → the last day of the following month.
    [Test]
    public void A_request_received_on_31_March_is_due_on_30_April()
    {
        var result = Compute("uk-gdpr", "GB-ENG", "2025-03-31");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.InitialDue, Is.EqualTo(D("2025-04-30")));
            Assert.That(result.Steps.Select(s => s.Kind), Does.Contain("clamp"));
            Assert.That(AllText(result), Does.Contain("would be 2025-04-31, which does not exist"));
        }
    }

    // ICO: the extended deadline is three months from receipt, same rules.
    [Test]
    public void The_ICO_extension_is_three_months_from_receipt()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Compute("uk-gdpr", "GB-ENG", "2025-09-03").ExtendedDue, Is.EqualTo(D("2025-12-03")));
            Assert.That(Compute("uk-gdpr", "GB-ENG", "2025-03-31").ExtendedDue, Is.EqualTo(D("2025-06-30")));
        }
    }

    // Reg. 1182/71 as the EDPB applies it (Guidelines 01/2022): a request received on 5 April 2024 is due
    // on 5 May... which is a Sunday, so Monday 6 May.
    [Test]
    public void An_EU_period_ending_on_a_Sunday_ends_on_the_Monday()
    {
        Assert.That(Compute("gdpr", "AT", "2024-04-05").InitialDue, Is.EqualTo(D("2024-05-06")));
    }

    [TestCase("2025-01-28", "2025-02-28", TestName = "28 January is due on 28 February")]
    [TestCase("2025-01-29", "2025-02-28", TestName = "29 January in a common year is clamped to 28 February")]
    [TestCase("2025-01-31", "2025-02-28", TestName = "31 January in a common year is clamped to 28 February")]
    [TestCase("2024-01-29", "2024-02-29", TestName = "29 January in a leap year is due on 29 February")]
    [TestCase("2024-01-30", "2024-02-29", TestName = "30 January in a leap year is clamped to 29 February")]
    [TestCase("2024-01-31", "2024-02-29", TestName = "31 January in a leap year is clamped to 29 February")]
    [TestCase("2000-01-31", "2000-02-29", TestName = "2000 is a leap year")]
    [TestCase("2100-01-31", "2100-03-01", TestName = "2100 is not a leap year and 28 February 2100 is a Sunday")]
    [TestCase("2025-02-28", "2025-03-28", TestName = "28 February is due on 28 March not 31 March")]
    [TestCase("2024-02-29", "2024-03-29", TestName = "29 February is due on 29 March")]
    [TestCase("2025-04-30", "2025-05-30", TestName = "30 April is due on 30 May not 31 May")]
    [TestCase("2025-05-31", "2025-06-30", TestName = "31 May is clamped to 30 June")]
    [TestCase("2025-08-31", "2025-09-30", TestName = "31 August is clamped to 30 September")]
    [TestCase("2025-10-31", "2025-12-01", TestName = "31 October is clamped to Sunday 30 November then rolled to Monday")]
    [TestCase("2025-12-31", "2026-02-02", TestName = "31 December is due on Saturday 31 January so Monday 2 February")]
    public void Month_ends(string received, string due)
    {
        Assert.That(Compute("gdpr", "AT", received).InitialDue, Is.EqualTo(D(due)));
    }

    [Test]
    public void Receipt_on_a_weekend_counts_from_that_day()
    {
        Assert.That(Compute("gdpr", "FR", "2025-03-01").InitialDue, Is.EqualTo(D("2025-04-01")));
    }

    // 1 May 2025 is Labour Day in France; 1 June 2025 is a Sunday.
    [Test]
    public void Receipt_on_a_public_holiday_counts_from_that_day()
    {
        Assert.That(Compute("gdpr", "FR", "2025-05-01").InitialDue, Is.EqualTo(D("2025-06-02")));
    }
}
