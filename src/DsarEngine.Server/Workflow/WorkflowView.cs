using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Server.Workflow;

internal sealed record WorkflowView(string Definition, int StepIndex, string Status, string? WaitingFor, string? Outcome,
    string[] Exemptions, TaskView[] Tasks, int Attempts, string? LastError, int Version)
{
    // GDPR Art. 17(3): a partial erasure's kept categories; Art. 18(3): when a restriction is lifted, once notified.
    public ErasureExemption[] Keep { get; init; } = [];

    public DateTimeOffset? LiftAt { get; init; }

    public static WorkflowView From(WorkflowInstance i) => new($"{i.DefinitionId}@{i.DefinitionVersion}", i.StepIndex, i.Status,
        i.WaitingFor, i.State.Outcome, [.. i.State.Exemptions],
        i.State.Tasks.Select(TaskView.From).ToArray(),
        i.Attempts, i.LastError, i.Version) { Keep = [.. i.State.Keep], LiftAt = i.State.LiftAt };
}

// One connector task as staff see it. Outcome is the connector's, or the person's for completed-manually.
internal sealed record TaskView(Guid TaskId, string Step, string Connector, string Kind, string Action, string Status, string Outcome,
    string? Detail, int Attempt, RetainedItem[] Retained, string[] Recipients, ExportSummary? Export, string? Note,
    DateTimeOffset? UpdatedAt)
{
    public static TaskView From(ConnectorTask t) => new(t.TaskId, t.StepId, t.Connector, t.Kind, t.Action, t.Status, t.EffectiveOutcome,
        t.Detail, t.Attempt, [.. t.Retained], [.. t.Recipients],
        t.Export is { } e ? new ExportSummary(e.ExportId, e.Records, e.Bytes, e.Sha256, [.. e.Categories])
        {
            Files = [.. e.Files.Select(f => new FileSummary(f.FileId, f.Name, f.MediaType, f.Bytes, f.Sha256))],
        } : null,
        t.Note, t.UpdatedAt);
}

internal sealed record ExportSummary(Guid ExportId, int Records, long Bytes, string Sha256, string[] Categories)
{
    // GDPR Art. 15(3): the files that came with the export (photos, call recordings), as staff see them in the task.
    public FileSummary[] Files { get; init; } = [];
}

internal sealed record FileSummary(Guid FileId, string Name, string MediaType, long Bytes, string Sha256);
