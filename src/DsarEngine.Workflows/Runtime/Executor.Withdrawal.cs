using DsarEngine.Workflows.Definitions;
using DsarEngine.Workflows.Journal.Entries;
using DsarEngine.Workflows.Requests;

namespace DsarEngine.Workflows.Runtime;

// The subject withdraws their request. A request is the subject's to withdraw until it is answered: the instance closes
// where it stands, every timer is cancelled, nothing more is sent. What a system already did is not undone (an erasure
// cannot be; GDPR Art. 17 does not oblige anyone to restore data), and the confirmation e-mail says so.
internal static partial class Executor
{
    public const string WithdrawnOutcome = "withdrawn";

    // The slug of a withdrawal refused because the request is over.
    public const string AlreadyClosed = "already-closed";

    private sealed partial class Run
    {
        private WorkflowInstance Withdraw(WorkflowInstance i)
        {
            if (WhyNotWithdrawable(i) is { } reason)
                return Refuse(i, AlreadyClosed, reason);
            var step = definition.Steps[Math.Min(i.StepIndex, definition.Steps.Count - 1)];
            Journal(new WithdrawnBySubjectEntry(step.Id,
                [.. i.State.Tasks.Where(t => ConnectorTaskStatus.Answered.Contains(t.Status)).Select(t => t.Connector)],
                [.. i.State.Tasks.Where(t => !t.IsTerminal).Select(t => t.Connector)]));
            Effects.Add(new Effect.CancelTimers("*", null));
            Effects.Add(new Effect.SetRequestStatus(RequestStatus.Withdrawn));
            Effects.Add(new Effect.Mail(Mail.MailTemplates.RequestWithdrawn,
                new Dictionary<string, string> { ["reference"] = context.Reference }));
            return i with
            {
                Status = InstanceStatus.Closed, WaitingFor = null, LastError = null,
                State = i.State with { Outcome = WithdrawnOutcome },
            };
        }

        // GDPR Art. 12: once the answer is given (or the request refused, closed or withdrawn) there is nothing left to
        // withdraw; the subject may make a new request instead.
        private string? WhyNotWithdrawable(WorkflowInstance i)
        {
            if (i.Status != InstanceStatus.Closed)
                return definition.Steps.Take(i.StepIndex).Any(s => s.Type == StepTypes.Deliver)
                    ? "The answer to this request has already been sent, so there is nothing left to withdraw."
                    : null;
            return i.State.Outcome switch
            {
                WithdrawnOutcome => "This request has already been withdrawn.",
                "refused" => "This request is already closed: it was answered with a refusal.",
                "closed" => "This request has already been closed by the organisation.",
                _ => "This request has already been answered and closed, so there is nothing left to withdraw.",
            };
        }

        // A connector's final answer that arrives after the withdrawal (its command was already out): the system did the
        // work, so the journal records it and the task shows it; nothing else moves. A second copy of it changes nothing.
        private WorkflowInstance CompletedAfterWithdrawal(WorkflowInstance i, Signal.TaskCompleted c)
        {
            var task = i.State.Tasks.FirstOrDefault(t => t.TaskId == c.TaskId);
            if (task is null || (c.Connector is not null && c.Connector != task.Connector)
                || ConnectorTaskStatus.Answered.Contains(task.Status) || !FinalOutcomes.Contains(c.Outcome))
                return i;
            Journal(new CompletedAfterWithdrawalEntry(task.Connector, task.Action, c.Outcome, c.Summary, c.Retained));
            return Replace(i, task with
            {
                Status = c.Outcome, Detail = c.Summary, Retained = c.Retained, Recipients = c.Recipients, Export = c.Export,
                UpdatedAt = context.Now,
            });
        }

        // A closed instance takes nothing but a withdrawal (to refuse it with the reason), once withdrawn the final
        // answers of connectors that had their command before, and the lifting of a restriction with its answers.
        private WorkflowInstance ApplyToClosed(WorkflowInstance i, Signal signal) => signal switch
        {
            Signal.Withdraw => Withdraw(i),
            Signal.TaskCompleted c when i.State.Outcome == WithdrawnOutcome => CompletedAfterWithdrawal(i, c),
            // A restriction, once carried out, can be lifted (Executor.Restriction.cs).
            Signal.LiftRestriction lift => LiftRestriction(i, lift),
            Signal.TimerFired { Kind: TimerKinds.RestrictionLift } => LiftNow(i),
            Signal.TaskCompleted c when IsLiftTask(i, c.TaskId) => LiftAnswered(i, c.TaskId, c.Outcome, c.Summary, c.Connector),
            Signal.TaskFailed { Retryable: false } f when IsLiftTask(i, f.TaskId) =>
                LiftAnswered(i, f.TaskId, ConnectorTaskStatus.Failed, f.Reason, f.Connector),
            Signal.TaskCompletedManually m when IsLiftTask(i, m.TaskId) =>
                LiftAnswered(i, m.TaskId, ConnectorTaskStatus.CompletedManually, m.Note, null),
            // A restored backup brought an erased subject back (Executor.Reapply.cs).
            Signal.ReapplyErasure reapply => ReapplyErasure(i, reapply),
            Signal.TaskCompleted c when IsReapplyTask(i, c.TaskId) => ReapplyAnswered(i, c.TaskId, c.Outcome, c.Summary, c.Connector),
            Signal.TaskFailed { Retryable: false } f when IsReapplyTask(i, f.TaskId) =>
                ReapplyAnswered(i, f.TaskId, ConnectorTaskStatus.Failed, f.Reason, f.Connector),
            Signal.TaskCompletedManually m when IsReapplyTask(i, m.TaskId) =>
                ReapplyAnswered(i, m.TaskId, ConnectorTaskStatus.CompletedManually, m.Note, null),
            Signal.TimerFired { Kind: TimerKinds.TaskTimeout } t when IsReapplyTimer(i, t.StepId) => ReapplyTimedOut(i, t.StepId!),
            _ => i,
        };
    }
}
