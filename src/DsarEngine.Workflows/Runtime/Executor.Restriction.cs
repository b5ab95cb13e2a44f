using DsarEngine.Workflows.Journal.Entries;

namespace DsarEngine.Workflows.Runtime;

// Lifting a restriction (GDPR Art. 18(3)): its own signal on a restriction that was carried out and closed. The subject
// is told first (e-mail, and the letter beside it); the lift commands go out only when the timer set for LiftAt fires,
// so no system lifts anything before the notice is on its way. Each system's answer is recorded on the closed instance.
internal static partial class Executor
{
    public const string LiftStep = "lift-restriction";

    // The slug of a lift refused because there is no carried-out restriction to lift, or one is already being lifted.
    public const string NotLiftable = "not-liftable";

    private sealed partial class Run
    {
        private WorkflowInstance LiftRestriction(WorkflowInstance i, Signal.LiftRestriction lift)
        {
            if (context.Right != "restriction" || i.State.Outcome is not ("completed" or "partial"))
                return Refuse(i, NotLiftable, "Only a restriction that was carried out and closed can be lifted.");
            if (i.State.LiftAt is not null)
                return Refuse(i, NotLiftable, "This restriction is already being lifted.");
            var liftIso = lift.LiftAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
            var model = new Dictionary<string, string>
            {
                ["reference"] = context.Reference, ["reason"] = lift.Reason, ["liftAtIso"] = liftIso,
            };
            Effects.Add(new Effect.Mail(Mail.MailTemplates.RestrictionLiftNotice, model));
            Effects.Add(new Effect.RenderNoticeLetter(
                DeterministicId.From(i.RequestId.ToString(), LiftStep, "notice"), Notices.RestrictionLift, model));
            Effects.Add(new Effect.ScheduleTimer(TimerKinds.RestrictionLift, LiftStep, lift.LiftAt));
            Journal(new RestrictionLiftNoticedEntry(lift.Reason, lift.LiftAt));
            return i with { State = i.State with { LiftAt = lift.LiftAt } };
        }

        // The notice went out before: now every connector that can lift a restriction gets its command.
        private WorkflowInstance LiftNow(WorkflowInstance i)
        {
            if (i.State.LiftAt is null || i.State.Tasks.Any(t => t.StepId == LiftStep))
                return i;
            var connectors = context.Connectors.Where(c => c.Actions.Contains("lift-restriction")).ToList();
            var tasks = i.State.Tasks.ToList();
            foreach (var connector in connectors)
            {
                var task = new ConnectorTask(DeterministicId.From(i.RequestId.ToString(), LiftStep, connector.Name),
                    LiftStep, connector.Name, "lift-restriction", ConnectorTaskStatus.Sent, null)
                { Kind = connector.Kind, UpdatedAt = context.Now, SentAt = context.Now };
                if (connector.Kind != ConnectorKinds.Manual)
                    Send(i, task);
                tasks.Add(task);
            }
            Journal(new RestrictionLiftSentEntry(
                [.. connectors.Where(c => c.Kind != ConnectorKinds.Manual).Select(c => c.Name)],
                [.. connectors.Where(c => c.Kind == ConnectorKinds.Manual).Select(c => c.Name)]));
            return i with { State = i.State with { Tasks = tasks } };
        }

        private WorkflowInstance LiftAnswered(WorkflowInstance i, Guid taskId, string outcome, string summary, string? connector)
        {
            var task = i.State.Tasks.FirstOrDefault(t => t.TaskId == taskId && t.StepId == LiftStep);
            if (task is null || (connector is not null && connector != task.Connector)
                || ConnectorTaskStatus.Answered.Contains(task.Status))
                return i;
            CancelTaskTimers(task);
            Journal(new RestrictionLiftAnsweredEntry(task.Connector, outcome, summary));
            return Replace(i, task with { Status = outcome, Detail = summary, UpdatedAt = context.Now });
        }

        private static bool IsLiftTask(WorkflowInstance i, Guid taskId) =>
            i.State.Tasks.Any(t => t.TaskId == taskId && t.StepId == LiftStep);
    }
}
