using DsarEngine.Workflows.Packs;
using Facts = DsarEngine.Workflows.Packs.PortabilityScope.Facts;

namespace DsarEngine.Workflows.Tests.Packs;

// GDPR Art. 20(1), 20(4) as WP242 reads them: provided or observed data, on consent or contract, by automated means, and
// nothing that concerns other people; what a system does not state is included and reported as unstated.
public sealed class PortabilityScopeTests
{
    private static readonly Dictionary<int, Facts> NoRecords = [];

    [TestCase("consent", "provided", null)]
    [TestCase("explicit-consent", "observed", null)]
    [TestCase("Contract", " observed ", null)]
    [TestCase("legal-obligation", "provided", PortabilityScope.Basis)]
    [TestCase("legitimate-interests", "provided", PortabilityScope.Basis)]
    [TestCase("contract", "derived", PortabilityScope.NotProvided)]
    [TestCase("consent", "other-source", PortabilityScope.NotProvided)]
    public void Only_provided_or_observed_data_on_consent_or_contract_is_portable(string basis, string origin, string? reason) =>
        Assert.That(PortabilityScope.Excluded(new Facts(basis, origin, null, null), providedOnly: true), Is.EqualTo(reason));

    [Test]
    public void Records_that_concern_others_or_a_paper_file_are_left_out_whatever_their_basis()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(PortabilityScope.Excluded(new Facts("consent", "provided", null, true), true), Is.EqualTo(PortabilityScope.Others));
            Assert.That(PortabilityScope.Excluded(new Facts("consent", "provided", false, null), true),
                Is.EqualTo(PortabilityScope.NotAutomated));
            Assert.That(PortabilityScope.Excluded(new Facts("legal-obligation", "derived", null, true), false),
                Is.EqualTo(PortabilityScope.Others), "the others' rights hold under every law");
            Assert.That(PortabilityScope.Excluded(new Facts("legal-obligation", "derived", false, null), false), Is.Null,
                "outside the GDPR's Art. 20 portability is not limited to provided data");
        }
    }

    [Test]
    public void What_a_system_does_not_state_is_included_and_marked_unstated()
    {
        var silent = PortabilityScope.Decide(Facts.None, 3, NoRecords, providedOnly: true);
        var unknownWords = PortabilityScope.Decide(new Facts("because we can", "somewhere", null, null), 3, NoRecords, true);
        var stated = PortabilityScope.Decide(new Facts("contract", "provided", null, null), 3, NoRecords, true);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(silent.KeepsAll, Is.True);
            Assert.That(silent.Unstated, Is.True);
            Assert.That(unknownWords.KeepsAll && unknownWords.Unstated, Is.True, "a basis outside the vocabulary is not a basis");
            Assert.That(stated.KeepsAll, Is.True);
            Assert.That(stated.Unstated, Is.False);
            Assert.That(PortabilityScope.Decide(Facts.None, 3, NoRecords, providedOnly: false).Unstated, Is.False,
                "nothing to state where the law does not limit portability");
        }
    }

    [Test]
    public void A_record_scope_overrides_its_category_and_the_left_out_records_are_counted_by_reason()
    {
        var records = new Dictionary<int, Facts>
        {
            [1] = new(null, null, null, true),
            [3] = new("legal-obligation", null, null, null),
            [4] = new(null, "derived", null, null),
            [9] = new(null, null, null, true),
        };
        var decision = PortabilityScope.Decide(new Facts("consent", "provided", null, null), 5, records, providedOnly: true);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Enumerable.Range(0, 5).Where(decision.Keeps), Is.EqualTo(new[] { 0, 2 }));
            Assert.That(decision.LeftOut, Is.EquivalentTo(new Dictionary<string, int>
            {
                [PortabilityScope.Others] = 1, [PortabilityScope.Basis] = 1, [PortabilityScope.NotProvided] = 1,
            }), "a scope for a record that does not exist (9) counts for nothing");
            Assert.That(decision.KeepsAll, Is.False);
            Assert.That(decision.Unstated, Is.False);
        }
    }

    [Test]
    public void A_category_outside_the_scope_keeps_only_the_records_its_system_says_qualify()
    {
        var records = new Dictionary<int, Facts> { [2] = new("consent", "provided", null, null) };
        var decision = PortabilityScope.Decide(new Facts("legitimate-interests", "derived", null, null), 4, records, true);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Enumerable.Range(0, 4).Where(decision.Keeps), Is.EqualTo(new[] { 2 }));
            Assert.That(decision.LeftOut, Is.EquivalentTo(new Dictionary<string, int> { [PortabilityScope.Basis] = 3 }));
            Assert.That(decision.KeepsNone(4), Is.False);
            Assert.That(PortabilityScope.Decide(new Facts("public-task", null, null, null), 4, NoRecords, true).KeepsNone(4), Is.True);
        }
    }

    [TestCase("gdpr", true)]
    [TestCase("UK-GDPR", true)]
    [TestCase("nfadp", true)]
    [TestCase(null, true)]
    [TestCase("lgpd", false)]
    [TestCase("ccpa", false)]
    public void Only_the_gdpr_and_the_laws_that_copy_it_limit_portability_to_provided_data(string? regime, bool providedOnly) =>
        Assert.That(PortabilityScope.ProvidedOnly(regime), Is.EqualTo(providedOnly));
}
