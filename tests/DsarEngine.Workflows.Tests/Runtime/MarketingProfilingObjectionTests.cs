using DsarEngine.Workflows.Definitions;
using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Runtime;
using static DsarEngine.Workflows.Runtime.Signal;

namespace DsarEngine.Workflows.Tests.Runtime;

// GDPR Art. 21(2): "including profiling to the extent that it is related to such direct marketing". An objection to that
// profiling is as absolute as one to direct marketing: no assessment, no refusal; plain profiling is still assessed.
public sealed class MarketingProfilingObjectionTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private static readonly DefinitionCatalog Shipped = DefinitionLoader.LoadDirectory(Definitions.DefinitionFolder.Shipped);

    private static StepContext Context(string purpose) =>
        new(Now, "objection", "DSR-AAAA-BBBB-CCCC", ClockStops: true, DueAt: Now.AddDays(30),
            [new ConnectorInfo("crm", ["stop-processing"], 48)]) { Purpose = purpose };

    private static (WorkflowInstance Instance, IReadOnlyList<Effect> Effects) Verified(WorkflowDefinition definition, string purpose)
    {
        var pending = new WorkflowInstance(Guid.NewGuid(), Guid.NewGuid(), definition.Id, definition.Version, 0,
            InstanceStatus.Pending, null, new InstanceState(), 0, null, 1);
        var (started, _) = Executor.Advance(definition, pending, new Start(), Context(purpose));
        return Executor.Advance(definition, started, new IdentityVerified("manual", "checked", "staff"), Context(purpose));
    }

    [Test]
    public void An_objection_to_marketing_profiling_stops_the_processing_without_an_assessment()
    {
        var objection = Shipped.ForRight("objection");
        var (instance, effects) = Verified(objection, ObjectionPurposes.DirectMarketingProfiling);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(instance.WaitingFor, Is.EqualTo(Bookmarks.Connectors));
            Assert.That(effects.OfType<Effect.Journal>().Select(j => j.Kind), Does.Contain("assessment-not-needed"));
            Assert.That(effects.OfType<Effect.SendToConnector>().Single().Command.Action, Is.EqualTo("stop-processing"));
        }
    }

    [TestCase(Decisions.Refuse)]
    [TestCase(Decisions.Partial)]
    public void Refusing_it_on_an_instance_pinned_to_objection_2_is_refused(string outcome)
    {
        var v2 = Shipped.Find("objection", 2)!;
        var (atAssess, _) = Verified(v2, ObjectionPurposes.DirectMarketingProfiling);
        var decision = new Decision("assess", outcome, "We score for offers.", ["Art. 6(1)(f)"], "dpo");
        var (after, effects) = Executor.Advance(v2, atAssess, decision, Context(ObjectionPurposes.DirectMarketingProfiling));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(atAssess.WaitingFor, Is.EqualTo(Bookmarks.Decision("assess")), "objection@2 has no skip: it stops at assess");
            Assert.That(after, Is.EqualTo(atAssess));
            Assert.That(effects.OfType<Effect.Refuse>().Single().Slug, Is.EqualTo(Executor.RefusalNotAllowed));
        }
    }

    [Test]
    public void It_needs_no_identity_check_by_default_and_plain_profiling_still_does() =>
        Assert.That((IdentityPolicy.Default.Resolve("objection", "api", ObjectionPurposes.DirectMarketingProfiling),
                IdentityPolicy.Default.Resolve("objection", "api", "profiling")),
            Is.EqualTo((IdentityChecks.None, IdentityChecks.Email)));
}
