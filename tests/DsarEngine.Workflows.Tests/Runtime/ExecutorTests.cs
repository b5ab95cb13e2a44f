using DsarEngine.Workflows.Runtime;
using static DsarEngine.Workflows.Runtime.Signal;

namespace DsarEngine.Workflows.Tests.Runtime;

public sealed class ExecutorTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Request = Guid.Parse("0195a0c4-0000-7000-8000-000000000001");

    private static StepContext Context(params ConnectorInfo[] connectors) =>
        new(Now, "erasure", "DSR-AAAA-BBBB-CCCC", ClockStops: true, DueAt: Now.AddDays(30), connectors);

    private static readonly ConnectorInfo Crm = new("crm", ["export", "erase"], 48);
    private static readonly ConnectorInfo Billing = new("billing", ["erase"], 48);

    private static WorkflowInstance Pending() =>
        new(Request, Guid.NewGuid(), "erasure", 1, 0, InstanceStatus.Pending, null, new InstanceState(), 0, null, 1);

    private static (WorkflowInstance, IReadOnlyList<Effect>) Advance(WorkflowInstance i, Signal s, StepContext? c = null) =>
        Executor.Advance(TestDefinitions.Erasure, i, s, c ?? Context(Crm, Billing));

    private static WorkflowInstance AtAssess()
    {
        var (started, _) = Advance(Pending(), new Start());
        return Advance(started, new IdentityVerified("manual", "checked", "staff")).Item1;
    }

    [Test]
    public void Starting_asks_for_identity_without_stopping_the_clock_and_schedules_reminders()
    {
        var (instance, effects) = Advance(Pending(), new Start());
        using (Assert.EnterMultipleScope())
        {
            Assert.That(instance.Status, Is.EqualTo(InstanceStatus.Waiting));
            Assert.That(instance.WaitingFor, Is.EqualTo(Bookmarks.Identity));
            Assert.That(effects.OfType<Effect.CreateIdentityChallenge>().Single().Validity, Is.EqualTo(TimeSpan.FromHours(72)));
            // GDPR Art. 12(6): a routine check does not stop the clock; only a person's stated reasonable doubt does.
            Assert.That(effects.OfType<Effect.StopClock>(), Is.Empty);
            Assert.That(effects.OfType<Effect.ScheduleTimer>().Select(t => t.Kind),
                Is.EqualTo(new[] { "reminder", "reminder", "escalation" }));
        }
    }

    [Test]
    public void Where_the_identity_policy_needs_no_check_the_request_goes_on_and_the_journal_says_why()
    {
        var (instance, effects) = Advance(Pending(), new Start(), Context(Crm, Billing) with { IdentityCheck = "none" });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(instance.WaitingFor, Is.EqualTo(Bookmarks.Decision("assess")));
            Assert.That(instance.State.IdentityVerified, Is.False);
            Assert.That(effects.OfType<Effect.CreateIdentityChallenge>(), Is.Empty);
            Assert.That(effects.OfType<Effect.Journal>().Select(j => j.Kind), Does.Contain("identity-not-required"));
        }
    }

    [Test]
    public void A_manual_check_sends_no_e_mailed_link()
    {
        var (instance, effects) = Advance(Pending(), new Start(), Context(Crm, Billing) with { IdentityCheck = "manual" });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(instance.WaitingFor, Is.EqualTo(Bookmarks.Identity));
            Assert.That(effects.OfType<Effect.CreateIdentityChallenge>(), Is.Empty);
        }
    }

    [Test]
    public void Starting_twice_changes_nothing_the_second_time()
    {
        var (started, _) = Advance(Pending(), new Start());
        var (again, effects) = Advance(started, new Start());
        Assert.That(again, Is.EqualTo(started));
        Assert.That(effects, Is.Empty);
    }

    [Test]
    public void Verified_identity_runs_to_the_assessment_leaving_a_running_clock_alone()
    {
        var (started, _) = Advance(Pending(), new Start());
        var (instance, effects) = Advance(started, new IdentityVerified("email", "one-time link", "subject"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(instance.WaitingFor, Is.EqualTo(Bookmarks.Decision("assess")));
            Assert.That(instance.State.IdentityVerified, Is.True);
            Assert.That(effects.OfType<Effect.ResumeClock>(), Is.Empty);
            Assert.That(effects.OfType<Effect.Journal>().Select(j => j.Kind),
                Is.EqualTo(new[] { "identity-verified", "acknowledged", "awaiting-decision" }));
        }
    }

    // GDPR Art. 12(4): answering only in part refuses the rest; the reason is kept for the letter (LetterModels).
    [Test]
    public void A_partial_decision_keeps_its_reason_and_exemptions_for_the_letter()
    {
        var (instance, _) = Advance(AtAssess(),
            new Decision("assess", Decisions.Partial, "Invoices must be kept for ten years.", ["GDPR Art. 17(3)(b)"], "dpo"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(instance.State.Outcome, Is.EqualTo("partial"));
            Assert.That(instance.State.RefusalReason, Is.EqualTo("Invoices must be kept for ten years."));
            Assert.That(instance.State.Exemptions, Is.EqualTo(new[] { "GDPR Art. 17(3)(b)" }));
        }
    }

    [Test]
    public void Proceeding_publishes_the_erasure_event_and_fans_out_to_every_connector_that_can_erase()
    {
        var (instance, effects) = Advance(AtAssess(), new Decision("assess", Decisions.Proceed, null, [], "dpo"));
        var sends = effects.OfType<Effect.SendToConnector>().ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(instance.WaitingFor, Is.EqualTo(Bookmarks.Connectors));
            Assert.That(effects.OfType<Effect.PublishEvent>().Single().Name, Is.EqualTo("subject-erasure-requested"));
            Assert.That(sends.Select(s => s.Connector), Is.EquivalentTo(new[] { "crm", "billing" }));
            Assert.That(sends.Select(s => s.Command.Action), Has.All.EqualTo("erase"));
            Assert.That(instance.State.Tasks.Select(t => t.Status), Has.All.EqualTo(ConnectorTaskStatus.Sent));
            Assert.That(effects.OfType<Effect.ScheduleTimer>().Select(t => (t.Kind, t.DueAt)),
                Is.EqualTo(new[] { (TimerKinds.TaskTimeout, Now.AddHours(24)), (TimerKinds.TaskTimeout, Now.AddHours(24)) }));
        }
    }

    [Test]
    public void Task_and_message_ids_are_the_same_every_time_the_step_runs()
    {
        var first = Advance(AtAssess(), new Decision("assess", Decisions.Proceed, null, [], "dpo")).Item2
            .OfType<Effect.SendToConnector>().ToList();
        var second = Advance(AtAssess(), new Decision("assess", Decisions.Proceed, null, [], "dpo")).Item2
            .OfType<Effect.SendToConnector>().ToList();
        Assert.That(second.Select(s => (s.MessageId, s.Command.TaskId)), Is.EqualTo(first.Select(s => (s.MessageId, s.Command.TaskId))));
    }

    [Test]
    public void The_workflow_moves_on_only_when_every_connector_has_answered()
    {
        var (fanned, _) = Advance(AtAssess(), new Decision("assess", Decisions.Proceed, null, [], "dpo"));
        var tasks = fanned.State.Tasks;
        var (one, _) = Advance(fanned, Replies.Done(tasks[0].TaskId));
        var (both, effects) = Advance(one, Replies.NotFound(tasks[1].TaskId));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(one.WaitingFor, Is.EqualTo(Bookmarks.Connectors));
            Assert.That(both.WaitingFor, Is.EqualTo(Bookmarks.Decision("review")));
            Assert.That(effects.OfType<Effect.CancelTimers>().Where(c => c.StepId == tasks[1].TaskId.ToString("N")).Select(c => c.Kind),
                Is.EquivalentTo(new[] { TimerKinds.TaskTimeout, TimerKinds.TaskRetry }));
            Assert.That(effects.OfType<Effect.Journal>().Select(j => j.Kind), Does.Contain("fan-out-completed"));
        }
    }

    [Test]
    public void Duplicate_late_and_unknown_replies_change_nothing()
    {
        var (fanned, _) = Advance(AtAssess(), new Decision("assess", Decisions.Proceed, null, [], "dpo"));
        var (done, _) = Advance(fanned, Replies.Done(fanned.State.Tasks[0].TaskId));
        foreach (var signal in new Signal[]
                 {
                     new TaskFailed(fanned.State.Tasks[0].TaskId, false, "late", "late"),
                     Replies.NotFound(fanned.State.Tasks[0].TaskId),
                     Replies.Done(Guid.NewGuid()),
                     Replies.Done(fanned.State.Tasks[1].TaskId) with { Outcome = "exploded" },
                     Replies.Done(fanned.State.Tasks[1].TaskId) with { Connector = "crm" },
                     new Decision("review", Decisions.Approve, null, [], "dpo"),
                     new IdentityVerified("manual", "again", "staff"),
                 })
        {
            var (after, effects) = Advance(done, signal);
            Assert.That(after, Is.EqualTo(done), signal.ToString());
            Assert.That(effects, Is.Empty, signal.ToString());
        }
    }

    [Test]
    public void A_failed_connector_parks_the_instance_and_a_retry_sends_only_that_task_again()
    {
        var (fanned, _) = Advance(AtAssess(), new Decision("assess", Decisions.Proceed, null, [], "dpo"));
        var (one, _) = Advance(fanned, Replies.Done(fanned.State.Tasks[0].TaskId));
        var (failed, _) = Advance(one, new TaskFailed(fanned.State.Tasks[1].TaskId, false, "schema", "billing schema unknown"));
        var (retried, effects) = Advance(failed, new Retry("ops"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(failed.Status, Is.EqualTo(InstanceStatus.NeedsAttention));
            Assert.That(failed.LastError, Does.Contain(fanned.State.Tasks[1].Connector));
            Assert.That(retried.WaitingFor, Is.EqualTo(Bookmarks.Connectors));
            Assert.That(effects.OfType<Effect.SendToConnector>().Select(s => s.Connector),
                Is.EqualTo(new[] { fanned.State.Tasks[1].Connector }));
            Assert.That(effects.OfType<Effect.SendToConnector>().Single().MessageId,
                Is.Not.EqualTo(Advance(AtAssess(), new Decision("assess", Decisions.Proceed, null, [], "dpo")).Item2
                    .OfType<Effect.SendToConnector>().Single(s => s.Connector == fanned.State.Tasks[1].Connector).MessageId));
        }
    }

    [Test]
    public void A_connector_that_never_answers_times_out_into_needs_attention()
    {
        var (fanned, _) = Advance(AtAssess(), new Decision("assess", Decisions.Proceed, null, [], "dpo"));
        var (first, _) = Advance(fanned, new TimerFired(TimerKinds.TaskTimeout, fanned.State.Tasks[0].TaskId.ToString("N")));
        var (timedOut, _) = Advance(first, new TimerFired(TimerKinds.TaskTimeout, fanned.State.Tasks[1].TaskId.ToString("N")));
        Assert.That(first.WaitingFor, Is.EqualTo(Bookmarks.Connectors));
        Assert.That(timedOut.Status, Is.EqualTo(InstanceStatus.NeedsAttention));
        Assert.That(timedOut.State.Tasks.Select(t => t.Status), Has.All.EqualTo(ConnectorTaskStatus.TimedOut));
    }

    [Test]
    public void Refusing_tells_the_subject_why_and_closes()
    {
        var (closed, effects) = Advance(AtAssess(),
            new Decision("assess", Decisions.Refuse, "Manifestly unfounded: 40 identical requests this week.", [], "dpo"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(closed.Status, Is.EqualTo(InstanceStatus.Closed));
            Assert.That(closed.State.Outcome, Is.EqualTo("refused"));
            Assert.That(effects.OfType<Effect.Mail>().Single().Model["reason"], Does.StartWith("Manifestly unfounded"));
            Assert.That(effects.OfType<Effect.SendToConnector>(), Is.Empty);
            Assert.That(effects.OfType<Effect.SetRequestStatus>().Last().Status, Is.EqualTo("refused"));
        }
    }

    [Test]
    public void Without_connectors_for_the_action_the_fan_out_is_skipped_and_said_so()
    {
        var (instance, effects) = Advance(AtAssess(), new Decision("assess", Decisions.Proceed, null, [], "dpo"),
            Context(new ConnectorInfo("crm", ["export"], 48)));
        Assert.That(instance.WaitingFor, Is.EqualTo(Bookmarks.Decision("review")));
        Assert.That(effects.OfType<Effect.Journal>().Select(j => j.Kind), Does.Contain("fan-out-skipped"));
    }

    [Test]
    public void A_full_run_ends_closed_with_the_response_delivered()
    {
        var (fanned, _) = Advance(AtAssess(), new Decision("assess", Decisions.Proceed, null, [], "dpo"));
        var i = fanned;
        foreach (var task in fanned.State.Tasks)
            i = Advance(i, Replies.Done(task.TaskId)).Item1;
        var (closed, effects) = Advance(i, new Decision("review", Decisions.Approve, null, [], "dpo"));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(closed.Status, Is.EqualTo(InstanceStatus.Closed));
            Assert.That(effects.OfType<Effect.Mail>().Single().Template, Is.EqualTo("response-ready"));
            Assert.That(effects.OfType<Effect.PublishEvent>().Single().Name, Is.EqualTo("recipients-notification-requested"));
            Assert.That(effects.OfType<Effect.CancelTimers>().Single().Kind, Is.EqualTo("*"));
            Assert.That(effects.OfType<Effect.SetRequestStatus>().Last().Status, Is.EqualTo("completed"));
        }
    }

    [Test]
    public void An_operator_can_close_at_any_point_and_a_closed_instance_ignores_everything()
    {
        var (closed, _) = Advance(AtAssess(), new Close("dpo", "Subject withdrew the request by phone."));
        var (after, effects) = Advance(closed, new Decision("assess", Decisions.Proceed, null, [], "dpo"));
        Assert.That(closed.Status, Is.EqualTo(InstanceStatus.Closed));
        Assert.That(after, Is.EqualTo(closed));
        Assert.That(effects, Is.Empty);
    }

    [Test]
    public void An_escalation_timer_set_before_an_extension_re_arms_for_the_new_date()
    {
        var (waiting, _) = Advance(Pending(), new Start());
        var extended = Context(Crm) with { DueAt = Now.AddDays(90) };
        var (early, effects) = Advance(waiting, new TimerFired(TimerKinds.Escalation, null), extended);
        var (late, lateEffects) = Advance(waiting, new TimerFired(TimerKinds.Escalation, null), extended with { Now = Now.AddDays(91) });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(early, Is.EqualTo(waiting));
            Assert.That(effects.OfType<Effect.ScheduleTimer>().Single().DueAt, Is.EqualTo(Now.AddDays(90)));
            Assert.That(effects.OfType<Effect.Journal>(), Is.Empty);
            Assert.That(lateEffects.OfType<Effect.Journal>().Single().Kind, Is.EqualTo("escalated"));
            Assert.That(late, Is.EqualTo(waiting));
        }
    }

    [Test]
    public void Rearming_replaces_the_clock_timers_and_gives_a_waiting_fan_out_a_fresh_timeout()
    {
        var (fanned, _) = Advance(AtAssess(), new Decision("assess", Decisions.Proceed, null, [], "dpo"));
        var (after, effects) = Advance(fanned, new RearmTimers("ops"), Context(Crm, Billing) with { Now = Now.AddDays(3) });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(after, Is.EqualTo(fanned));
            Assert.That(effects.OfType<Effect.CancelTimers>().Select(c => c.Kind).Distinct(),
                Is.EquivalentTo(new[] { "reminder", "escalation", "fan-out-timeout", "task-timeout" }));
            Assert.That(effects.OfType<Effect.ScheduleTimer>().Where(t => t.Kind == TimerKinds.TaskTimeout).Select(t => t.DueAt),
                Is.EqualTo(new[] { Now.AddDays(3).AddHours(24), Now.AddDays(3).AddHours(24) }));
            Assert.That(effects.OfType<Effect.ScheduleTimer>().Count(t => t.Kind == TimerKinds.Reminder), Is.EqualTo(2));
            Assert.That(effects.OfType<Effect.Journal>().Single().Kind, Is.EqualTo("timers-rearmed"));
        }
    }

    private static StepContext Clocked(DateTimeOffset now, bool extended = false)
    {
        var clock = new Workflows.Requests.RequestClock("gdpr", "FR", "Europe/Paris", Now, extended,
            Workflows.Deadlines.ExtensionMethod.FromReceipt, []);
        return Context(Crm) with { Now = now, Clock = clock };
    }

    [Test]
    public void An_extension_in_time_sets_the_clock_tells_the_subject_and_is_journaled()
    {
        var waiting = AtAssess();
        var (instance, effects) = Advance(waiting, new Extend("Fourteen systems to search.", "dpo"), Clocked(Now.AddDays(10)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(effects.OfType<Effect.SetClock>().Single().Clock.Extended, Is.True);
            Assert.That(effects.OfType<Effect.Mail>().Single().Model["dueOnIso"], Is.EqualTo("2025-06-03"));
            Assert.That(effects.OfType<Effect.Journal>().Single().Kind, Is.EqualTo("deadline-extended"));
            Assert.That(instance, Is.EqualTo(waiting));
        }
    }

    [Test]
    public void A_refused_clock_command_produces_nothing_but_the_refusal()
    {
        var late = Advance(AtAssess(), new Extend("Late.", "dpo"), Clocked(Now.AddDays(40))).Item2;
        var twice = Advance(AtAssess(), new Extend("Again.", "dpo"), Clocked(Now, extended: true)).Item2;
        var ccpa = Advance(AtAssess(), new PauseClock("identity-proof", null, "dpo"), Clocked(Now) with
        {
            Clock = Clocked(Now).Clock! with { Regime = "ccpa", Jurisdiction = "US-CA", TimeZone = "America/Los_Angeles" },
        }).Item2;
        Assert.That(late.Single(), Is.TypeOf<Effect.Refuse>().And.Property("Slug").EqualTo("extension-refused"));
        Assert.That(twice.Single(), Is.TypeOf<Effect.Refuse>());
        Assert.That(ccpa.Single(), Is.TypeOf<Effect.Refuse>().And.Property("Slug").EqualTo("clock-does-not-stop"));
    }

    // GDPR Art. 12(5): no fee suspends the EU period; the same stop for identity proof is taken.
    [Test]
    public void A_fee_stop_under_the_EU_GDPR_is_refused_and_changes_nothing()
    {
        var fee = Advance(AtAssess(), new PauseClock("fee", null, "dpo"), Clocked(Now.AddDays(3))).Item2;
        var identity = Advance(AtAssess(), new PauseClock("identity-proof", null, "dpo"), Clocked(Now.AddDays(3))).Item2;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(fee.Single(), Is.TypeOf<Effect.Refuse>().And.Property("Slug").EqualTo("clock-does-not-stop"));
            Assert.That(((Effect.Refuse)fee.Single()).Reason, Does.Contain("GDPR Art. 12(5)"));
            Assert.That(identity.OfType<Effect.SetClock>().Single().Clock.OpenStop?.Reason, Is.EqualTo("identity-proof"));
        }
    }

    // UK GDPR Art. 12A: clarification stops the clock of an access request only.
    [TestCase("access", false)]
    [TestCase("erasure", true)]
    public void A_UK_clarification_stop_is_taken_for_access_only(string right, bool refused)
    {
        Assert.That(Workflows.Requests.Rights.TryParse(right, out var parsed), Is.True);
        var uk = Clocked(Now.AddDays(3)) with
        {
            Clock = Clocked(Now).Clock! with { Regime = "uk-gdpr", Jurisdiction = "GB", TimeZone = "Europe/London", Right = parsed },
        };

        var effects = Advance(AtAssess(), new PauseClock("clarification", null, "dpo"), uk).Item2;

        Assert.That(effects.OfType<Effect.Refuse>().Any(), Is.EqualTo(refused));
    }
}
