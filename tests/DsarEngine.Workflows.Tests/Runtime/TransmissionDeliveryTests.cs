using DsarEngine.Workflows.Definitions;
using DsarEngine.Workflows.Runtime;
using static DsarEngine.Workflows.Runtime.Signal;

namespace DsarEngine.Workflows.Tests.Runtime;

// GDPR Art. 20(2): once the reviewer approves a portability answer, the subject's e-mail goes out and, when the subject
// named a receiving controller (and nobody recorded that this is not feasible), a second one to that controller.
public sealed class TransmissionDeliveryTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private static readonly WorkflowDefinition Portability = new("portability", 2, ["portability"], new ClockPolicy([7, 2], 0),
    [
        new StepDefinition("verify", StepTypes.VerifyIdentity, Methods: ["email", "manual"], ExpiresHours: 72),
        new StepDefinition("assess", StepTypes.Assess),
        new StepDefinition("collect", StepTypes.FanOut, Action: "export", TimeoutHours: 168),
        new StepDefinition("pack", StepTypes.RenderPack),
        new StepDefinition("review", StepTypes.Review, Required: true),
        new StepDefinition("deliver", StepTypes.Deliver),
        new StepDefinition("close", StepTypes.Close),
    ]);

    private static StepContext Context(string? transmitTo) =>
        new(Now, "portability", "DSR-AAAA-BBBB-CCCC", ClockStops: true, DueAt: Now.AddDays(30),
            [new ConnectorInfo("crm", ["export"], 48)]) { RendersPacks = true, TransmitTo = transmitTo };

    private static IReadOnlyList<Effect> Delivered(string? transmitTo, string outcome = Decisions.Proceed)
    {
        var context = Context(transmitTo);
        (WorkflowInstance, IReadOnlyList<Effect>) Advance(WorkflowInstance i, Signal s) => Executor.Advance(Portability, i, s, context);
        var i = new WorkflowInstance(Guid.NewGuid(), Guid.NewGuid(), "portability", 2, 0, InstanceStatus.Pending, null,
            new InstanceState(), 0, null, 1);
        i = Advance(i, new Start()).Item1;
        i = Advance(i, new IdentityVerified("manual", "checked", "staff")).Item1;
        i = Advance(i, new Decision("assess", outcome, outcome == Decisions.Refuse ? "Manifestly unfounded." : null, [], "dpo")).Item1;
        if (i.State.Tasks.Count > 0)
            i = Advance(i, Replies.Done(i.State.Tasks.Single().TaskId)).Item1;
        i = Advance(i, new PackRendered(Guid.NewGuid(), "ab", 10, null)).Item1;
        return Advance(i, new Decision("review", Decisions.Approve, null, [], "dpo")).Item2;
    }

    [Test]
    public void The_receiving_controller_gets_its_own_e_mail_beside_the_subjects()
    {
        var mails = Delivered("Next Bank SA").OfType<Effect.Mail>().ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(mails.Select(m => (m.Template, m.Recipient)), Is.EquivalentTo(new[]
            {
                ("response-ready", (string?)null), ("transmission-ready", Effect.Mail.ReceivingController),
            }));
            Assert.That(mails.Single(m => m.Recipient is not null).Model, Does.ContainKey("packExpiresIso"));
        }
    }

    [Test]
    public void Without_a_receiving_controller_only_the_subject_is_told() =>
        Assert.That(Delivered(null).OfType<Effect.Mail>().Select(m => m.Recipient), Is.EqualTo(new string?[] { null }));

    [Test]
    public void A_refused_answer_is_never_transmitted() =>
        Assert.That(Delivered("Next Bank SA", Decisions.Refuse).OfType<Effect.Mail>().Select(m => m.Template),
            Is.EqualTo(new[] { "refusal-letter" }));
}
