using DsarEngine.Workflows.Definitions;

namespace DsarEngine.Workflows.Runtime;

internal static partial class Executor
{
    private sealed partial class Run
    {
        // One task per connector that supports the action; the step waits until every task is terminal or
        // the timeout fires. Ids are derived, so re-entering after a retry resends the same task ids.
        private WorkflowInstance FanOut(WorkflowInstance i, StepDefinition step)
        {
            var action = step.Action ?? "export";
            var connectors = context.Connectors.Where(c => c.Actions.Contains(action)).ToList();
            if (connectors.Count == 0)
            {
                Journal("fan-out-skipped", new { step = step.Id, action, reason = "no connector of this organisation supports the action" });
                return Next(i);
            }
            var existing = i.State.Tasks.Where(t => t.StepId == step.Id).ToDictionary(t => t.Connector);
            var tasks = i.State.Tasks.Where(t => t.StepId != step.Id).ToList();
            var sent = new List<string>();
            foreach (var connector in connectors)
            {
                var task = existing.GetValueOrDefault(connector.Name)
                    ?? new ConnectorTask(DeterministicId.From(i.RequestId.ToString(), step.Id, connector.Name), step.Id, connector.Name, action, ConnectorTaskStatus.Sent, null);
                if (task.Status == ConnectorTaskStatus.Sent)
                {
                    var attempt = i.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    Effects.Add(new Effect.SendToConnector(DeterministicId.From(task.TaskId.ToString(), attempt), connector.Name,
                        new ConnectorCommand(i.RequestId, task.TaskId, action, task.TaskId.ToString("N"), i.Attempts + 1, connector.Kind)));
                    sent.Add(connector.Name);
                }
                tasks.Add(task);
            }
            Effects.Add(new Effect.ScheduleTimer(TimerKinds.FanOutTimeout, step.Id, context.Now.AddHours(FanOutTimeoutHours(step, tasks))));
            Journal("fan-out", new { step = step.Id, action, connectors = sent });
            return Wait(i with { State = i.State with { Tasks = tasks } }, Bookmarks.Connectors);
        }

        // The step's own timeout, else the slowest of the step's connectors; 168 h when none is registered any more.
        private int FanOutTimeoutHours(StepDefinition step, IEnumerable<ConnectorTask> tasks)
        {
            if (step.TimeoutHours is { } hours)
                return hours;
            var names = tasks.Where(t => t.StepId == step.Id).Select(t => t.Connector).ToHashSet(StringComparer.Ordinal);
            var timeouts = context.Connectors.Where(c => names.Contains(c.Name)).Select(c => c.TimeoutHours).ToList();
            return timeouts.Count > 0 ? timeouts.Max() : 168;
        }
    }
}
