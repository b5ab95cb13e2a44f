using DsarEngine.Workflows.Runtime;
using static DsarEngine.Workflows.Runtime.Signal;

namespace DsarEngine.Workflows.Tests.Runtime;

// Replies name the attempt they answer (TaskReference.Attempt): a late failure or progress report from an earlier
// attempt says nothing about the one now running; a late completion is work done, and is taken.
public sealed class StaleReplyTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private static StepContext Context(DateTimeOffset now) =>
        new(now, "erasure", "DSR-AAAA-BBBB-CCCC", ClockStops: true, DueAt: Now.AddDays(30), [new ConnectorInfo("crm", ["erase"], 48)]);

    private static (WorkflowInstance, IReadOnlyList<Effect>) Advance(WorkflowInstance i, Signal s, DateTimeOffset? now = null) =>
        Executor.Advance(TestDefinitions.Erasure, i, s, Context(now ?? Now));

    // The CRM's task after one retryable failure: attempt 2 is out.
    private static (WorkflowInstance Instance, Guid Task) SecondAttempt()
    {
        var i = new WorkflowInstance(Guid.NewGuid(), Guid.NewGuid(), "erasure", 1, 0, InstanceStatus.Pending, null,
            new InstanceState(), 0, null, 1);
        i = Advance(i, new Start()).Item1;
        i = Advance(i, new IdentityVerified("manual", "checked", "staff")).Item1;
        i = Advance(i, new Decision("assess", Decisions.Proceed, null, [], "dpo")).Item1;
        var task = i.State.Tasks.Single().TaskId;
        i = Advance(i, new TaskFailed(task, true, "unavailable", "down", Attempt: 1)).Item1;
        i = Advance(i, new TimerFired(TimerKinds.TaskRetry, task.ToString("N")), Now.AddMinutes(1)).Item1;
        Assert.That(i.State.Tasks.Single().Attempt, Is.EqualTo(2));
        return (i, task);
    }

    [Test]
    public void A_late_failure_from_an_earlier_attempt_does_not_fail_the_current_one()
    {
        var (i, task) = SecondAttempt();
        var (after, effects) = Advance(i, new TaskFailed(task, false, "gone", "late answer of attempt 1", Attempt: 1), Now.AddMinutes(2));
        var (current, _) = Advance(i, new TaskFailed(task, false, "gone", "answer of attempt 2", Attempt: 2), Now.AddMinutes(2));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(after, Is.EqualTo(i));
            Assert.That(effects, Is.Empty);
            Assert.That(current.State.Tasks.Single().Status, Is.EqualTo(ConnectorTaskStatus.Failed),
                "the current attempt's own failure counts");
        }
    }

    [Test]
    public void Late_progress_from_an_earlier_attempt_is_not_taken_for_the_current_one()
    {
        var (i, task) = SecondAttempt();
        var (after, effects) = Advance(i, new TaskProgressed(task, "acknowledged", Attempt: 1), Now.AddMinutes(2));
        Assert.That((after.State.Tasks.Single().Status, effects.Count), Is.EqualTo((ConnectorTaskStatus.Sent, 0)));
    }

    [Test]
    public void A_late_completion_from_an_earlier_attempt_is_taken_because_the_work_was_done()
    {
        var (i, task) = SecondAttempt();
        var (after, _) = Advance(i, Replies.Done(task), Now.AddMinutes(2));
        Assert.That(after.State.Tasks.Single().Status, Is.EqualTo(ConnectorTaskStatus.Done));
    }
}
