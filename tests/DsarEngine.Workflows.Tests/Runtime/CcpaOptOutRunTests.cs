using DsarEngine.Workflows.Definitions;
using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Runtime;
using DsarEngine.Workflows.Tests.Definitions;
using static DsarEngine.Workflows.Runtime.Signal;

namespace DsarEngine.Workflows.Tests.Runtime;

// California's opt-outs in the executor: never an identity step, the systems asked at once (11 CCR §7026(d), (f)); and where an
// organisation adds an assessment to screen for fraud, only a reasoned refusal (§7026(e)), never a partial one.
public sealed class CcpaOptOutRunTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 22, 17, 0, 0, TimeSpan.Zero);
    private static readonly ConnectorInfo Ads = new("ads", ["stop-sale-sharing", "limit-sensitive-use"], 48);

    private static StepContext Context(string right) =>
        new(Now, right, "DSR-AAAA-BBBB-CCCC", ClockStops: false, DueAt: Now.AddDays(21), [Ads])
        {
            // The organisation's policy asks a person to check this request: the workflow has no step that could.
            IdentityCheck = IdentityChecks.Manual,
        };

    private static (WorkflowInstance Instance, IReadOnlyList<Effect> Effects) Start(WorkflowDefinition definition, StepContext context)
    {
        var pending = new WorkflowInstance(Guid.NewGuid(), Guid.NewGuid(), definition.Id, definition.Version, 0,
            InstanceStatus.Pending, null, new InstanceState(), 0, null, 1);
        return Executor.Advance(definition, pending, new Signal.Start(), context);
    }

    [TestCase("opt-out-of-sale-sharing", "stop-sale-sharing")]
    [TestCase("limit-sensitive-use", "limit-sensitive-use")]
    public void A_shipped_opt_out_asks_the_systems_at_once_without_any_identity_check(string right, string action)
    {
        var definition = DefinitionLoader.LoadDirectory(DefinitionFolder.Shipped).ForRight(right);
        var (instance, effects) = Start(definition, Context(right));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(instance.WaitingFor, Is.EqualTo(Bookmarks.Connectors));
            Assert.That(effects.OfType<Effect.SendToConnector>().Single().Command.Action, Is.EqualTo(action));
            Assert.That(effects.OfType<Effect.CreateIdentityChallenge>(), Is.Empty);
            Assert.That(effects.OfType<Effect.Journal>().Select(j => j.Kind), Does.Not.Contain("identity-requested"));
            Assert.That(instance.State.Outcome, Is.EqualTo("completed"));
        }
    }

    [Test]
    public void An_organisation_screening_for_fraud_may_refuse_only_with_its_reason_and_never_in_part()
    {
        using var folder = new DefinitionFolder().With("opt-out-of-sale-sharing.json", DefinitionFolder.Definition(
            id: "opt-out-of-sale-sharing", rights: "\"opt-out-of-sale-sharing\"", steps: """
                { "id": "acknowledge", "type": "acknowledge" }, { "id": "assess", "type": "assess" },
                { "id": "stop", "type": "fan-out", "action": "stop-sale-sharing" }, { "id": "close", "type": "close" }
                """));
        var definition = folder.Load().ForRight("opt-out-of-sale-sharing");
        var context = Context("opt-out-of-sale-sharing");
        var (atAssess, _) = Start(definition, context);

        var (afterPartial, partial) = Executor.Advance(definition, atAssess, new Decision("assess", "partial", "Some", [], "dpo"), context);
        var (afterBare, bare) = Executor.Advance(definition, atAssess, new Decision("assess", "refuse", " ", [], "dpo"), context);
        var (refused, mail) = Executor.Advance(definition, atAssess,
            new Decision("assess", "refuse", "Forty identical requests from one address in a minute.", [], "dpo"), context);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(atAssess.WaitingFor, Is.EqualTo(Bookmarks.Decision("assess")));
            Assert.That(afterPartial, Is.EqualTo(atAssess));
            Assert.That(partial.OfType<Effect.Refuse>().Single().Slug, Is.EqualTo(Executor.RefusalNotAllowed));
            Assert.That(afterBare, Is.EqualTo(atAssess));
            Assert.That(bare.OfType<Effect.Refuse>().Single().Reason, Does.Contain("§7026(e)"));
            Assert.That(refused.State.Outcome, Is.EqualTo("refused"));
            Assert.That(mail.OfType<Effect.Mail>().Single().Model["reason"], Does.Contain("Forty identical requests"));
        }
    }
}
