using DsarEngine.Workflows.Journal.Entries;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Workflows.Runtime;

internal static partial class Executor
{
    private sealed partial class Run
    {
        // A signal that does not fit the instance's state (a duplicate, a late reply, a decision for another
        // step) returns the instance unchanged and no effects: the processor then writes nothing.
        public WorkflowInstance Apply(WorkflowInstance i, Signal signal)
        {
            if (i.Status == InstanceStatus.Closed)
                return i;
            return signal switch
            {
                Signal.Start or Signal.TimerFired { Kind: TimerKinds.Start } => Start(i),
                Signal.Close close => OperatorClose(i, close),
                Signal.Retry retry when i.Status == InstanceStatus.NeedsAttention => Retry(i, retry),
                Signal.Skip skip when i.Status is InstanceStatus.NeedsAttention or InstanceStatus.Waiting => Skip(i, skip),
                Signal.IdentityVerified verified when i.WaitingFor == Bookmarks.Identity => Verified(i, verified),
                Signal.Decision decision when i.WaitingFor == Bookmarks.Decision(decision.StepId) => Decide(i, decision),
                Signal.TaskProgressed p when i.WaitingFor == Bookmarks.Connectors => Progressed(i, p),
                Signal.TaskCompleted c when AtFanOut(i) => Completed(i, c),
                Signal.TaskFailed f when i.WaitingFor == Bookmarks.Connectors => Failed(i, f),
                Signal.TaskCompletedManually m when AtFanOut(i) => CompletedManually(i, m),
                Signal.RetryTask r when AtFanOut(i) => RetryOne(i, r),
                Signal.TimerFired { Kind: TimerKinds.TaskTimeout or TimerKinds.TaskRetry } timer when i.WaitingFor == Bookmarks.Connectors => TaskTimer(i, timer),
                Signal.PackRendered rendered when i.WaitingFor == Bookmarks.Pack => PackRendered(i, rendered),
                Signal.NoticeRendered n => Noticed(i, n),
                Signal.TimerFired timer => Timer(i, timer),
                Signal.RearmTimers => Rearm(i),
                Signal.Extend extend => Extend(i, extend),
                Signal.PauseClock pause => Pause(i, pause),
                Signal.ResumeClock resume => Resume(i, resume),
                _ => i,
            };
        }

        private WorkflowInstance Start(WorkflowInstance i)
        {
            if (i.Status != InstanceStatus.Pending)
                return i;
            Journal(new WorkflowStartedEntry(definition.Key));
            ScheduleClockTimers();
            // LastError may say why it could not start before (its definition version was not loaded).
            return i with { Status = InstanceStatus.Running, StepIndex = 0, LastError = null };
        }

        private void ScheduleClockTimers()
        {
            if (context.DueAt is not { } due)
                return;
            foreach (var days in definition.Clock.RemindDaysBefore.Where(d => due.AddDays(-d) > context.Now))
                Effects.Add(new Effect.ScheduleTimer(TimerKinds.Reminder, days.ToString(System.Globalization.CultureInfo.InvariantCulture), due.AddDays(-days)));
            Effects.Add(new Effect.ScheduleTimer(TimerKinds.Escalation, null, due.AddDays(definition.Clock.EscalateDaysAfter)));
        }

        private WorkflowInstance Rearm(WorkflowInstance i)
        {
            if (i.Status == InstanceStatus.Pending)
                return i;
            Effects.Add(new Effect.CancelTimers(TimerKinds.Reminder, null));
            Effects.Add(new Effect.CancelTimers(TimerKinds.Escalation, null));
            ScheduleClockTimers();
            var step = definition.Steps[Math.Min(i.StepIndex, definition.Steps.Count - 1)];
            if (i.WaitingFor == Bookmarks.Connectors)
            {
                Effects.Add(new Effect.CancelTimers(TimerKinds.FanOutTimeout, step.Id));
                foreach (var task in i.State.Tasks.Where(t => t.StepId == step.Id && t.Status is ConnectorTaskStatus.Sent or ConnectorTaskStatus.Acknowledged))
                {
                    Effects.Add(new Effect.CancelTimers(TimerKinds.TaskTimeout, task.TaskId.ToString("N")));
                    Effects.Add(new Effect.ScheduleTimer(TimerKinds.TaskTimeout, task.TaskId.ToString("N"), context.Now.AddHours(TimeoutHours(task))));
                }
            }
            if (i.WaitingFor == Bookmarks.Pack && i.Status == InstanceStatus.Waiting)
            {
                Effects.Add(new Effect.CancelTimers(TimerKinds.PackTimeout, null));
                Effects.Add(new Effect.ScheduleTimer(TimerKinds.PackTimeout, RenderNumber(i), context.Now + context.RenderTimeout));
            }
            Journal(new TimersRearmedEntry(step.Id, context.DueAt));
            return i;
        }

