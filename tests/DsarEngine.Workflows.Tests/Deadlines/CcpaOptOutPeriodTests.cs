using DsarEngine.Workflows.Deadlines;
using DsarEngine.Workflows.Requests;
using static DsarEngine.Workflows.Tests.Deadlines.TestQueries;

namespace DsarEngine.Workflows.Tests.Deadlines;

// 11 CCR §7026(f)(1), §7027(g)(1): an opt-out of sale/sharing and a request to limit the use of sensitive personal information
// are complied with no later than 15 business days from receipt: no 45 days, no extension, no 10-day acknowledgement.
public sealed class CcpaOptOutPeriodTests
{
    // Received Monday 22 March 2027 in Los Angeles. Cesar Chavez Day, Wednesday 31 March 2027, is a California state holiday
    // (Gov. Code §6700) inside the 15 business days: the holiday-aware reading skips it, so the date moves a day.
    [TestCase("opt-out-of-sale-sharing")]
    [TestCase("limit-sensitive-use")]
    public void A_California_opt_out_is_due_in_15_California_business_days_skipping_Cesar_Chavez_Day(string slug)
    {
        Assert.That(Rights.TryParse(slug, out var right), Is.True);
        var query = ReceivedOn("ccpa", "US-CA", "2027-03-22") with { Right = right, BusinessDays = BusinessDayReading.StateHolidays };
        var result = Compute(query);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.InitialDue, Is.EqualTo(D("2027-04-13")));
            Assert.That(result.EffectiveDue, Is.EqualTo(D("2027-04-13")));
            Assert.That(result.ExtendedDue, Is.Null, "the regulations give no extension");
            Assert.That(result.ExtensionNoticeBy, Is.Null);
            Assert.That(result.AcknowledgeBy, Is.Null, "11 CCR §7021's acknowledgement is for requests to delete, correct and know");
            Assert.That(result.HolidayCalendar, Does.Contain("California"));
            Assert.That(AllText(result), Does.Contain("15 working days").And.Contain("no later than 15 business days"));
        }
    }

    // The earliest reading (weekends only, the default at intake) counts Cesar Chavez Day as a business day.
    [Test]
    public void The_default_reading_counts_weekends_only_so_the_opt_out_is_due_a_day_earlier()
    {
        var result = Compute(ReceivedOn("ccpa", "US-CA", "2027-03-22") with { Right = Right.OptOutOfSaleSharing });

        Assert.That(result.InitialDue, Is.EqualTo(D("2027-04-12")));
    }

    [Test]
    public void A_CCPA_access_request_keeps_45_days_and_45_more()
    {
        var result = Compute(ReceivedOn("ccpa", "US-CA", "2027-03-22") with { Right = Right.Access });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.InitialDue, Is.EqualTo(D("2027-05-06")));
            Assert.That(result.ExtendedDue, Is.EqualTo(D("2027-06-20")));
            Assert.That(result.AcknowledgeBy, Is.Not.Null);
        }
    }

    [Test]
    public void Extending_an_opt_out_is_refused()
    {
        var query = ReceivedOn("ccpa", "US-CA", "2027-03-22") with { Right = Right.OptOutOfSaleSharing, Extended = true };

        Assert.That(DeadlineQueryValidator.TryResolve(query, out _, out var errors), Is.False);
        Assert.That(errors.ToDictionary()["extended"].Single(), Does.Contain("None in the law for opt-out-of-sale-sharing"));
    }
}
