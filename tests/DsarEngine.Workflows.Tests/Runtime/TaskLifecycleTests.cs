using DsarEngine.Workflows.Runtime;
using static DsarEngine.Workflows.Runtime.Signal;

namespace DsarEngine.Workflows.Tests.Runtime;

// The life of one connector task inside a fan-out: backoff, timeouts, late answers, people finishing it.
public sealed class TaskLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly ConnectorInfo Crm = new("crm", ["export", "erase"], 48);
    private static readonly ConnectorInfo Billing = new("billing", ["erase"], 48);

    private static StepContext Context(DateTimeOffset? now = null, params ConnectorInfo[] connectors) =>
        new(now ?? Now, "erasure", "DSR-AAAA-BBBB-CCCC", ClockStops: true, DueAt: Now.AddDays(30),
            connectors.Length > 0 ? connectors : [Crm, Billing]);

    private static (WorkflowInstance, IReadOnlyList<Effect>) Advance(WorkflowInstance i, Signal s, StepContext? c = null) =>
        Executor.Advance(TestDefinitions.Erasure, i, s, c ?? Context());

    private static WorkflowInstance Fanned(params ConnectorInfo[] connectors)
    {
        var pending = new WorkflowInstance(Guid.Parse("0195a0c4-0000-7000-8000-000000000002"), Guid.NewGuid(), "erasure", 1, 0,
            InstanceStatus.Pending, null, new InstanceState(), 0, null, 1);
        var i = Advance(pending, new Start(), Context(null, connectors)).Item1;
        i = Advance(i, new IdentityVerified("manual", "checked", "staff"), Context(null, connectors)).Item1;
        return Advance(i, new Decision("assess", Decisions.Proceed, null, [], "dpo"), Context(null, connectors)).Item1;
    }

    private static ConnectorTask Task(WorkflowInstance i, string connector) => i.State.Tasks.Single(t => t.Connector == connector);

    [Test]
    public void A_retryable_failure_waits_with_backoff_and_then_sends_the_next_attempt()
    {
        var fanned = Fanned();
        var billing = Task(fanned, "billing");
        var (retrying, effects) = Advance(fanned, Replies.Transient(billing.TaskId));
        var (resent, resendEffects) = Advance(retrying, new TimerFired(TimerKinds.TaskRetry, billing.TaskId.ToString("N")),
            Context(Now.AddMinutes(1)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Task(retrying, "billing").Status, Is.EqualTo(ConnectorTaskStatus.Retrying));
            Assert.That(retrying.WaitingFor, Is.EqualTo(Bookmarks.Connectors));
            Assert.That(effects.OfType<Effect.ScheduleTimer>().Single().DueAt, Is.EqualTo(Now.AddMinutes(1)));
            Assert.That(Task(resent, "billing").Attempt, Is.EqualTo(2));
            Assert.That(resendEffects.OfType<Effect.SendToConnector>().Single().Command.Attempt, Is.EqualTo(2));
            Assert.That(resendEffects.OfType<Effect.SendToConnector>().Single().Command.IdempotencyKey,
                Is.EqualTo(billing.TaskId.ToString("N")));
        }
    }

    [Test]
    public void The_fourth_retryable_failure_needs_a_person()
    {
        var i = Fanned();
        var id = Task(i, "billing").TaskId;
        var delays = new List<TimeSpan>();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var (retrying, effects) = Advance(i, Replies.Transient(id));
            delays.Add(effects.OfType<Effect.ScheduleTimer>().Single().DueAt - Now);
            i = Advance(retrying, new TimerFired(TimerKinds.TaskRetry, id.ToString("N"))).Item1;
        }
        var (failed, _) = Advance(i, Replies.Transient(id));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(delays, Is.EqualTo(new[] { TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30) }));
            Assert.That(Task(failed, "billing").Status, Is.EqualTo(ConnectorTaskStatus.Failed));
            Assert.That(Task(failed, "billing").Attempt, Is.EqualTo(4));
        }
    }

    // The engine refused the call itself (the connector's circuit was open after other tasks' failures): the connector
    // never saw it, so it does not use up one of the task's three retries, up to MaxNotReached (100) such refusals.
    [Test]
    public void Calls_refused_by_an_open_circuit_do_not_use_up_the_retries_until_a_hundred_of_them()
    {
        var i = Fanned();
        var id = Task(i, "billing").TaskId;
        var circuitOpen = new TaskFailed(id, true, ConnectorFailureCodes.CircuitOpen, "calls are paused");
        var delays = new List<TimeSpan>();
        WorkflowInstance Fail(WorkflowInstance from, TaskFailed failure)
        {
            var (retrying, effects) = Advance(from, failure);
            if (Task(retrying, "billing").Status == ConnectorTaskStatus.Retrying)
                delays.Add(effects.OfType<Effect.ScheduleTimer>().Single().DueAt - Now);
            return Task(retrying, "billing").Status == ConnectorTaskStatus.Retrying
                ? Advance(retrying, new TimerFired(TimerKinds.TaskRetry, id.ToString("N"))).Item1 : retrying;
        }
        // Refused, really failed, refused twice, really failed twice: still retrying, with the real failures' backoff.
        foreach (var failure in new[] { circuitOpen, Replies.Transient(id), circuitOpen, circuitOpen, Replies.Transient(id),
                     Replies.Transient(id) })
            i = Fail(i, failure);
        var afterSix = Task(i, "billing");
        // More refusals up to the cap; the one after it counts as the fourth failure.
        for (var n = 3; n < ConnectorFailureCodes.MaxNotReached; n++)
            i = Fail(i, circuitOpen);
        var refusedTooOften = Task(i, "billing");
        var (failed, _) = Advance(i, circuitOpen);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(afterSix.Status, Is.EqualTo(ConnectorTaskStatus.Sent), "three refusals and three failures: sent again");
            Assert.That(afterSix.Attempt, Is.EqualTo(7));
            Assert.That(afterSix.NotReached, Is.EqualTo(3));
            Assert.That(delays.Take(6), Is.EqualTo(new[]
            {
                TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1),
                TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30),
            }));
            Assert.That(refusedTooOften.NotReached, Is.EqualTo(100));
            Assert.That(refusedTooOften.Status, Is.EqualTo(ConnectorTaskStatus.Sent));
            Assert.That(Task(failed, "billing").Status, Is.EqualTo(ConnectorTaskStatus.Failed),
                "past a hundred refusals, a refusal is a failure: the fourth, so a person looks");
        }
    }

    [Test]
    public void A_late_answer_after_a_timeout_is_taken_and_the_workflow_moves_on()
    {
        var fanned = Fanned();
        var crm = Task(fanned, "crm");
        var i = Advance(fanned, Replies.Done(Task(fanned, "billing").TaskId)).Item1;
        var (stuck, _) = Advance(i, new TimerFired(TimerKinds.TaskTimeout, crm.TaskId.ToString("N")));
        var (moved, _) = Advance(stuck, Replies.Done(crm.TaskId));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stuck.Status, Is.EqualTo(InstanceStatus.NeedsAttention));
            Assert.That(stuck.LastError, Does.Contain("crm (timed-out)"));
            Assert.That(moved.WaitingFor, Is.EqualTo(Bookmarks.Decision("review")));
            Assert.That(Task(moved, "crm").Status, Is.EqualTo(ConnectorTaskStatus.Done));
        }
    }

    [Test]
    public void A_person_completes_a_failed_task_with_a_note_and_the_workflow_moves_on()
    {
        var fanned = Fanned();
        var i = Advance(fanned, Replies.Done(Task(fanned, "crm").TaskId)).Item1;
        var billing = Task(i, "billing").TaskId;
        var (failed, _) = Advance(i, new TaskFailed(billing, false, "unsupported", "legacy system"));
        var (done, effects) = Advance(failed, new TaskCompletedManually(billing, "partial",
            "Erased by hand in the legacy ledger; invoices kept.",
            [new RetainedItem("invoices", "§147 AO", null)], null, "dpo@example.org"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(done.WaitingFor, Is.EqualTo(Bookmarks.Decision("review")));
            Assert.That(Task(done, "billing").Status, Is.EqualTo(ConnectorTaskStatus.CompletedManually));
            Assert.That(Task(done, "billing").EffectiveOutcome, Is.EqualTo("partial"));
            Assert.That(Task(done, "billing").Retained.Single().LegalBasis, Is.EqualTo("§147 AO"));
            Assert.That(effects.OfType<Effect.Journal>().Select(j => j.Kind), Does.Contain("task-completed-manually"));
        }
    }

    [Test]
    public void Retrying_one_failed_task_sends_only_it_and_waits_for_it()
    {
        var fanned = Fanned();
        var i = Advance(fanned, Replies.Done(Task(fanned, "crm").TaskId)).Item1;
        var billing = Task(i, "billing").TaskId;
        var (failed, _) = Advance(i, new TaskFailed(billing, false, "unsupported", "x"));
        var (retried, effects) = Advance(failed, new RetryTask(billing, "ops"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(retried.Status, Is.EqualTo(InstanceStatus.Waiting));
            Assert.That(retried.WaitingFor, Is.EqualTo(Bookmarks.Connectors));
            Assert.That(effects.OfType<Effect.SendToConnector>().Single().Connector, Is.EqualTo("billing"));
            Assert.That(Task(retried, "billing").Attempt, Is.EqualTo(2));
        }
    }

    [Test]
    public void Progress_marks_a_task_acknowledged_once()
    {
        var fanned = Fanned();
        var crm = Task(fanned, "crm").TaskId;
        var (acknowledged, effects) = Advance(fanned, new TaskProgressed(crm, "acknowledged"));
        var (again, againEffects) = Advance(acknowledged, new TaskProgressed(crm, "exporting"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Task(acknowledged, "crm").Status, Is.EqualTo(ConnectorTaskStatus.Acknowledged));
            Assert.That(effects.OfType<Effect.Journal>().Single().Kind, Is.EqualTo("connector-acknowledged"));
            Assert.That(again, Is.EqualTo(acknowledged));
            Assert.That(againEffects, Is.Empty);
        }
    }

    [Test]
    public void A_partial_answer_keeps_what_was_retained_and_why()
    {
        var fanned = Fanned();
        var (i, _) = Advance(fanned, Replies.Partial(Task(fanned, "billing").TaskId));
        Assert.That(Task(i, "billing").Retained.Single(),
            Is.EqualTo(new RetainedItem("invoices", "Code de commerce L123-22", new DateOnly(2035, 1, 1))));
    }

    [Test]
    public void A_manual_connector_gets_a_task_and_its_own_timeout_and_its_command_is_marked_manual()
    {
        var ledger = new ConnectorInfo("ledger", ["erase"], 72, ConnectorKinds.Manual);
        var pending = new WorkflowInstance(Guid.NewGuid(), Guid.NewGuid(), "erasure", 1, 0, InstanceStatus.Pending, null,
            new InstanceState(), 0, null, 1);
        var definition = TestDefinitions.Erasure with
        {
            Steps = [.. TestDefinitions.Erasure.Steps.Select(s => s.Id == "erase" ? s with { TimeoutHours = null } : s)],
        };
        var i = pending;
        IReadOnlyList<Effect> effects = [];
        foreach (var signal in new Signal[]
            { new Start(), new IdentityVerified("manual", "ok", "staff"), new Decision("assess", Decisions.Proceed, null, [], "dpo") })
            (i, effects) = Executor.Advance(definition, i, signal, Context(null, Crm, ledger));
        var command = effects.OfType<Effect.SendToConnector>().Single(s => s.Connector == "ledger").Command;
        var timeout = effects.OfType<Effect.ScheduleTimer>().Single(t => t.StepId == Task(i, "ledger").TaskId.ToString("N"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Task(i, "ledger").Kind, Is.EqualTo(ConnectorKinds.Manual));
            Assert.That(command.Kind, Is.EqualTo(ConnectorKinds.Manual));
            Assert.That(timeout.DueAt, Is.EqualTo(Now.AddHours(72)));
        }
    }

    [Test]
    public void A_connector_whose_results_need_review_makes_an_optional_review_real()
    {
        var definition = TestDefinitions.Erasure with
        {
            Steps = [.. TestDefinitions.Erasure.Steps.Select(s => s.Id == "review" ? s with { Required = false } : s)],
        };
        var reviewed = new ConnectorInfo("crm", ["erase"], 48, ConnectorKinds.Bus, NeedsReview: true);
        WorkflowInstance Run(ConnectorInfo connector)
        {
            var i = new WorkflowInstance(Guid.NewGuid(), Guid.NewGuid(), "erasure", 1, 0, InstanceStatus.Pending, null,
                new InstanceState(), 0, null, 1);
            foreach (var signal in new Signal[]
                { new Start(), new IdentityVerified("manual", "ok", "staff"), new Decision("assess", Decisions.Proceed, null, [], "dpo") })
                i = Executor.Advance(definition, i, signal, Context(null, connector)).Item1;
            return Executor.Advance(definition, i, Replies.Done(i.State.Tasks.Single().TaskId), Context(null, connector)).Item1;
        }
        Assert.That(Run(reviewed).WaitingFor, Is.EqualTo(Bookmarks.Decision("review")));
        Assert.That(Run(Crm with { Actions = ["erase"] }).Status, Is.EqualTo(InstanceStatus.Closed));
    }

    [Test]
    public void A_refusal_with_packs_rendered_gets_its_letter_and_the_link_then_closes_refused()
    {
        var pending = new WorkflowInstance(Guid.NewGuid(), Guid.NewGuid(), "erasure", 1, 0, InstanceStatus.Pending, null,
            new InstanceState(), 0, null, 1);
        var rendering = Context() with { RendersPacks = true };
        var i = Advance(pending, new Start(), rendering).Item1;
        i = Advance(i, new IdentityVerified("manual", "ok", "staff"), rendering).Item1;
        var (atPack, refusedEffects) = Advance(i,
            new Decision("assess", Decisions.Refuse, "Manifestly unfounded.", ["art-12-5"], "dpo"), rendering);
        var (closed, deliverEffects) = Advance(atPack, new PackRendered(Guid.NewGuid(), "ab", 10, null), rendering);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(atPack.WaitingFor, Is.EqualTo(Bookmarks.Pack));
            Assert.That(refusedEffects.OfType<Effect.Mail>().Single().Template, Is.EqualTo("request-refused"),
                "told without delay (Art. 12(4))");
            Assert.That(refusedEffects.OfType<Effect.SendToConnector>(), Is.Empty, "nothing is erased");
            Assert.That(refusedEffects.OfType<Effect.RenderPack>(), Has.Exactly(1).Items);
            Assert.That(deliverEffects.OfType<Effect.Mail>().Single().Template, Is.EqualTo("refusal-letter"));
            Assert.That(deliverEffects.OfType<Effect.Mail>().Single().Model.ContainsKey("packExpiresIso"), Is.True);
            Assert.That(closed.Status, Is.EqualTo(InstanceStatus.Closed));
            Assert.That(closed.State.Outcome, Is.EqualTo("refused"));
        }
    }
}
