using DsarEngine.Workflows.Definitions;

namespace DsarEngine.Workflows.Runtime;

internal static partial class Executor
{
    private sealed partial class Run
    {
        private WorkflowInstance Decide(WorkflowInstance i, Signal.Decision d)
        {
            var step = definition.Steps[i.StepIndex];
            Journal("decided", new { step = step.Id, d.Outcome, d.Reason, d.Exemptions });
            if (step.Type == StepTypes.Assess)
            {
                switch (d.Outcome)
                {
                    case Decisions.Proceed:
                        return Next(i with { State = i.State with { Outcome = "completed" } });
                    case Decisions.Partial:
                        return Next(i with { State = i.State with { Outcome = "partial", Exemptions = d.Exemptions } });
                    case Decisions.Refuse:
                        // GDPR Art. 12(4): the subject is told without delay why, and of the right to complain.
                        Effects.Add(new Effect.Mail(Mail.MailTemplates.RequestRefused, new Dictionary<string, string>
                        {
                            ["reference"] = context.Reference, ["reason"] = d.Reason ?? "",
                        }));
                        return JumpToClose(i with { State = i.State with { Outcome = "refused", RefusalReason = d.Reason } });
                }
            }
            else if (step.Type == StepTypes.Review)
            {
                if (d.Outcome == Decisions.Approve)
                    return Next(i);
                if (d.Outcome == Decisions.Reject)
                    return Attention(i, $"Review rejected: {d.Reason}");
            }
            return i;
        }

        private WorkflowInstance Replied(WorkflowInstance i, Signal.ConnectorReplied reply)
        {
            var task = i.State.Tasks.FirstOrDefault(t => t.TaskId == reply.TaskId);
            var status = reply.Outcome switch
            {
                "acknowledged" or "progress" => ConnectorTaskStatus.Acknowledged,
                "done" => ConnectorTaskStatus.Done,
                "partial" => ConnectorTaskStatus.Partial,
                "not-found" => ConnectorTaskStatus.NotFound,
                "failed" => ConnectorTaskStatus.Failed,
                _ => null,
            };
            // Unknown task, a reply for a task already finished, or an outcome we do not know: nothing changes.
            if (task is null || task.IsTerminal || status is null || (status == ConnectorTaskStatus.Acknowledged && task.Status == ConnectorTaskStatus.Acknowledged))
                return i;
            Journal("connector-replied", new { task.Connector, task.Action, outcome = status, detail = reply.Detail });
            var tasks = i.State.Tasks.Select(t => t.TaskId == task.TaskId ? t with { Status = status, Detail = reply.Detail } : t).ToList();
            var next = i with { State = i.State with { Tasks = tasks } };
            var stepId = definition.Steps[i.StepIndex].Id;
            var mine = tasks.Where(t => t.StepId == stepId).ToList();
            if (!mine.All(t => t.IsTerminal))
                return next;
            Effects.Add(new Effect.CancelTimers(TimerKinds.FanOutTimeout, stepId));
            var failed = mine.Where(t => ConnectorTaskStatus.NeedsAttention.Contains(t.Status)).Select(t => t.Connector).ToList();
            return failed.Count > 0 ? Attention(next, $"Connector(s) failed: {string.Join(", ", failed)}.") : Next(next);
        }
    }
}
