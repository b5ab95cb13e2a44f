using DsarEngine.Workflows.Definitions;
using DsarEngine.Workflows.Journal;
using DsarEngine.Workflows.Journal.Entries;

namespace DsarEngine.Workflows.Runtime;

// The workflow executor: Advance(definition, instance, signal, context) -> (instance', effects). Pure and
// deterministic (no I/O, no clock but context.Now), so every path can be unit-tested and a crash can only
// ever lose a whole transaction, never half a step. It applies the signal, then runs steps until one waits.
//
// This file holds the two tables (which method takes each signal, which method enters each step) and what every
// step shares. Each step family is one file, its step and the signals that answer it together:
// Executor.Lifecycle (start, close, operator commands), .Withdrawal (the subject withdraws), .Identity (verify-identity),
// .Decisions (assess, review), .Objection (what the law leaves to the assessment of objections and Art. 22 reviews),
// .FanOut and .FanOutReplies (fan-out and its connector tasks), .RenderPack (render-pack, notice letters),
// .Delivery (acknowledge, deliver, notify-recipients, publish-event), .Clock (reminders, escalation, clock commands).
internal static partial class Executor
{
    public static (WorkflowInstance Instance, IReadOnlyList<Effect> Effects) Advance(
        WorkflowDefinition definition, WorkflowInstance instance, Signal signal, StepContext context)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(instance);
        var run = new Run(definition, context);
        var next = run.Apply(instance, signal);
        while (next.Status == InstanceStatus.Running)
            next = run.Enter(next, definition.Steps[next.StepIndex]);
        return (next, run.Effects);
    }

    // One Advance: the definition and context it runs against, and the effects it collects.
    private sealed partial class Run(WorkflowDefinition definition, StepContext context)
    {
        public List<Effect> Effects { get; } = [];

        // A signal that does not fit the instance's state (a duplicate, a late reply, a decision for another
        // step) returns the instance unchanged and no effects: the processor then writes nothing. A closed instance
        // takes only what Executor.Withdrawal.cs says (a refused withdrawal, replies after one).
        public WorkflowInstance Apply(WorkflowInstance i, Signal signal)
        {
            if (i.Status == InstanceStatus.Closed)
                return ApplyToClosed(i, signal);
            return signal switch
            {
                // The instance as a whole: its start, and what an operator may do to it.
                Signal.Start or Signal.TimerFired { Kind: TimerKinds.Start } => Start(i),
                Signal.Close close => OperatorClose(i, close),
                Signal.Withdraw => Withdraw(i),
                Signal.Retry retry when i.Status == InstanceStatus.NeedsAttention => Retry(i, retry),
                Signal.Skip skip when i.Status is InstanceStatus.NeedsAttention or InstanceStatus.Waiting => Skip(i, skip),
                Signal.RearmTimers => Rearm(i),
                Signal.LiftRestriction => Refuse(i, NotLiftable, "A restriction can be lifted only once it was carried out and closed."),
                Signal.ReapplyErasure =>
                    Refuse(i, NotReapplicable, "Only an erasure that was carried out and closed is carried out again."),
                // verify-identity
                Signal.IdentityVerified verified when i.WaitingFor == Bookmarks.Identity => Verified(i, verified),
                // assess, review
                Signal.Decision decision when i.WaitingFor == Bookmarks.Decision(decision.StepId) => Decide(i, decision),
                // fan-out: connector replies, a person's commands, the tasks' timers, and the older step-wide timeout
                Signal.TaskProgressed p when i.WaitingFor == Bookmarks.Connectors => Progressed(i, p),
                Signal.TaskCompleted c when AtFanOut(i) => Completed(i, c),
                Signal.TaskFailed f when i.WaitingFor == Bookmarks.Connectors => Failed(i, f),
                Signal.TaskCompletedManually m when AtFanOut(i) => CompletedManually(i, m),
                Signal.RetryTask r when AtFanOut(i) => RetryOne(i, r),
                Signal.TimerFired { Kind: TimerKinds.TaskTimeout or TimerKinds.TaskRetry } timer
                    when i.WaitingFor == Bookmarks.Connectors => TaskTimer(i, timer),
                Signal.TimerFired { Kind: TimerKinds.FanOutTimeout } timer
                    when i.WaitingFor == Bookmarks.Connectors && definition.Steps[i.StepIndex].Id == timer.StepId
                    => FanOutTimedOut(i, timer),
                // render-pack: the renderer's answers and the step's timeout
                Signal.PackRendered rendered when i.WaitingFor == Bookmarks.Pack => PackRendered(i, rendered),
                Signal.NoticeRendered n => Noticed(i, n),
                Signal.TimerFired { Kind: TimerKinds.PackTimeout } timer
                    when i.WaitingFor == Bookmarks.Pack && i.Status == InstanceStatus.Waiting && timer.StepId == RenderNumber(i)
                    => PackTimedOut(i),
                // the legal clock
                Signal.TimerFired { Kind: TimerKinds.Reminder } timer => Reminder(i, timer),
                Signal.TimerFired { Kind: TimerKinds.Escalation } => Escalation(i),
                Signal.Extend extend => Extend(i, extend),
                Signal.PauseClock pause => Pause(i, pause),
                Signal.ResumeClock resume => Resume(i, resume),
                _ => i,
            };
        }

        // Entering a step either completes it (Next), parks the instance at a bookmark (Wait) or closes it.
        public WorkflowInstance Enter(WorkflowInstance i, StepDefinition step) => step.Type switch
        {
            StepTypes.VerifyIdentity => VerifyIdentity(i, step),
            StepTypes.Acknowledge => Acknowledge(i),
            StepTypes.Assess when SkipsAssessment(step) => AssessmentNotNeeded(i, step),
            StepTypes.Assess or StepTypes.Review when step.Required || step.Type == StepTypes.Assess || ResultsNeedReview(i) =>
                Decision(i, step),
            StepTypes.Review => ReviewNotRequired(i, step),
            StepTypes.FanOut => FanOut(i, step),
            StepTypes.RenderPack when context.RendersPacks => RenderPack(i, step),
            StepTypes.RenderPack => PackPrepared(i),
            StepTypes.Deliver => Deliver(i, step),
            // After a refusal nothing was done: no recipient is told to act and no event announces an outcome.
            StepTypes.NotifyRecipients or StepTypes.PublishEvent when i.State.Outcome == "refused" => SkippedAfterRefusal(i, step),
            StepTypes.NotifyRecipients => Publish(i, step, "recipients-notification-requested"),
            StepTypes.PublishEvent => Publish(i, step, step.Event ?? "unnamed"),
            StepTypes.Close => Close(i),
            _ => Attention(i, $"Unknown step type '{step.Type}'."),
        };

        private void Journal<T>(T data) where T : IJournalData => Effects.Add(Effect.Journal.Of(data));

        // A step that only records that it happened, and may set the request's status.
        private WorkflowInstance Pass<T>(WorkflowInstance i, T data, string? status) where T : IJournalData
        {
            Journal(data);
            if (status is not null)
                Effects.Add(new Effect.SetRequestStatus(status));
            return Next(i);
        }

        private static WorkflowInstance Next(WorkflowInstance i) =>
            i with { StepIndex = i.StepIndex + 1, Status = InstanceStatus.Running, WaitingFor = null, Attempts = 0, LastError = null };

        private static WorkflowInstance Wait(WorkflowInstance i, string bookmark) =>
            i with { Status = InstanceStatus.Waiting, WaitingFor = bookmark };

        private WorkflowInstance Attention(WorkflowInstance i, string error)
        {
            Journal(new IncidentEntry(definition.Steps[i.StepIndex].Id, error, i.Attempts + 1));
            Effects.Add(new Effect.SetRequestStatus(Requests.RequestStatus.NeedsAttention));
            return i with { Status = InstanceStatus.NeedsAttention, LastError = error, Attempts = i.Attempts + 1 };
        }

        private WorkflowInstance JumpToClose(WorkflowInstance i)
        {
            var close = definition.IndexOf(definition.Steps.Last(s => s.Type == StepTypes.Close).Id);
            return i with { StepIndex = close, Status = InstanceStatus.Running, WaitingFor = null };
        }
    }
}
