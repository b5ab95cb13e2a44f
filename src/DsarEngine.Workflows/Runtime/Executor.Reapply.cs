using DsarEngine.Workflows.Journal.Entries;

namespace DsarEngine.Workflows.Runtime;

// A restored backup can bring back what an erasure removed: the copy was taken before the erase command reached the system.
// Backups age out on their own (the register's backupAgeOutDays, stated in the erasure letter), but a system restored from
// one in the meantime has the data in production again. So the organisation records the restore (BackupRestores) and
// every closed request whose erasure that system carried out after the backup was taken sends the same erase command
// again: the same exemptions, and the legal holds in force now. Each answer is journaled on the request; nothing reopens.
internal static partial class Executor
{
    public const string ReapplyStep = "reapply-erasure";

    // The slug of a re-application refused: the request erased nothing in that system, or is not closed yet.
    public const string NotReapplicable = "not-reapplicable";

    private sealed partial class Run
    {
        private WorkflowInstance ReapplyErasure(WorkflowInstance i, Signal.ReapplyErasure reapply)
        {
            var erased = i.State.Tasks.Where(t => t.StepId != ReapplyStep && t.Action == "erase" && t.Connector == reapply.RestoredConnector
                && ConnectorTaskStatus.Answered.Contains(t.Status)).ToList();
            if (erased.Count == 0)
                return Refuse(i, NotReapplicable, $"This request erased nothing in {reapply.RestoredConnector}.");
            // Carried out before the backup was taken: the backup does not hold the data. An answer without a time (older
            // instances) counts as after: sending an erase command twice does no harm; missing one does.
            if (erased.All(t => t.UpdatedAt is { } at && at < reapply.BackupTakenAt))
                return i;
            var taskId = DeterministicId.From(i.RequestId.ToString(), ReapplyStep, reapply.RestoreId.ToString());
            if (i.State.Tasks.Any(t => t.TaskId == taskId))
                return i;
            // The connector as registered now; one since removed is asked by hand.
            var kind = context.Connectors.FirstOrDefault(c => c.Name == reapply.RestoredConnector)?.Kind ?? ConnectorKinds.Manual;
            var task = new ConnectorTask(taskId, ReapplyStep, reapply.RestoredConnector, "erase", ConnectorTaskStatus.Sent, null)
            {
                Kind = kind, UpdatedAt = context.Now, SentAt = context.Now,
            };
            if (kind != ConnectorKinds.Manual)
                Send(i, task);
            Journal(new ErasureReappliedEntry(
                reapply.RestoredConnector, reapply.BackupTakenAt, reapply.RestoreId, kind == ConnectorKinds.Manual));
            return i with { State = i.State with { Tasks = [.. i.State.Tasks, task] } };
        }

        private WorkflowInstance ReapplyAnswered(WorkflowInstance i, Guid taskId, string outcome, string summary, string? connector)
        {
            var task = i.State.Tasks.FirstOrDefault(t => t.TaskId == taskId && t.StepId == ReapplyStep);
            if (task is null || (connector is not null && connector != task.Connector)
                || ConnectorTaskStatus.Answered.Contains(task.Status))
                return i;
            CancelTaskTimers(task);
            Journal(new ErasureReapplyAnsweredEntry(task.Connector, outcome, summary));
            return Replace(i, task with { Status = outcome, Detail = summary, UpdatedAt = context.Now });
        }

        // No answer in the connector's time: recorded as such, never as done (a person completes it by hand or records the
        // restore again).
        private WorkflowInstance ReapplyTimedOut(WorkflowInstance i, string timerStep)
        {
            var task = i.State.Tasks.First(t => t.StepId == ReapplyStep && t.TaskId.ToString("N") == timerStep);
            const string summary = "No answer in time.";
            Journal(new ErasureReapplyAnsweredEntry(task.Connector, ConnectorTaskStatus.TimedOut, summary));
            return Replace(i, task with { Status = ConnectorTaskStatus.TimedOut, Detail = summary, UpdatedAt = context.Now });
        }

        private static bool IsReapplyTask(WorkflowInstance i, Guid taskId) =>
            i.State.Tasks.Any(t => t.TaskId == taskId && t.StepId == ReapplyStep);

        private static bool IsReapplyTimer(WorkflowInstance i, string? timerStep) =>
            i.State.Tasks.Any(t => t.StepId == ReapplyStep && t.TaskId.ToString("N") == timerStep
                && t.Status is ConnectorTaskStatus.Sent or ConnectorTaskStatus.Acknowledged);
    }
}
