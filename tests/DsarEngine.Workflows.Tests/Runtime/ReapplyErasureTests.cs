using DsarEngine.Workflows.Journal.Entries;
using DsarEngine.Workflows.Runtime;
using static DsarEngine.Workflows.Runtime.Signal;

namespace DsarEngine.Workflows.Tests.Runtime;

// A system restored from a backup taken before an erasure reached it holds the subject's data again: the closed erasure
// sends that system the same erase command (same exemptions, today's legal holds) and journals its answer.
public sealed class ReapplyErasureTests
{
    private static readonly DateTimeOffset Erased = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Erased.AddDays(20);
    private static readonly Guid Restore = Guid.Parse("0195a0c4-0000-7000-8000-0000000000aa");

    private static StepContext Context(params LegalHold[] holds) =>
        new(Now, "erasure", "DSR-AAAA-BBBB-CCCC", ClockStops: true, DueAt: Now,
        [
            new ConnectorInfo("crm", ["erase"], 48),
            new ConnectorInfo("archive", ["erase"], 48, ConnectorKinds.Manual),
        ]) { LegalHolds = holds };

    private static ConnectorTask Erase(string connector, string status, DateTimeOffset? at) =>
        new(Guid.NewGuid(), "erase", connector, "erase", status, "erased") { UpdatedAt = at };

    private static WorkflowInstance Closed(params ConnectorTask[] tasks) =>
        new(Guid.Parse("0195a0c4-0000-7000-8000-000000000004"), Guid.NewGuid(), "erasure", 1, 10, InstanceStatus.Closed, null,
            new InstanceState
            {
                Outcome = "partial", IdentityVerified = true, Tasks = tasks,
                Keep = [new ErasureExemption("invoices", "Art. 17(3)(b): Commercial Code L123-22", "crm")],
            }, 0, null, 9);

    private static (WorkflowInstance, IReadOnlyList<Effect>) Advance(WorkflowInstance i, Signal s, StepContext? c = null) =>
        Executor.Advance(TestDefinitions.Erasure, i, s, c ?? Context());

    private static ReapplyErasure Reapply(string connector, DateTimeOffset backupTakenAt) =>
        new(Restore, connector, backupTakenAt, "admin@example.org");

