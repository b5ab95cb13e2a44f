using DsarEngine.Workflows.Runtime;
using static DsarEngine.Workflows.Runtime.Signal;

namespace DsarEngine.Workflows.Tests.Runtime;

// GDPR Art. 18(3): lifting a restriction is its own signal. The subject is told first (e-mail and letter); the lift
// commands go out only when the lift timer fires, never with the notice.
public sealed class RestrictionLiftTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset LiftAt = Now.AddDays(14);

    private static readonly DsarEngine.Workflows.Definitions.WorkflowDefinition Restriction = TestDefinitions.Restriction;

    private static StepContext Context(DateTimeOffset? at = null) =>
        new(at ?? Now, "restriction", "DSR-AAAA-BBBB-CCCC", ClockStops: true, DueAt: Now.AddDays(30),
        [
            new ConnectorInfo("crm", ["restrict", "lift-restriction"], 48),
            new ConnectorInfo("billing", ["restrict"], 48),
            new ConnectorInfo("archive", ["restrict", "lift-restriction"], 48, ConnectorKinds.Manual),
        ]);

    private static WorkflowInstance Closed(string outcome) =>
        new(Guid.Parse("0195a0c4-0000-7000-8000-000000000003"), Guid.NewGuid(), "restriction", 1, 3, InstanceStatus.Closed, null,
            new InstanceState { Outcome = outcome, IdentityVerified = true }, 0, null, 7);

    private static (WorkflowInstance, IReadOnlyList<Effect>) Advance(WorkflowInstance i, Signal s, StepContext? c = null) =>
        Executor.Advance(Restriction, i, s, c ?? Context());

    [Test]
    public void Lifting_tells_the_subject_by_e_mail_and_letter_and_sends_no_command_yet()
    {
        var (instance, effects) = Advance(Closed("completed"), new LiftRestriction("accuracy verified", LiftAt, "dpo"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(effects.OfType<Effect.Mail>().Single().Template, Is.EqualTo("restriction-lift-notice"));
            Assert.That(effects.OfType<Effect.Mail>().Single().Model["reason"], Is.EqualTo("accuracy verified"));
            Assert.That(effects.OfType<Effect.RenderNoticeLetter>().Single().Kind, Is.EqualTo(Notices.RestrictionLift));
            Assert.That(effects.OfType<Effect.SendToConnector>(), Is.Empty);
            Assert.That(effects.OfType<Effect.ScheduleTimer>().Single(),
                Is.EqualTo(new Effect.ScheduleTimer(TimerKinds.RestrictionLift, Executor.LiftStep, LiftAt)));
            Assert.That(instance.State.LiftAt, Is.EqualTo(LiftAt));
            Assert.That(instance.Status, Is.EqualTo(InstanceStatus.Closed));
        }
    }

    [Test]
    public void The_lift_commands_go_out_when_the_timer_fires_after_the_notice_and_only_to_systems_that_can_lift()
    {
        var (noticed, notice) = Advance(Closed("completed"), new LiftRestriction("accuracy verified", LiftAt, "dpo"));
        var (lifted, effects) = Advance(noticed, new TimerFired(TimerKinds.RestrictionLift, Executor.LiftStep), Context(LiftAt));
        // The order the subject lives: the notice (e-mail and letter) in the first transaction, the commands in a later one.
        var sequence = notice.Concat(effects).Where(e => e is Effect.Mail or Effect.RenderNoticeLetter or Effect.SendToConnector)
            .Select(e => e.GetType().Name).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sequence, Is.EqualTo(new[] { "Mail", "RenderNoticeLetter", "SendToConnector" }));
            Assert.That(effects.OfType<Effect.SendToConnector>().Single().Command.Action, Is.EqualTo("lift-restriction"));
            Assert.That(effects.OfType<Effect.SendToConnector>().Single().Connector, Is.EqualTo("crm"));
            Assert.That(effects.OfType<Effect.Mail>(), Is.Empty);
            Assert.That(lifted.State.Tasks.Select(t => (t.Connector, t.Action)),
                Is.EquivalentTo(new[] { ("crm", "lift-restriction"), ("archive", "lift-restriction") }));
        }
    }

    [Test]
    public void A_lift_timer_without_a_notice_sends_nothing()
    {
        var (instance, effects) = Advance(Closed("completed"), new TimerFired(TimerKinds.RestrictionLift, Executor.LiftStep));
        Assert.That(effects, Is.Empty);
        Assert.That(instance.State.Tasks, Is.Empty);
    }

    [TestCase("refused")]
    [TestCase("withdrawn")]
    public void A_restriction_that_was_not_carried_out_cannot_be_lifted(string outcome)
    {
        var (_, effects) = Advance(Closed(outcome), new LiftRestriction("accuracy verified", LiftAt, "dpo"));
        Assert.That(effects.OfType<Effect.Refuse>().Single().Slug, Is.EqualTo(Executor.NotLiftable));
        Assert.That(effects, Has.Count.EqualTo(1));
    }

    [Test]
    public void A_restriction_is_lifted_once_and_a_running_one_not_at_all()
    {
        var (noticed, _) = Advance(Closed("completed"), new LiftRestriction("accuracy verified", LiftAt, "dpo"));
        var (_, twice) = Advance(noticed, new LiftRestriction("again", LiftAt, "dpo"));
        var running = Closed("completed") with
        {
            Status = InstanceStatus.Waiting, StepIndex = 1, WaitingFor = Bookmarks.Decision("assess"),
        };
        var (_, early) = Advance(running, new LiftRestriction("too early", LiftAt, "dpo"));
        Assert.That(twice.OfType<Effect.Refuse>().Single().Slug, Is.EqualTo(Executor.NotLiftable));
        Assert.That(early.OfType<Effect.Refuse>().Single().Slug, Is.EqualTo(Executor.NotLiftable));
    }

    [Test]
    public void A_system_s_answer_to_its_lift_command_is_recorded_on_the_closed_request()
    {
        var (noticed, _) = Advance(Closed("completed"), new LiftRestriction("accuracy verified", LiftAt, "dpo"));
        var (lifted, _) = Advance(noticed, new TimerFired(TimerKinds.RestrictionLift, Executor.LiftStep), Context(LiftAt));
        var task = lifted.State.Tasks.Single(t => t.Connector == "crm").TaskId;
        var (answered, effects) = Advance(lifted, Replies.Done(task) with { Connector = "crm" });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(answered.State.Tasks.Single(t => t.TaskId == task).Status, Is.EqualTo("done"));
            Assert.That(effects.OfType<Effect.Journal>().Select(j => j.Kind), Does.Contain("restriction-lift-answered"));
            Assert.That(answered.Status, Is.EqualTo(InstanceStatus.Closed));
        }
    }
}
