using System.Globalization;
using DsarEngine.Workflows.Definitions;
using DsarEngine.Workflows.Journal.Entries;

namespace DsarEngine.Workflows.Runtime;

// fan-out: one task per connector that can do the step's action, sent and then settled. The replies to each task are
// in Executor.FanOutReplies.cs.
internal static partial class Executor
{
    private sealed partial class Run
    {
        // One task per enabled connector that supports the action; each has its own timeout. The step waits
        // until every task is terminal. Ids are derived, so re-entering after a retry resends the same task ids.
        private WorkflowInstance FanOut(WorkflowInstance i, StepDefinition step)
        {
            // A workflow without an assessment (the CCPA's opt-outs: nothing to weigh, 11 CCR §7026(f)) is carried out in full.
            if (i.State.Outcome is null && definition.Steps.All(s => s.Type != StepTypes.Assess))
                i = i with { State = i.State with { Outcome = "completed" } };
            var action = step.Action ?? "export";
            var connectors = context.Connectors.Where(c => c.Actions.Contains(action)).ToList();
            if (connectors.Count == 0)
            {
                Journal(new FanOutSkippedEntry(step.Id, action, "no connector of this organisation supports the action"));
                return Next(i);
            }
            var existing = i.State.Tasks.Where(t => t.StepId == step.Id).ToDictionary(t => t.Connector);
            var tasks = i.State.Tasks.Where(t => t.StepId != step.Id).ToList();
            var sent = new List<string>();
            foreach (var connector in connectors)
            {
                var task = existing.GetValueOrDefault(connector.Name)
                    ?? new ConnectorTask(
                        DeterministicId.From(i.RequestId.ToString(), step.Id, connector.Name),
                        step.Id, connector.Name, action, ConnectorTaskStatus.Sent, null)
                    { Kind = connector.Kind, UpdatedAt = context.Now, SentAt = context.Now };
                if (task.Status == ConnectorTaskStatus.Sent)
                {
                    Send(i, task);
                    sent.Add(connector.Name);
                }
                tasks.Add(task);
            }
            Journal(new FanOutEntry(
                step.Id, action, sent, [.. connectors.Where(c => c.Kind == ConnectorKinds.Manual).Select(c => c.Name)]));
            return Wait(i with { State = i.State with { Tasks = tasks } }, Bookmarks.Connectors);
        }

        // The command (nothing goes out for a manual connector: a person does it) and the task's own timeout.
        private void Send(WorkflowInstance i, ConnectorTask task)
        {
            var attempt = task.Attempt.ToString(CultureInfo.InvariantCulture);
            Effects.Add(new Effect.SendToConnector(DeterministicId.From(task.TaskId.ToString(), attempt), task.Connector,
                new ConnectorCommand(i.RequestId, task.TaskId, task.Action, task.TaskId.ToString("N"), task.Attempt, task.Kind)
                {
                    Keep = task.Action == "erase" ? KeepFor(i, task.Connector) : [],
                }));
            Effects.Add(new Effect.ScheduleTimer(
                TimerKinds.TaskTimeout, task.TaskId.ToString("N"), context.Now.AddHours(TimeoutHours(task))));
        }

        // GDPR Art. 17(3): what an erase command tells this system to keep: the partial assessment's exemptions for it (or
        // for every system), then the legal holds in force that cover it.
        private IReadOnlyList<KeepInstruction> KeepFor(WorkflowInstance i, string connector) =>
        [
            .. i.State.Keep.Where(k => k.System is null || k.System == connector)
                .Select(k => new KeepInstruction(k.Category, k.LegalBasis, null, KeepInstruction.Assessment)),
            .. context.LegalHolds.Where(h => h.Covers(connector))
                .Select(h => new KeepInstruction(h.Category, h.LegalBasis, h.Until, KeepInstruction.LegalHold)),
        ];

