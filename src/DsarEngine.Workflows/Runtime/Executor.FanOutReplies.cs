using DsarEngine.Workflows.Journal.Entries;

namespace DsarEngine.Workflows.Runtime;

// fan-out, its tasks' answers: connector replies (progress, completion, failure), the tasks' timers (timeout, the
// automatic retry), and what a person does about one task (complete it by hand, send it again).
internal static partial class Executor
{
    // The final answers a connector may give; any other outcome in a reply changes nothing.
    private static readonly HashSet<string> FinalOutcomes =
        [ConnectorTaskStatus.Done, ConnectorTaskStatus.Partial, ConnectorTaskStatus.NotFound];

    // A retryable failure is sent again after 1, 5 and 30 minutes; the fourth failure needs a person. An attempt the
    // engine refused itself (circuit open) is sent again after a minute, longer than the circuit's pause (30 s by
    // default), and does not count among the three, up to ConnectorFailureCodes.MaxNotReached (100) of them.
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30)];

    private sealed partial class Run
    {
        // The current step's task a reply is about, provided the reply comes from that task's connector.
        private ConnectorTask? Answering(WorkflowInstance i, Signal reply, Guid taskId) =>
            CurrentTask(i, taskId) is { } task && (reply.Connector is null || reply.Connector == task.Connector) ? task : null;

        // A failure or progress report from an earlier attempt says nothing about the attempt now running: a late
        // failure must not fail it (and speed up the escalation). A reply that names no attempt (0) is taken.
        private static bool Stale(ConnectorTask task, int? attempt) => attempt is int a && a > 0 && a != task.Attempt;

        private WorkflowInstance Progressed(WorkflowInstance i, Signal.TaskProgressed p)
        {
            if (Answering(i, p, p.TaskId) is not { Status: ConnectorTaskStatus.Sent } task || Stale(task, p.Attempt))
                return i;
            Journal(new ConnectorAcknowledgedEntry(task.Connector, task.Action, p.Stage));
            return Replace(i, task with { Status = ConnectorTaskStatus.Acknowledged, Detail = p.Stage, UpdatedAt = context.Now });
        }

        // The first final answer counts. A late answer to a task that failed or timed out is still taken: it is
        // better news than the failure, and it spares a person the manual step.
        private WorkflowInstance Completed(WorkflowInstance i, Signal.TaskCompleted c)
        {
            if (Answering(i, c, c.TaskId) is not { } task
                || ConnectorTaskStatus.Answered.Contains(task.Status) || !FinalOutcomes.Contains(c.Outcome))
                return i;
            CancelTaskTimers(task);
            Journal(new ConnectorCompletedEntry(task.Connector, task.Action, c.Outcome, c.Summary, c.Retained, c.Recipients,
                c.Export is { } e ? new JournaledExport(e.ExportId, e.Records, e.Bytes, e.Sha256) : null, task.Attempt));
            Reconcile(i, task, c.Retained);
            return Settle(Replace(i, task with
            {
                Status = c.Outcome, Detail = c.Summary, Retained = c.Retained, Recipients = c.Recipients, Export = c.Export,
                UpdatedAt = context.Now,
            }));
        }

        private WorkflowInstance Failed(WorkflowInstance i, Signal.TaskFailed f)
        {
            if (Answering(i, f, f.TaskId) is not { Status: ConnectorTaskStatus.Sent or ConnectorTaskStatus.Acknowledged } task
                || Stale(task, f.Attempt))
                return i;
            CancelTaskTimers(task);
            var detail = $"{f.Code}: {f.Reason}";
            var notReached = f.Retryable && f.Code == ConnectorFailureCodes.CircuitOpen
                && task.NotReached < ConnectorFailureCodes.MaxNotReached;
            var counted = task.Attempt - task.NotReached;
            if (notReached || (f.Retryable && counted <= Backoff.Length))
            {
                var at = context.Now + Backoff[notReached ? 0 : counted - 1];
                Effects.Add(new Effect.ScheduleTimer(TimerKinds.TaskRetry, task.TaskId.ToString("N"), at));
                Journal(new ConnectorFailedEntry(
                    task.Connector, task.Action, f.Code, f.Reason, Retryable: true, task.Attempt, RetryAt: at));
                return Replace(i, task with
                {
                    Status = ConnectorTaskStatus.Retrying, Detail = detail, UpdatedAt = context.Now,
                    NotReached = task.NotReached + (notReached ? 1 : 0),
                });
            }
            Journal(new ConnectorFailedEntry(task.Connector, task.Action, f.Code, f.Reason, f.Retryable, task.Attempt));
            return Settle(Replace(i, task with { Status = ConnectorTaskStatus.Failed, Detail = detail, UpdatedAt = context.Now }));
        }

        private WorkflowInstance TaskTimer(WorkflowInstance i, Signal.TimerFired timer)
        {
            var task = i.State.Tasks.FirstOrDefault(t => t.TaskId.ToString("N") == timer.StepId);
            if (task is null || CurrentTask(i, task.TaskId) is null)
                return i;
            if (timer.Kind == TimerKinds.TaskRetry && task.Status == ConnectorTaskStatus.Retrying)
            {
                var again = task with
                {
                    Status = ConnectorTaskStatus.Sent, Attempt = task.Attempt + 1, UpdatedAt = context.Now, SentAt = context.Now,
                };
                Send(i, again);
                Journal(new ConnectorResentEntry(task.Connector, task.Action, again.Attempt));
                return Replace(i, again);
            }
            if (timer.Kind == TimerKinds.TaskTimeout && task.Status is ConnectorTaskStatus.Sent or ConnectorTaskStatus.Acknowledged)
            {
                Journal(new ConnectorTimedOutEntry(task.Connector, task.Action, task.Attempt, TimeoutHours(task)));
                return Settle(Replace(i, task with
                {
                    Status = ConnectorTaskStatus.TimedOut, Detail = "No answer in time.", UpdatedAt = context.Now,
                }));
            }
            return i;
        }

        private WorkflowInstance CompletedManually(WorkflowInstance i, Signal.TaskCompletedManually m)
        {
            if (CurrentTask(i, m.TaskId) is not { } task
                || ConnectorTaskStatus.Answered.Contains(task.Status) || !FinalOutcomes.Contains(m.Outcome))
                return i;
            CancelTaskTimers(task);
            Journal(new TaskCompletedManuallyEntry(
                task.Connector, task.Action, m.Outcome, m.Note, m.Retained, m.Export?.ExportId, m.Actor));
            return Settle(Replace(i, task with
            {
                Status = ConnectorTaskStatus.CompletedManually, Outcome = m.Outcome, Note = m.Note, Detail = m.Note, Retained = m.Retained,
                Export = m.Export ?? task.Export, UpdatedAt = context.Now,
            }));
        }

        // A person sends one failed or timed-out task again. Automatic backoff does not follow it: the person decided.
        private WorkflowInstance RetryOne(WorkflowInstance i, Signal.RetryTask r)
        {
            if (CurrentTask(i, r.TaskId) is not { } task || !ConnectorTaskStatus.NeedsAttention.Contains(task.Status))
                return i;
            var again = task with
            {
                Status = ConnectorTaskStatus.Sent, Attempt = task.Attempt + 1, Detail = null, UpdatedAt = context.Now, SentAt = context.Now,
            };
            Send(i, again);
            Journal(new TaskRetriedEntry(task.Connector, task.Action, again.Attempt, r.Actor));
            return Settle(Replace(i, again));
        }
    }
}
