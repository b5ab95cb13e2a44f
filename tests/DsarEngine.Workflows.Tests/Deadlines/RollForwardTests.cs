using DsarEngine.Workflows.Deadlines;
using static DsarEngine.Workflows.Tests.Deadlines.TestQueries;

namespace DsarEngine.Workflows.Tests.Deadlines;

// Reg. 1182/71 Art. 3(4): a period ending on a Saturday, Sunday or public holiday ends with the next working day.
public sealed class RollForwardTests
{
    [TestCase("2025-03-21", "2025-04-22", "2025-04-21 (Easter Monday, public holiday in FR)",
        TestName = "Easter Monday moves a French deadline to Tuesday")]
    [TestCase("2025-05-09", "2025-06-10", "2025-06-09 (Whit Monday, public holiday in FR)",
        TestName = "Whit Monday moves a French deadline to Tuesday")]
    [TestCase("2025-04-29", "2025-05-30", "2025-05-29 (Ascension Day, public holiday in FR)",
        TestName = "Ascension moves a French deadline to Friday")]
    [TestCase("2025-04-01", "2025-05-02", "2025-05-01 (Labour Day, public holiday in FR)",
        TestName = "1 May moves a French deadline to 2 May")]
    [TestCase("2025-04-08", "2025-05-09", "2025-05-08 (Victory in Europe Day, public holiday in FR)",
        TestName = "8 May moves a French deadline to 9 May")]
    [TestCase("2025-06-14", "2025-07-15", "2025-07-14 (Bastille Day, public holiday in FR)",
        TestName = "14 July moves a French deadline to 15 July")]
    [TestCase("2025-11-25", "2025-12-26", "2025-12-25 (Christmas Day, public holiday in FR)",
        TestName = "Christmas moves a French deadline to 26 December")]
    public void French_public_holidays(string received, string due, string skipped)
    {
        var result = Compute("gdpr", "FR", received);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.InitialDue, Is.EqualTo(D(due)));
            Assert.That(AllText(result), Does.Contain($"rolled forward from {skipped} to {due}"));
        }
    }

    [Test]
    public void A_weekend_followed_by_Easter_Monday_is_skipped_in_one_step()
    {
        var result = Compute("gdpr", "FR", "2025-03-19");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.InitialDue, Is.EqualTo(D("2025-04-22")));
            Assert.That(result.Steps.Count(s => s.Kind == "roll-forward" && s.Text.StartsWith("Initial", StringComparison.Ordinal)),
                Is.EqualTo(1));
            Assert.That(AllText(result), Does.Contain(
                "from 2025-04-19 (Saturday), 2025-04-20 (Sunday), 2025-04-21 (Easter Monday, public holiday in FR) to 2025-04-22"));
        }
    }

    // Code du travail L3134-13: Good Friday and 26 December are holidays in Moselle, Bas-Rhin, Haut-Rhin.
    [TestCase("FR", "2025-04-18")]
    [TestCase("FR-57", "2025-04-22")]
    [TestCase("FR-67", "2025-04-22")]
    [TestCase("fr-68", "2025-04-22")]
    public void Good_Friday_is_a_holiday_only_in_Alsace_Moselle(string jurisdiction, string due)
    {
        Assert.That(Compute("gdpr", jurisdiction, "2025-03-18").InitialDue, Is.EqualTo(D(due)));
    }

    [TestCase("FR", "2025-12-26")]
    [TestCase("FR-57", "2025-12-29")]
    public void St_Stephens_Day_is_a_holiday_only_in_Alsace_Moselle(string jurisdiction, string due)
    {
        Assert.That(Compute("gdpr", jurisdiction, "2025-11-25").InitialDue, Is.EqualTo(D(due)));
    }

    // 3 October 2025 (a Friday) is German Unity Day; a working day in England.
    [TestCase("gdpr", "DE", "2025-10-06")]
    [TestCase("uk-gdpr", "GB-ENG", "2025-10-03")]
    public void The_controllers_jurisdiction_decides_which_days_are_holidays(string regime, string jurisdiction, string due)
    {
        Assert.That(Compute(regime, jurisdiction, "2025-09-03").InitialDue, Is.EqualTo(D(due)));
    }

    // Christmas 2021 fell on a Saturday and Boxing Day on a Sunday: bank holidays on Monday 27 and Tuesday 28.
    [Test]
    public void UK_substitute_days_for_Christmas_2021_move_the_deadline_to_29_December()
    {
        Assert.That(Compute("uk-gdpr", "GB-ENG", "2021-11-27").InitialDue, Is.EqualTo(D("2021-12-29")));
    }

    // Christmas 2022 fell on a Sunday: Boxing Day Monday 26, substitute for Christmas Tuesday 27.
    [Test]
    public void UK_substitute_day_for_Christmas_2022_moves_the_deadline_to_28_December()
    {
        var result = Compute("uk-gdpr", "GB-SCT", "2022-11-27");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.InitialDue, Is.EqualTo(D("2022-12-28")));
            Assert.That(AllText(result), Does.Contain("2022-12-27 (Christmas Day (substitute day), public holiday in GB-SCT)"));
        }
    }

    [Test]
    public void Organisation_closure_days_are_skipped_and_named()
    {
        var query = ReceivedOn("gdpr", "FR", "2025-07-01") with
        {
            ClosureDays = [new ClosureDay(D("2025-08-01"), "Summer shutdown")],
        };

        var result = Compute(query);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.InitialDue, Is.EqualTo(D("2025-08-04")));
            Assert.That(AllText(result), Does.Contain("2025-08-01 (Summer shutdown, organisation closure day)"));
            Assert.That(Compute("gdpr", "FR", "2025-07-01").InitialDue, Is.EqualTo(D("2025-08-01")));
        }
    }

    [Test]
    public void A_jurisdiction_without_a_holiday_calendar_uses_weekends_only_and_says_so()
    {
        var result = Compute("gdpr", "PL", "2025-03-05");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.HolidayCalendar, Is.Null);
            Assert.That(AllText(result), Does.Contain("No public holiday calendar is provided for PL"));
            Assert.That(result.InitialDue, Is.EqualTo(D("2025-04-07")));
        }
    }
}
