using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Server.Apis;

internal sealed record WorkflowView(string Definition, int StepIndex, string Status, string? WaitingFor, string? Outcome,
    string[] Exemptions, TaskView[] Tasks, int Attempts, string? LastError, int Version)
{
    public static WorkflowView From(WorkflowInstance i) => new($"{i.DefinitionId}@{i.DefinitionVersion}", i.StepIndex, i.Status,
        i.WaitingFor, i.State.Outcome, [.. i.State.Exemptions],
        i.State.Tasks.Select(t => new TaskView(t.TaskId, t.StepId, t.Connector, t.Action, t.Status, t.Detail)).ToArray(),
        i.Attempts, i.LastError, i.Version);
}

internal sealed record TaskView(Guid TaskId, string Step, string Connector, string Action, string Status, string? Detail);
