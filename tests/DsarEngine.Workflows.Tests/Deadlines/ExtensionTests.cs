using DsarEngine.Workflows.Deadlines;
using static DsarEngine.Workflows.Tests.Deadlines.TestQueries;

namespace DsarEngine.Workflows.Tests.Deadlines;

// GDPR Art. 12(3): two further months, once, if the subject is told with reasons within the first month.
public sealed class ExtensionTests
{
    [Test]
    public void Taking_the_extension_makes_the_extended_date_effective()
    {
        var result = Compute(ReceivedOn("gdpr", "FR", "2025-03-03") with { Extended = true });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.InitialDue, Is.EqualTo(D("2025-04-03")));
            Assert.That(result.ExtendedDue, Is.EqualTo(D("2025-06-03")));
            Assert.That(result.EffectiveDue, Is.EqualTo(D("2025-06-03")));
        }
    }

    [Test]
    public void The_extended_date_is_computed_even_when_the_extension_is_not_taken()
    {
        var result = Compute("gdpr", "FR", "2025-03-03");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(result.ExtendedDue, Is.EqualTo(D("2025-06-03")));
            Assert.That(result.EffectiveDue, Is.EqualTo(D("2025-04-03")));
        }
    }

    // The policy setting: three months from receipt (ICO) or the end of the first month plus two (conservative).
    [TestCase(nameof(ExtensionMethod.FromReceipt), "2025-04-30")]
    [TestCase(nameof(ExtensionMethod.FromInitialDue), "2025-04-28")]
    public void The_extension_method_is_a_policy_choice(string method, string extendedDue)
    {
        var query = ReceivedOn("gdpr", "AT", "2025-01-31") with { ExtensionMethod = Enum.Parse<ExtensionMethod>(method) };

        var result = Compute(query);

        Assert.That(result.ExtendedDue, Is.EqualTo(D(extendedDue)));
    }

    [Test]
    public void Notice_on_the_initial_deadline_is_in_time()
    {
        var current = Compute("gdpr", "FR", "2025-03-03");

        Assert.That(ExtensionRules.Check(current, D("2025-04-03")), Is.EqualTo((true, (string?)null)));
    }

    [Test]
    public void Notice_after_the_initial_deadline_is_refused()
    {
        var current = Compute("gdpr", "FR", "2025-03-03");

        var (allowed, reason) = ExtensionRules.Check(current, D("2025-04-04"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(allowed, Is.False);
            Assert.That(reason, Does.StartWith("Too late to extend: the subject had to be told, with reasons, by 2025-04-03"));
        }
    }

    [Test]
    public void Extending_twice_is_refused()
    {
        var current = Compute(ReceivedOn("gdpr", "FR", "2025-03-03") with { Extended = true });

        var (allowed, reason) = ExtensionRules.Check(current, D("2025-03-10"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(allowed, Is.False);
            Assert.That(reason, Does.StartWith("The deadline was already extended once"));
        }
    }

    [Test]
    public void Extending_under_a_regime_without_an_extension_is_refused()
    {
        var current = Compute("lgpd", "BR", "2025-03-03");

        var (allowed, reason) = ExtensionRules.Check(current, D("2025-03-04"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(allowed, Is.False);
            Assert.That(reason, Does.StartWith("Regime lgpd has no fixed extension"));
        }
    }

    [Test]
    public void Asking_the_clock_for_an_extension_the_regime_does_not_have_is_an_error()
    {
        Assert.That(() => LegalClock.Compute(ReceivedOn("lgpd", "BR", "2025-03-03") with { Extended = true }),
            Throws.ArgumentException.With.Message.Contains("extended: Regime lgpd has no fixed extension"));
    }
}