        // An erasure's kept data against what the system was told to keep: a category kept on no exemption and no hold is
        // journaled for the reviewer (the connector's own basis may still be right; a person checks it before the letter).
        private void Reconcile(WorkflowInstance i, ConnectorTask task, IReadOnlyList<RetainedItem> retained)
        {
            if (task.Action != "erase" || retained.Count == 0)
                return;
            var told = KeepFor(i, task.Connector).Select(k => k.Category).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var beyond = retained.Select(r => r.Category).Where(c => !told.Contains(c)).Distinct().ToList();
            if (beyond.Count > 0)
                Journal(new KeptBeyondInstructionsEntry(task.Connector, beyond));
        }

        // The step's own timeout, else the connector's; 168 h when the connector is no longer registered.
        private int TimeoutHours(ConnectorTask task)
        {
            var step = definition.Steps.FirstOrDefault(s => s.Id == task.StepId);
            return step?.TimeoutHours ?? context.Connectors.FirstOrDefault(c => c.Name == task.Connector)?.TimeoutHours ?? 168;
        }

        private void CancelTaskTimers(ConnectorTask task)
        {
            Effects.Add(new Effect.CancelTimers(TimerKinds.TaskTimeout, task.TaskId.ToString("N")));
            Effects.Add(new Effect.CancelTimers(TimerKinds.TaskRetry, task.TaskId.ToString("N")));
        }

        // After a task changed: wait for the rest, stop for a person when one failed, or move on.
        private WorkflowInstance Settle(WorkflowInstance i)
        {
            var stepId = definition.Steps[i.StepIndex].Id;
            var mine = i.State.Tasks.Where(t => t.StepId == stepId).ToList();
            if (!mine.All(t => t.IsTerminal))
                return i.Status == InstanceStatus.NeedsAttention ? Wait(i with { LastError = null }, Bookmarks.Connectors) : i;
            Effects.Add(new Effect.CancelTimers(TimerKinds.FanOutTimeout, stepId));
            var stuck = mine
                .Where(t => ConnectorTaskStatus.NeedsAttention.Contains(t.Status))
                .Select(t => $"{t.Connector} ({t.Status})")
                .ToList();
            if (stuck.Count == 0)
            {
                Journal(new FanOutCompletedEntry(stepId, [.. mine.Select(t => new JournaledOutcome(t.Connector, t.EffectiveOutcome))]));
                return Next(i);
            }
            var error = $"Needs a person: {string.Join(", ", stuck)}. Retry, complete by hand with a note, or skip.";
            return i.Status == InstanceStatus.NeedsAttention ? i with { LastError = error } : Attention(i, error);
        }

        // The step's own timeout, which only instances from before per-task timeouts still have: every task not yet
        // answered times out at once.
        private WorkflowInstance FanOutTimedOut(WorkflowInstance i, Signal.TimerFired timer)
        {
            var tasks = i.State.Tasks
                .Select(t => t.StepId == timer.StepId && !t.IsTerminal ? t with { Status = ConnectorTaskStatus.TimedOut } : t)
                .ToList();
            var late = tasks
                .Where(t => t.Status == ConnectorTaskStatus.TimedOut && t.StepId == timer.StepId)
                .Select(t => t.Connector)
                .ToList();
            Journal(new FanOutTimedOutEntry(timer.StepId, late));
            return Attention(i with { State = i.State with { Tasks = tasks } }, $"No answer from {string.Join(", ", late)} in time.");
        }

        private bool AtFanOut(WorkflowInstance i) =>
            (i.WaitingFor == Bookmarks.Connectors || i.Status == InstanceStatus.NeedsAttention)
            && i.StepIndex < definition.Steps.Count && definition.Steps[i.StepIndex].Type == StepTypes.FanOut;

        private ConnectorTask? CurrentTask(WorkflowInstance i, Guid taskId) =>
            i.State.Tasks.FirstOrDefault(t => t.TaskId == taskId && t.StepId == definition.Steps[i.StepIndex].Id);

        private static WorkflowInstance Replace(WorkflowInstance i, ConnectorTask task) =>
            i with { State = i.State with { Tasks = i.State.Tasks.Select(t => t.TaskId == task.TaskId ? task : t).ToList() } };
    }
}
