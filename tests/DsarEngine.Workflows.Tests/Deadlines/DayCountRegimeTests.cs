using DsarEngine.Workflows.Deadlines;
using static DsarEngine.Workflows.Tests.Deadlines.TestQueries;

namespace DsarEngine.Workflows.Tests.Deadlines;

// Regimes counted in calendar or working days rather than months.
public sealed class DayCountRegimeTests
{
    // Cal. Civ. Code §1798.130(a)(2)(A) and 11 CCR §7021: 45 calendar days (no roll-forward applied, so a
    // Saturday stands), +45 with notice, acknowledgement within 10 business days.
    [Test]
    public void CCPA_gives_45_days_45_more_and_10_business_days_to_acknowledge()
    {
        var result = Compute("ccpa", "US-CA", "2025-03-05");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.InitialDue, Is.EqualTo(D("2025-04-19")));
            Assert.That(result.ExtensionNoticeBy, Is.EqualTo(D("2025-04-19")));
            Assert.That(result.ExtendedDue, Is.EqualTo(D("2025-06-03")));
            Assert.That(result.AcknowledgeBy, Is.EqualTo(D("2025-03-19")));
            Assert.That(AllText(result), Does.Contain("2025-04-19 (Saturday) stands"));
        }
    }

    // Thanksgiving (27 November 2025) is not a business day.
    [Test]
    public void CCPA_acknowledgement_counts_weekends_only_by_default_the_earliest_reading()
    {
        var result = Compute("ccpa", "US-CA", "2025-11-20");

        using (Assert.EnterMultipleScope())
        {
            // Thanksgiving (27 Nov) and the day after are counted as business days.
            Assert.That(result.AcknowledgeBy, Is.EqualTo(D("2025-12-04")));
            Assert.That(result.HolidayCalendar, Is.Null);
            Assert.That(AllText(result), Does.Contain("Business days under ccpa skip Saturdays, Sundays and closure days only"));
        }
    }

    // The holiday-aware reading: California's own state holidays, not the federal ones.
    [TestCase("2025-11-20", "2025-12-08", TestName = "CCPA state-holiday business days skip Thanksgiving and the day after")]
    [TestCase("2025-03-25", "2025-04-09", TestName = "CCPA state-holiday business days skip Cesar Chavez Day")]
    [TestCase("2025-10-06", "2025-10-20", TestName = "CCPA state-holiday business days do not skip Columbus Day, a federal holiday")]
    [TestCase("2025-09-22", "2025-10-07", TestName = "CCPA state-holiday business days skip Native American Day")]
    public void CCPA_acknowledgement_with_California_state_holidays(string received, string acknowledgeBy)
    {
        var result = LegalClock.Compute(ReceivedOn("ccpa", "US-CA", received) with { BusinessDays = BusinessDayReading.StateHolidays });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.AcknowledgeBy, Is.EqualTo(D(acknowledgeBy)));
            Assert.That(result.HolidayCalendar, Is.EqualTo("California (state offices)"));
        }
    }

    [TestCase("vcdpa", "US-VA")]
    [TestCase("cpa", "US-CO")]
    [TestCase("ctdpa", "US-CT")]
    public void Virginia_Colorado_and_Connecticut_give_45_days_and_45_more(string regime, string jurisdiction)
    {
        var result = Compute(regime, jurisdiction, "2025-01-10");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.InitialDue, Is.EqualTo(D("2025-02-24")));
            Assert.That(result.ExtendedDue, Is.EqualTo(D("2025-04-10")));
            Assert.That(result.AcknowledgeBy, Is.Null);
        }
    }

    // PIPEDA s. 8(3)-(4); Interpretation Act ss. 26 and 35: Sundays and holidays roll forward, Saturdays do not.
    [TestCase("2025-05-02", "2025-06-02", TestName = "A PIPEDA deadline on a Sunday moves to Monday")]
    [TestCase("2025-04-03", "2025-05-03", TestName = "A PIPEDA deadline on a Saturday stands")]
    [TestCase("2025-06-01", "2025-07-02", TestName = "A PIPEDA deadline on Canada Day moves to the next day")]
    [TestCase("2025-04-19", "2025-05-20", TestName = "A PIPEDA deadline on Victoria Day moves to the next day")]
    public void PIPEDA(string received, string due)
    {
        Assert.That(Compute("pipeda", "CA", received).InitialDue, Is.EqualTo(D(due)));
    }

    // LGPD Art. 19(II): 15 days (calendar days assumed: see docs); Civil Code Art. 132 §1 rolls forward.
    [TestCase("2025-04-06", "2025-04-22", TestName = "An LGPD deadline on Tiradentes moves to the next day")]
    [TestCase("2025-04-03", "2025-04-22", TestName = "An LGPD deadline on Good Friday moves past the weekend and Tiradentes")]
    public void LGPD(string received, string due)
    {
        var result = Compute("lgpd", "BR", received);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.InitialDue, Is.EqualTo(D(due)));
            Assert.That(result.ExtendedDue, Is.Null);
            Assert.That(result.ExtensionNoticeBy, Is.Null);
        }
    }

    [Test]
    public void An_nFADP_deadline_on_the_Swiss_National_Day_moves_to_Monday()
    {
        var result = Compute("nfadp", "CH", "2025-07-02");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.InitialDue, Is.EqualTo(D("2025-08-04")));
            Assert.That(result.ExtendedDue, Is.Null);
        }
    }

    // 152-FZ Art. 14(3), Art. 20: 10 working days, +5 with a reasoned notice. 12 June is Russia Day.
    [Test]
    public void Federal_Law_152_FZ_counts_working_days_around_Russia_Day()
    {
        var result = Compute("152-fz", "RU", "2025-06-05");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.InitialDue, Is.EqualTo(D("2025-06-20")));
            Assert.That(result.ExtendedDue, Is.EqualTo(D("2025-06-27")));
        }
    }

    [Test]
    public void Federal_Law_152_FZ_working_days_skip_the_New_Year_holidays()
    {
        Assert.That(Compute("152-fz", "RU", "2025-12-29").InitialDue, Is.EqualTo(D("2026-01-20")));
    }

    [Test]
    public void Organisation_closure_days_are_not_working_days()
    {
        var query = ReceivedOn("152-fz", "RU", "2025-06-05") with
        {
            ClosureDays = [new ClosureDay(D("2025-06-13"), "Office move")],
        };

        Assert.That(Compute(query).InitialDue, Is.EqualTo(D("2025-06-23")));
    }
}
