using DsarEngine.Workflows.Requests;

namespace DsarEngine.Workflows.Tests.Requests;

// The proof each law asks of someone acting for the subject (docs/rights.md#representatives).
public sealed class RepresentativeProofTests
{
    [TestCase("ccpa", "US-CA", "authorised-agent", "signed permission", true, null)]
    [TestCase("ccpa", "US-CA", "parent", "child under 13", false, 13)]
    [TestCase("ccpa", "US-CA", "representative", "power of attorney", false, null)]
    [TestCase("vcdpa", "US-VA", "parent", "known child under 13", false, 13)]
    [TestCase("gdpr", "FR", "parent", "parental responsibility", false, 15)]
    [TestCase("gdpr", "DE", "parent", "parental responsibility", false, 16)]
    [TestCase("gdpr", "BE", "parent", "parental responsibility", false, 13)]
    [TestCase("gdpr", "FR", "representative", "written mandate", false, null)]
    [TestCase("uk-gdpr", "GB-ENG", "authorised-agent", "written mandate", false, null)]
    [TestCase("152-fz", "RU", "parent", "birth certificate", false, 18)]
    [TestCase("152-fz", "RU", "representative", "power of attorney", false, null)]
    public void Each_law_asks_its_own_proof(string regime, string jurisdiction, string relationship, string documents,
        bool subjectConfirms, int? childUnder)
    {
        var proof = RepresentativeProof.For(regime, jurisdiction, relationship);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(proof.Documents, Does.Contain(documents));
            Assert.That(proof.SubjectConfirms, Is.EqualTo(subjectConfirms));
            Assert.That(proof.ChildUnder, Is.EqualTo(childUnder));
            Assert.That(proof.Source, Is.Not.Empty);
        }
    }
}
