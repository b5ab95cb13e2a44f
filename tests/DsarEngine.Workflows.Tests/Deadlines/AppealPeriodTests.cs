using DsarEngine.Workflows.Deadlines;

namespace DsarEngine.Workflows.Tests.Deadlines;

// The appeal periods: Va. Code §59.1-577(C) 60 days; C.R.S. §6-1-1306(3) 45 days, once 60 more with notice;
// Conn. Gen. Stat. §42-518(d) 60 days. Computed by the legal clock like any regime, from receipt of the appeal.
public sealed class AppealPeriodTests
{
    private static readonly DateTimeOffset Received = new(2026, 3, 2, 15, 0, 0, TimeSpan.Zero);

    [TestCase("vcdpa", "vcdpa-appeal", "US-VA", "2026-05-01", null)]
    [TestCase("cpa", "cpa-appeal", "US-CO", "2026-04-16", "2026-06-15")]
    [TestCase("ctdpa", "ctdpa-appeal", "US-CT", "2026-05-01", null)]
    public void An_appeal_is_due_on_its_states_appeal_period(
        string regime, string clock, string jurisdiction, string due, string? extendedDue)
    {
        Assert.That(AppealPeriods.TryFor(regime, out var rules), Is.True);
        var computed = LegalClock.Compute(new DeadlineQuery(rules!.Clock.Id, jurisdiction, Received) { TimeZone = "America/New_York" });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(rules.Clock.Id, Is.EqualTo(clock));
            Assert.That(computed.InitialDue.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(due));
            Assert.That(computed.ExtendedDue?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                Is.EqualTo(extendedDue));
        }
    }

    [TestCase("gdpr")]
    [TestCase("ccpa")]
    [TestCase("uk-gdpr")]
    public void A_law_without_an_appeal_to_the_organisation_offers_none(string regime) =>
        Assert.That(AppealPeriods.TryFor(regime, out _), Is.False);

    [Test]
    public void Appeal_periods_are_found_for_the_clock_but_never_listed_as_regimes_to_choose()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Regimes.TryGet("cpa-appeal", out var rules), Is.True);
            Assert.That(rules!.Extension, Is.EqualTo(Period.Days(60)));
            Assert.That(Regimes.All.Select(r => r.Id), Has.None.EndsWith("-appeal"));
            Assert.That(AppealPeriods.All.Select(a => a.ComplaintUrl), Has.All.StartsWith("https://"));
        }
    }
}
