using DsarEngine.Workflows.Journal.Entries;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Workflows.Runtime;

// The instance as a whole: its start, its close step, and what an operator may do to any instance (close it, retry or
// skip the step it stopped at, re-arm its timers).
internal static partial class Executor
{
    private sealed partial class Run
    {
        private WorkflowInstance Start(WorkflowInstance i)
        {
            if (i.Status != InstanceStatus.Pending)
                return i;
            Journal(new WorkflowStartedEntry(definition.Key));
            ScheduleClockTimers();
            // LastError may say why it could not start before (its definition version was not loaded).
            return i with { Status = InstanceStatus.Running, StepIndex = 0, LastError = null };
        }

        private WorkflowInstance Close(WorkflowInstance i)
        {
            Effects.Add(new Effect.CancelTimers("*", null));
            var refused = i.State.Outcome == "refused";
            Effects.Add(new Effect.SetRequestStatus(refused ? RequestStatus.Refused : RequestStatus.Completed));
            Journal(new ClosedEntry(i.State.Outcome ?? "completed"));
            return i with { Status = InstanceStatus.Closed, WaitingFor = null };
        }

        private WorkflowInstance OperatorClose(WorkflowInstance i, Signal.Close close)
        {
            Journal(new ClosedByOperatorEntry(definition.Steps[Math.Min(i.StepIndex, definition.Steps.Count - 1)].Id, close.Reason));
            Effects.Add(new Effect.CancelTimers("*", null));
            Effects.Add(new Effect.SetRequestStatus(RequestStatus.Closed));
            return i with
            {
                Status = InstanceStatus.Closed, WaitingFor = null, State = i.State with { Outcome = i.State.Outcome ?? "closed" },
            };
        }

        private WorkflowInstance Retry(WorkflowInstance i, Signal.Retry retry)
        {
            Journal(new RetriedEntry(definition.Steps[i.StepIndex].Id, i.Attempts));
            // Tasks that failed or timed out go out again (next attempt); the step is entered afresh.
            var tasks = i.State.Tasks
                .Select(t => ConnectorTaskStatus.NeedsAttention.Contains(t.Status)
                    ? t with
                    {
                        Status = ConnectorTaskStatus.Sent, Detail = null, Attempt = t.Attempt + 1,
                        UpdatedAt = context.Now, SentAt = context.Now,
                    }
                    : t)
                .ToList();
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
            // GDPR Art. 12(6): the clock stopped only while the controller waited for proof it had reason to ask for.
            // Skipping the proof ends that wait, so the clock resumes exactly as a verification resumes it.
            if (step.Type == Definitions.StepTypes.VerifyIdentity && StoppedForIdentity)
                Effects.Add(new Effect.ResumeClock());
            return Next(i);
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
                foreach (var task in i.State.Tasks.Where(t =>
                    t.StepId == step.Id && t.Status is ConnectorTaskStatus.Sent or ConnectorTaskStatus.Acknowledged))
                {
                    Effects.Add(new Effect.CancelTimers(TimerKinds.TaskTimeout, task.TaskId.ToString("N")));
                    Effects.Add(new Effect.ScheduleTimer(
                        TimerKinds.TaskTimeout, task.TaskId.ToString("N"), context.Now.AddHours(TimeoutHours(task))));
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
    }
}