        private WorkflowInstance OperatorClose(WorkflowInstance i, Signal.Close close)
        {
            Journal(new ClosedByOperatorEntry(definition.Steps[Math.Min(i.StepIndex, definition.Steps.Count - 1)].Id, close.Reason));
            Effects.Add(new Effect.CancelTimers("*", null));
            Effects.Add(new Effect.SetRequestStatus(RequestStatus.Closed));
            return i with { Status = InstanceStatus.Closed, WaitingFor = null, State = i.State with { Outcome = i.State.Outcome ?? "closed" } };
        }

        private WorkflowInstance Noticed(WorkflowInstance i, Signal.NoticeRendered n)
        {
            if (n.Error is { } error)
                Journal(new NoticeNotRenderedEntry(n.Kind, error));
            else
                Journal(new NoticeRenderedEntry(n.Kind, n.PackId, n.Sha256));
            return i;
        }

        private WorkflowInstance Retry(WorkflowInstance i, Signal.Retry retry)
        {
            Journal(new RetriedEntry(definition.Steps[i.StepIndex].Id, i.Attempts));
            // Tasks that failed or timed out go out again (next attempt); the step is entered afresh.
            var tasks = i.State.Tasks.Select(t => ConnectorTaskStatus.NeedsAttention.Contains(t.Status)
                ? t with { Status = ConnectorTaskStatus.Sent, Detail = null, Attempt = t.Attempt + 1, UpdatedAt = context.Now } : t).ToList();
            return i with { Status = InstanceStatus.Running, WaitingFor = null, LastError = null, State = i.State with { Tasks = tasks } };
        }

        private WorkflowInstance Skip(WorkflowInstance i, Signal.Skip skip)
        {
            var step = definition.Steps[i.StepIndex];
            Journal(new SkippedEntry(step.Id, skip.Reason));
            if (step.Type == Definitions.StepTypes.FanOut)
            {
                Effects.Add(new Effect.CancelTimers(TimerKinds.FanOutTimeout, step.Id));
                foreach (var task in i.State.Tasks.Where(t => t.StepId == step.Id && !t.IsTerminal))
                    CancelTaskTimers(task);
            }
            if (step.Type == Definitions.StepTypes.RenderPack)
                Effects.Add(new Effect.CancelTimers(TimerKinds.PackTimeout, null));
            // GDPR Art. 12(6): the clock stopped only while the controller waited for proof of identity. Skipping the
            // proof ends that wait, so the clock resumes under the regime's policy exactly as a verification resumes it.
            if (step.Type == Definitions.StepTypes.VerifyIdentity && context.ClockStops)
                Effects.Add(new Effect.ResumeClock());
            return Next(i);
        }

        private WorkflowInstance Verified(WorkflowInstance i, Signal.IdentityVerified verified)
        {
            Journal(new IdentityVerifiedEntry(verified.Method, verified.Evidence));
            if (context.ClockStops)
                Effects.Add(new Effect.ResumeClock());
            return Next(i with { State = i.State with { IdentityVerified = true } });
        }

        private WorkflowInstance Timer(WorkflowInstance i, Signal.TimerFired timer)
        {
            switch (timer.Kind)
            {
                // The deadline may have moved since the timer was set (extension, stopped clock): a timer that is
                // early re-arms itself for the current date instead of firing.
                case TimerKinds.Reminder when context.DueAt is { } due && int.TryParse(timer.StepId, out var days) && due.AddDays(-days) > context.Now:
                    Effects.Add(new Effect.ScheduleTimer(TimerKinds.Reminder, timer.StepId, due.AddDays(-days)));
                    return i;
                case TimerKinds.Reminder:
                    Journal(new ReminderEntry(timer.StepId, context.DueAt));
                    return i;
                case TimerKinds.Escalation when context.DueAt is { } due && due.AddDays(definition.Clock.EscalateDaysAfter) > context.Now:
                    Effects.Add(new Effect.ScheduleTimer(TimerKinds.Escalation, null, due.AddDays(definition.Clock.EscalateDaysAfter)));
                    return i;
                case TimerKinds.Escalation:
                    Journal(new EscalatedEntry("the legal deadline has passed", context.DueAt));
                    return i;
                case TimerKinds.PackTimeout when i.WaitingFor == Bookmarks.Pack && i.Status == InstanceStatus.Waiting && timer.StepId == RenderNumber(i):
                    return PackTimedOut(i);
                case TimerKinds.FanOutTimeout when i.WaitingFor == Bookmarks.Connectors && definition.Steps[i.StepIndex].Id == timer.StepId:
                    var tasks = i.State.Tasks.Select(t => t.StepId == timer.StepId && !t.IsTerminal ? t with { Status = ConnectorTaskStatus.TimedOut } : t).ToList();
                    var late = tasks.Where(t => t.Status == ConnectorTaskStatus.TimedOut && t.StepId == timer.StepId).Select(t => t.Connector).ToList();
                    Journal(new FanOutTimedOutEntry(timer.StepId, late));
                    return Attention(i with { State = i.State with { Tasks = tasks } }, $"No answer from {string.Join(", ", late)} in time.");
                default:
                    return i;
            }
        }
    }
}
