using DsarEngine.Workflows.Journal.Entries;
using DsarEngine.Workflows.Runtime;
using static DsarEngine.Workflows.Runtime.Signal;

namespace DsarEngine.Workflows.Tests.Runtime;

// GDPR Art. 17(3): what a partial assessment exempts, and what the organisation's legal holds keep, reach each system
// with its erase command; a system that keeps more is flagged to the reviewer.
public sealed class ErasureKeepTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly ConnectorInfo Crm = new("crm", ["erase"], 48);
    private static readonly ConnectorInfo Billing = new("billing", ["erase"], 48);

    private static StepContext Context(params LegalHold[] holds) =>
        new(Now, "erasure", "DSR-AAAA-BBBB-CCCC", ClockStops: true, DueAt: Now.AddDays(30), [Crm, Billing]) { LegalHolds = holds };

    private static WorkflowInstance AtAssess(StepContext context)
    {
        var pending = new WorkflowInstance(Guid.Parse("0195a0c4-0000-7000-8000-000000000002"), Guid.NewGuid(), "erasure", 1, 0,
            InstanceStatus.Pending, null, new InstanceState(), 0, null, 1);
        var (started, _) = Executor.Advance(TestDefinitions.Erasure, pending, new Start(), context);
        return Executor.Advance(TestDefinitions.Erasure, started, new IdentityVerified("manual", "checked", "staff"), context).Item1;
    }

    private static Dictionary<string, IReadOnlyList<KeepInstruction>> Sent(IReadOnlyList<Effect> effects) =>
        effects.OfType<Effect.SendToConnector>().ToDictionary(s => s.Connector, s => s.Command.Keep);

    [Test]
    public void A_partial_assessment_sends_each_system_the_categories_it_keeps_and_the_others_none_of_them()
    {
        var context = Context();
        var decision = new Decision("assess", Decisions.Partial, "litigation pending", ["legal claims (Art. 17(3)(e))"], "dpo")
        {
            Keep =
            [
                new ErasureExemption("invoices", "Art. 17(3)(b): Commercial Code L123-22", "billing"),
                new ErasureExemption("support-tickets", "Art. 17(3)(e): claim 2025-17", null),
            ],
        };
        var (instance, effects) = Executor.Advance(TestDefinitions.Erasure, AtAssess(context), decision, context);
        var sent = Sent(effects);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(instance.State.Keep, Has.Count.EqualTo(2));
            Assert.That(sent["billing"].Select(k => (k.Category, k.Source)),
                Is.EqualTo(new[] { ("invoices", "assessment"), ("support-tickets", "assessment") }));
            Assert.That(sent["crm"].Select(k => k.Category), Is.EqualTo(new[] { "support-tickets" }));
            Assert.That(sent["billing"][0].LegalBasis, Is.EqualTo("Art. 17(3)(b): Commercial Code L123-22"));
        }
    }

    [Test]
    public void A_legal_hold_makes_the_erase_command_keep_its_category_in_the_systems_it_covers()
    {
        var context = Context(
            new LegalHold("payroll", "Labour Code L3243-4: 5 years", new DateOnly(2030, 12, 31), ["crm"]),
            new LegalHold("contracts", "Art. 17(3)(e): dispute with the subject", null, []));
        var (_, effects) = Executor.Advance(TestDefinitions.Erasure, AtAssess(context),
            new Decision("assess", Decisions.Proceed, null, [], "dpo"), context);
        var sent = Sent(effects);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sent["crm"], Is.EqualTo(new[]
            {
                new KeepInstruction("payroll", "Labour Code L3243-4: 5 years", new DateOnly(2030, 12, 31), "legal-hold"),
                new KeepInstruction("contracts", "Art. 17(3)(e): dispute with the subject", null, "legal-hold"),
            }));
            Assert.That(sent["billing"].Select(k => k.Category), Is.EqualTo(new[] { "contracts" }));
        }
    }

    [Test]
    public void With_no_exemption_and_no_hold_the_erase_command_keeps_nothing()
    {
        var context = Context();
        var (_, effects) = Executor.Advance(TestDefinitions.Erasure, AtAssess(context),
            new Decision("assess", Decisions.Proceed, null, [], "dpo"), context);
        Assert.That(Sent(effects).Values, Has.All.Empty);
    }

    [Test]
    public void A_system_that_keeps_a_category_no_exemption_or_hold_named_is_journaled_for_the_reviewer()
    {
        var context = Context(new LegalHold("payroll", "Labour Code", null, []));
        var (fanned, _) = Executor.Advance(TestDefinitions.Erasure, AtAssess(context),
            new Decision("assess", Decisions.Proceed, null, [], "dpo"), context);
        var crm = fanned.State.Tasks.Single(t => t.Connector == "crm").TaskId;
        var billing = fanned.State.Tasks.Single(t => t.Connector == "billing").TaskId;
        var keptHeld = new TaskCompleted(crm, "partial", "kept payroll", [new RetainedItem("Payroll", "Labour Code", null)], [], null);
        var (one, held) = Executor.Advance(TestDefinitions.Erasure, fanned, keptHeld, context);
        var (_, beyond) = Executor.Advance(TestDefinitions.Erasure, one, Replies.Partial(billing), context);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(held.OfType<Effect.Journal>().Select(j => j.Kind), Does.Not.Contain("kept-beyond-instructions"));
            var flagged = (KeptBeyondInstructionsEntry)beyond.OfType<Effect.Journal>()
                .Single(j => j.Kind == "kept-beyond-instructions").Data;
            Assert.That((flagged.Connector, flagged.Categories), Is.EqualTo(("billing", new[] { "invoices" })));
        }
    }
}