    [Test]
    public void A_backup_taken_before_the_erasure_sends_the_same_erase_command_again_with_todays_holds()
    {
        var hold = new LegalHold("contracts", "Art. 17(3)(e): dispute 2025-4", null, []);
        var (instance, effects) = Advance(Closed(Erase("crm", ConnectorTaskStatus.Done, Erased)),
            Reapply("crm", Erased.AddDays(-1)), Context(hold));
        var sent = effects.OfType<Effect.SendToConnector>().Single();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(sent.Connector, Is.EqualTo("crm"));
            Assert.That(sent.Command.Action, Is.EqualTo("erase"));
            Assert.That(sent.Command.Keep.Select(k => (k.Category, k.Source)),
                Is.EqualTo(new[] { ("invoices", KeepInstruction.Assessment), ("contracts", KeepInstruction.LegalHold) }));
            Assert.That(effects.OfType<Effect.ScheduleTimer>().Single().Kind, Is.EqualTo(TimerKinds.TaskTimeout));
            Assert.That(effects.OfType<Effect.Journal>().Single().Kind, Is.EqualTo("erasure-reapplied"));
            Assert.That(instance.Status, Is.EqualTo(InstanceStatus.Closed));
            Assert.That(instance.State.Tasks[^1].StepId, Is.EqualTo(Executor.ReapplyStep));
            Assert.That(effects.OfType<Effect.Mail>(), Is.Empty, "the subject was told of the erasure once; nothing is mailed again");
        }
    }

    [Test]
    public void A_backup_taken_after_the_erasure_changes_nothing()
    {
        var closed = Closed(Erase("crm", ConnectorTaskStatus.Done, Erased));
        var (instance, effects) = Advance(closed, Reapply("crm", Erased.AddHours(1)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(effects, Is.Empty);
            Assert.That(instance, Is.SameAs(closed));
        }
    }

    [Test]
    public void A_system_the_request_erased_nothing_in_is_refused_and_so_is_an_open_request()
    {
        var (_, other) = Advance(Closed(Erase("crm", ConnectorTaskStatus.Done, Erased)), Reapply("billing", Erased.AddDays(-1)));
        var (_, failed) = Advance(Closed(Erase("crm", ConnectorTaskStatus.Failed, Erased)), Reapply("crm", Erased.AddDays(-1)));
        var open = Closed(Erase("crm", ConnectorTaskStatus.Done, Erased)) with
        {
            Status = InstanceStatus.Waiting, WaitingFor = "decision:review",
        };
        var (_, whileOpen) = Advance(open, Reapply("crm", Erased.AddDays(-1)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(other.OfType<Effect.Refuse>().Single().Slug, Is.EqualTo(Executor.NotReapplicable));
            Assert.That(failed.OfType<Effect.Refuse>().Single().Slug, Is.EqualTo(Executor.NotReapplicable),
                "a failed erasure was never carried out: the letter said so; there is nothing to carry out again");
            Assert.That(whileOpen.OfType<Effect.Refuse>().Single().Slug, Is.EqualTo(Executor.NotReapplicable));
        }
    }

    [Test]
    public void The_same_restore_twice_sends_one_command_and_a_second_restore_another()
    {
        var (once, _) = Advance(Closed(Erase("crm", ConnectorTaskStatus.Done, Erased)), Reapply("crm", Erased.AddDays(-1)));
        var (twice, again) = Advance(once, Reapply("crm", Erased.AddDays(-1)));
        var (second, more) = Advance(once, new ReapplyErasure(Guid.NewGuid(), "crm", Erased.AddDays(-2), "admin@example.org"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(again, Is.Empty);
            Assert.That(twice.State.Tasks, Has.Count.EqualTo(2));
            Assert.That(more.OfType<Effect.SendToConnector>().Count(), Is.EqualTo(1));
            Assert.That(second.State.Tasks.Count(t => t.StepId == Executor.ReapplyStep), Is.EqualTo(2));
        }
    }

    [Test]
    public void The_answer_the_failure_and_the_timeout_are_journaled_and_a_late_answer_changes_nothing()
    {
        var (sent, _) = Advance(Closed(Erase("crm", ConnectorTaskStatus.Done, Erased)), Reapply("crm", Erased.AddDays(-1)));
        var task = sent.State.Tasks[^1];
        var (answered, effects) = Advance(sent, new TaskCompleted(task.TaskId, ConnectorTaskStatus.Done, "erased again", [], [], null)
        {
            Connector = "crm",
        });
        var (late, lateEffects) = Advance(answered, new TaskCompleted(task.TaskId, ConnectorTaskStatus.NotFound, "gone", [], [], null)
        {
            Connector = "crm",
        });
        var (timedOut, timeout) = Advance(sent, new TimerFired(TimerKinds.TaskTimeout, task.TaskId.ToString("N")));
        var (failed, failure) = Advance(sent, new TaskFailed(task.TaskId, false, "db-down", "The database is down.") { Connector = "crm" });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(answered.State.Tasks[^1].Status, Is.EqualTo(ConnectorTaskStatus.Done));
            Assert.That(effects.OfType<Effect.Journal>().Single().Data,
                Is.EqualTo(new ErasureReapplyAnsweredEntry("crm", ConnectorTaskStatus.Done, "erased again")));
            Assert.That(effects.OfType<Effect.CancelTimers>().Select(t => t.Kind), Does.Contain(TimerKinds.TaskTimeout));
            Assert.That(lateEffects, Is.Empty);
            Assert.That(late.State.Tasks[^1].Status, Is.EqualTo(ConnectorTaskStatus.Done));
            Assert.That(timedOut.State.Tasks[^1].Status, Is.EqualTo(ConnectorTaskStatus.TimedOut));
            Assert.That(timeout.OfType<Effect.Journal>().Single().Data,
                Is.EqualTo(new ErasureReapplyAnsweredEntry("crm", ConnectorTaskStatus.TimedOut, "No answer in time.")));
            Assert.That(failed.State.Tasks[^1].Status, Is.EqualTo(ConnectorTaskStatus.Failed));
            Assert.That(failure.OfType<Effect.Journal>().Single().Data,
                Is.EqualTo(new ErasureReapplyAnsweredEntry("crm", ConnectorTaskStatus.Failed, "The database is down.")));
        }
    }

    [Test]
    public void A_manual_system_gets_a_task_for_a_person_and_no_message()
    {
        var (instance, effects) = Advance(Closed(Erase("archive", ConnectorTaskStatus.CompletedManually, Erased)),
            Reapply("archive", Erased.AddDays(-1)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(effects.OfType<Effect.SendToConnector>(), Is.Empty);
            Assert.That(effects.OfType<Effect.Journal>().Single().Data, Is.EqualTo(
                new ErasureReappliedEntry("archive", Erased.AddDays(-1), Restore, Manual: true)));
            Assert.That(instance.State.Tasks[^1].Kind, Is.EqualTo(ConnectorKinds.Manual));
            Assert.That(instance.State.Tasks[^1].Status, Is.EqualTo(ConnectorTaskStatus.Sent));
        }
    }
}
