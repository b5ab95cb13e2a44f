using DsarEngine.Workflows.Definitions;

namespace DsarEngine.Workflows.Tests.Definitions;

// What each shipped workflow does in law: the connector action it fans out and whether recipients hear of it.
public sealed class ShippedLegalContentTests
{
    private static readonly DefinitionCatalog Catalog = DefinitionLoader.LoadDirectory(DefinitionFolder.Shipped);

    [TestCase("access", "export", false, TestName = "Access (Art. 15) exports a copy and tells no recipients")]
    [TestCase("portability", "export", false, TestName = "Portability (Art. 20) exports and tells no recipients")]
    [TestCase("rectification", "rectify", true, TestName = "Rectification (Art. 16) rectifies and notifies recipients (Art. 19)")]
    [TestCase("erasure", "erase", true, TestName = "Erasure (Art. 17) erases and notifies recipients (Art. 19)")]
    [TestCase("restriction", "restrict", true, TestName = "Restriction (Art. 18) restricts and notifies recipients (Art. 19)")]
    [TestCase("objection", "stop-processing", false, TestName = "Objection (Art. 21) stops the processing objected to")]
    [TestCase("consent-withdrawal", "stop-processing", false, TestName = "Consent withdrawal (Art. 7(3)) stops the processing based on it")]
    [TestCase("post-mortem-instructions", "", false, TestName = "Post-mortem instructions change no data in connected systems")]
    [TestCase("appeal", "", false, TestName = "An appeal (VA, CO, CT) is a decision and a letter, no connector action")]
    [TestCase("opt-out-of-sale-sharing", "stop-sale-sharing", true,
        TestName = "A CCPA opt-out stops sale and sharing and tracks the third parties told (11 CCR 7026(f))")]
    [TestCase("limit-sensitive-use", "limit-sensitive-use", true,
        TestName = "A CCPA request to limit limits the use of sensitive data and tracks the third parties told (11 CCR 7027)")]
    public void A_workflow_fans_out_the_action_its_right_needs(string right, string action, bool notifies)
    {
        var steps = Catalog.ForRight(right).Steps;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(string.Join(",", steps.Where(s => s.Type == StepTypes.FanOut).Select(s => s.Action)), Is.EqualTo(action));
            Assert.That(steps.Any(s => s.Type == StepTypes.NotifyRecipients), Is.EqualTo(notifies));
        }
    }

    [Test]
    public void Erasure_is_announced_before_connectors_erase_and_confirmed_after_review()
    {
        var erasure = Catalog.ForRight("erasure");
        var announce = erasure.Steps.ToList().FindIndex(s => s.Event == "subject-erasure-requested");
        var erased = erasure.Steps.ToList().FindIndex(s => s.Event == "subject-erased");
        Assert.That(new[] { announce, erasure.IndexOf("erase"), erasure.IndexOf("review"), erased },
            Is.Ordered.And.All.GreaterThanOrEqualTo(0));
    }

    [TestCase("access")]
    [TestCase("portability")]
    [TestCase("erasure")]
    public void A_person_reviews_before_data_leaves_or_is_gone(string right) =>
        Assert.That(Catalog.ForRight(right).Steps.Single(s => s.Type == StepTypes.Review).Required, Is.True);
}
