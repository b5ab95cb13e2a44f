using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Tests.TestData;

namespace DsarEngine.Workflows.Tests.Requests;

// An appeal names the refused request it appeals and never chooses its law, place or clock (docs/rights.md#appeals).
public sealed class AppealIntakeTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 3, 10, 0, 0, TimeSpan.Zero);

    private static (NewRequest? Request, Dictionary<string, string[]> Errors) Validate(IntakeForm form)
    {
        var errors = new IntakeErrors();
        return (IntakeValidator.Validate(form, IntakeOrigin.Public, Now, errors), errors.ToDictionary());
    }

    [Test]
    public void An_appeal_carries_the_reference_it_appeals_in_capitals()
    {
        var (request, errors) = Validate(IntakeForms.Valid("appeal") with { AppealOf = " dsr-7kq2-m9xd-4tpa " });
        Assert.That(errors, Is.Empty);
        Assert.That(request!.AppealOf, Is.EqualTo("DSR-7KQ2-M9XD-4TPA"));
    }

    [TestCase("appeal", null, null, null, "appealOf", "Required for an appeal")]
    [TestCase("appeal", "DSR-1", null, null, "appealOf", "Not a request reference")]
    [TestCase("access", "DSR-7KQ2-M9XD-4TPA", null, null, "appealOf", "Applies only to an appeal")]
    [TestCase("appeal", "DSR-7KQ2-M9XD-4TPA", "vcdpa", null, "regime", "takes the law of the refused request")]
    [TestCase("appeal", "DSR-7KQ2-M9XD-4TPA", null, "US-VA", "jurisdiction", "takes the jurisdiction of the refused request")]
    [TestCase("access", null, "vcdpa-appeal", null, "regime", "An appeal period is not a regime")]
    public void An_appeal_that_is_incomplete_or_chooses_its_own_law_is_refused_by_field(
        string right, string? appealOf, string? regime, string? jurisdiction, string field, string says)
    {
        var form = IntakeForms.Valid(right) with { AppealOf = appealOf, Regime = regime };
        if (jurisdiction is not null)
            form = form with { Jurisdiction = jurisdiction };
        var (request, errors) = Validate(form);
        Assert.That(request, Is.Null);
        Assert.That(errors[field].Single(), Does.Contain(says));
    }

    [Test]
    public void The_form_never_offers_an_appeal_on_its_own() =>
        Assert.That(Rights.FormSlugs, Does.Not.Contain("appeal").And.Contain("access").And.Count.EqualTo(Rights.Slugs.Count - 1));
}
