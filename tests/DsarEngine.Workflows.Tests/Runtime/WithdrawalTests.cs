using DsarEngine.Workflows.Journal.Entries;
using DsarEngine.Workflows.Mail;
using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Runtime;
using static DsarEngine.Workflows.Runtime.Signal;

namespace DsarEngine.Workflows.Tests.Runtime;

// The subject withdraws their request: it stops where it stands, at any step, until it is answered; afterwards the
// withdrawal is refused with the reason, and what connectors report after it is recorded without moving anything.
public sealed class WithdrawalTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);

    private static readonly ConnectorInfo Crm = new("crm", ["export", "erase"], 48);
    private static readonly ConnectorInfo Billing = new("billing", ["erase"], 48);

    private static StepContext Context(bool renders = false) =>
        new(Now, "erasure", "DSR-AAAA-BBBB-CCCC", ClockStops: true, DueAt: Now.AddDays(30), [Crm, Billing]) { RendersPacks = renders };

    // The shipped erasure order (render-pack, review, notify, subject-erased, deliver, close) with letters rendered.
    private static (WorkflowInstance, IReadOnlyList<Effect>) Advance(WorkflowInstance i, Signal s) =>
        Executor.Advance(TestDefinitions.ReviewedErasure, i, s, Context(renders: true));

    private static readonly Guid Request = Guid.Parse("0195a0c4-0000-7000-8000-000000000001");

    // Fixed ids: task ids derive from the request's, so two runs to the same step have the same tasks.
    private static WorkflowInstance Pending() =>
        new(Request, Request, "erasure", 2, 0, InstanceStatus.Pending, null, new InstanceState(), 0, null, 1);

    private static WorkflowInstance Run(params Signal[] signals) =>
        signals.Aggregate(Pending(), (i, s) => Advance(i, s).Item1);

    private static WorkflowInstance AtIdentity() => Run(new Start());

    private static WorkflowInstance AtAssess() => Run(new Start(), new IdentityVerified("manual", "checked", "staff"));

    private static WorkflowInstance AtFanOut() =>
        Advance(AtAssess(), new Decision("assess", Decisions.Proceed, null, [], "dpo")).Item1;

    // Every connector task of the fan-out answered alike.
    private static WorkflowInstance AllAnswered(Func<Guid, Signal> reply)
    {
        var fanned = AtFanOut();
        return fanned.State.Tasks.Aggregate(fanned, (i, t) => Advance(i, reply(t.TaskId)).Item1);
    }

    private static WorkflowInstance AtPack() => AllAnswered(Replies.Done);

    private static WorkflowInstance AtReview() => Advance(AtPack(), new PackRendered(Guid.NewGuid(), "ab", 10, null)).Item1;

    private static WorkflowInstance NeedingAttention() => AllAnswered(id => new TaskFailed(id, false, "schema", "unknown"));

    private static readonly Dictionary<string, Func<WorkflowInstance>> Open = new()
    {
        ["not started yet"] = Pending, ["waiting for identity"] = AtIdentity, ["waiting for the assessment"] = AtAssess,
        ["waiting for connectors"] = AtFanOut, ["waiting for the letter"] = AtPack, ["waiting for the review"] = AtReview,
        ["needing attention"] = NeedingAttention,
    };

    [TestCase("not started yet", "verify")]
    [TestCase("waiting for identity", "verify")]
    [TestCase("waiting for the assessment", "assess")]
    [TestCase("waiting for connectors", "erase")]
    [TestCase("waiting for the letter", "pack")]
    [TestCase("waiting for the review", "review")]
    [TestCase("needing attention", "erase")]
    public void A_withdrawal_closes_the_request_where_it_stands_cancels_every_timer_and_confirms_by_mail(string at, string step)
    {
        var before = Open[at]();
        var (after, effects) = Advance(before, new Withdraw("subject"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(after.Status, Is.EqualTo(InstanceStatus.Closed));
            Assert.That(after.WaitingFor, Is.Null);
            Assert.That(after.StepIndex, Is.EqualTo(before.StepIndex), "no further step runs");
            Assert.That(after.State.Outcome, Is.EqualTo("withdrawn"));
            Assert.That(effects.OfType<Effect.CancelTimers>().Single(), Is.EqualTo(new Effect.CancelTimers("*", null)));
            Assert.That(effects.OfType<Effect.ScheduleTimer>(), Is.Empty);
            Assert.That(effects.OfType<Effect.SetRequestStatus>().Single().Status, Is.EqualTo(RequestStatus.Withdrawn));
            Assert.That(effects.OfType<Effect.Journal>().Select(j => j.Kind), Is.EqualTo(new[] { "withdrawn-by-subject" }));
            Assert.That(((WithdrawnBySubjectEntry)effects.OfType<Effect.Journal>().Single().Data).Step, Is.EqualTo(step));
            Assert.That(effects.OfType<Effect.Mail>().Single().Template, Is.EqualTo(MailTemplates.RequestWithdrawn));
            Assert.That(effects.OfType<Effect.Mail>().Single().Model["reference"], Is.EqualTo("DSR-AAAA-BBBB-CCCC"));
            Assert.That(effects.OfType<Effect.SendToConnector>(), Is.Empty);
            Assert.That(effects.OfType<Effect.PublishEvent>(), Is.Empty);
            Assert.That(effects.OfType<Effect.RenderPack>(), Is.Empty);
        }
    }

    [Test]
    public void The_journal_names_the_systems_that_had_already_acted_and_those_still_asked()
    {
        var fanned = AtFanOut();
        var (oneDone, _) = Advance(fanned, Replies.Done(fanned.State.Tasks.Single(t => t.Connector == "crm").TaskId));
        var (_, effects) = Advance(oneDone, new Withdraw("subject"));
        var entry = (WithdrawnBySubjectEntry)effects.OfType<Effect.Journal>().Single().Data;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(entry.Acted, Is.EqualTo(new[] { "crm" }));
            Assert.That(entry.Unanswered, Is.EqualTo(new[] { "billing" }));
        }
    }

    private static WorkflowInstance Completed() => Advance(AtReview(), new Decision("review", Decisions.Approve, null, [], "dpo")).Item1;

    private static WorkflowInstance Refused() =>
        Run(new Start(), new IdentityVerified("manual", "checked", "staff"), new Decision("assess", Decisions.Refuse, "Unfounded.", [], "dpo"),
            new PackRendered(Guid.NewGuid(), "ab", 10, null), new Decision("review", Decisions.Approve, null, [], "dpo"));

    private static WorkflowInstance ClosedByStaff() => Advance(AtAssess(), new Close("dpo", "Duplicate of DSR-1111-2222-3333.")).Item1;

    private static WorkflowInstance Withdrawn() => Advance(AtAssess(), new Withdraw("subject")).Item1;

    // The deliver step ran (the answer went out), then publishing to downstream systems needed a person.
    private static WorkflowInstance DeliveredButStuck() => AtAssess() with
    {
        StepIndex = TestDefinitions.ReviewedErasure.IndexOf("close"), Status = InstanceStatus.NeedsAttention, LastError = "crash",
    };

    private static readonly Dictionary<string, Func<WorkflowInstance>> Over = new()
    {
        ["completed"] = Completed, ["refused"] = Refused, ["closed"] = ClosedByStaff, ["withdrawn"] = Withdrawn,
        ["delivered, not closed"] = DeliveredButStuck,
    };

    [TestCase("completed", "answered and closed")]
    [TestCase("refused", "refusal")]
    [TestCase("closed", "closed by the organisation")]
    [TestCase("withdrawn", "already been withdrawn")]
    [TestCase("delivered, not closed", "answer to this request has already been sent")]
    public void A_withdrawal_once_the_request_is_over_is_refused_with_the_reason_and_changes_nothing(string at, string reason)
    {
        var before = Over[at]();
        var (after, effects) = Advance(before, new Withdraw("subject"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(after, Is.EqualTo(before));
            Assert.That(effects, Has.Count.EqualTo(1));
            Assert.That(effects.OfType<Effect.Refuse>().Single().Slug, Is.EqualTo(Executor.AlreadyClosed));
            Assert.That(effects.OfType<Effect.Refuse>().Single().Reason, Does.Contain(reason));
        }
    }

    [Test]
    public void A_connector_answer_after_the_withdrawal_is_recorded_and_moves_nothing()
    {
        var fanned = AtFanOut();
        var (withdrawn, _) = Advance(fanned, new Withdraw("subject"));
        var crm = fanned.State.Tasks.Single(t => t.Connector == "crm");
        var (after, effects) = Advance(withdrawn, Replies.Partial(crm.TaskId) with { Connector = "crm" });
        var (again, againEffects) = Advance(after, Replies.Done(crm.TaskId));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(after.Status, Is.EqualTo(InstanceStatus.Closed));
            Assert.That(after.State.Outcome, Is.EqualTo("withdrawn"));
            Assert.That(after.State.Tasks.Single(t => t.Connector == "crm").Status, Is.EqualTo(ConnectorTaskStatus.Partial));
            Assert.That(effects.OfType<Effect.Journal>().Select(j => j.Kind), Is.EqualTo(new[] { "completed-after-withdrawal" }));
            Assert.That(effects.Where(e => e is not Effect.Journal), Is.Empty, "no status, timer, mail, event or command");
            Assert.That(again, Is.EqualTo(after), "a second answer for the same task changes nothing");
            Assert.That(againEffects, Is.Empty);
        }
    }

    [Test]
    public void Failures_progress_foreign_replies_and_timers_after_the_withdrawal_change_nothing()
    {
        var fanned = AtFanOut();
        var (withdrawn, _) = Advance(fanned, new Withdraw("subject"));
        var crm = fanned.State.Tasks.Single(t => t.Connector == "crm").TaskId;
        Signal[] late =
        [
            new TaskFailed(crm, true, "unavailable", "down"), new TaskProgressed(crm, "queued"),
            Replies.Done(crm) with { Connector = "billing" }, Replies.Done(Guid.NewGuid()),
            new TimerFired(TimerKinds.TaskTimeout, crm.ToString("N")), new TimerFired(TimerKinds.Reminder, "7"),
            new TimerFired(TimerKinds.Escalation, null), new Decision("assess", Decisions.Proceed, null, [], "dpo"),
            new Close("dpo", "Tidy up."), new RearmTimers("ops"),
        ];
        foreach (var signal in late)
        {
            var (after, effects) = Advance(withdrawn, signal);
            using (Assert.EnterMultipleScope())
            {
                Assert.That(after, Is.EqualTo(withdrawn), signal.ToString());
                Assert.That(effects, Is.Empty, signal.ToString());
            }
        }
    }

    [Test]
    public void A_withdrawn_erasure_never_announces_that_the_subject_was_erased()
    {
        var fanned = AtFanOut();
        var (withdrawn, withdrawal) = Advance(fanned, new Withdraw("subject"));
        var published = withdrawal.OfType<Effect.PublishEvent>().ToList();
        foreach (var task in fanned.State.Tasks)
            published.AddRange(Advance(withdrawn, Replies.Done(task.TaskId)).Item2.OfType<Effect.PublishEvent>());
        Assert.That(published, Is.Empty);
    }
}
