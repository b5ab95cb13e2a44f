using DsarEngine.Server.Requests;
using DsarEngine.Server.Workflow;
using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Server.Connectors;

// What people do with a connector task, for the staff API and the inbox alike: complete it by hand (storing the export
// they gathered first, and dropping it again if the workflow does not take the completion).
internal sealed class TaskCommands(WorkflowService workflows, ExportStore exports, TimeProvider clock)
{
    public async Task<WorkflowCommandResult> CompleteAsync(StoredRequest request, Guid taskId, CheckedCompletion completion, string actor,
        CancellationToken ct, int? expectedVersion = null)
    {
        var export = completion.Export is { } document
            ? await exports.StoreDocumentAsync(request.TenantId, request.Id, taskId, document.Bytes, document.Records, document.Categories,
                clock.GetUtcNow(), ct)
            : null;
        var signal = new Signal.TaskCompletedManually(taskId, completion.Outcome, completion.Note, completion.Retained, export, actor);
        var result = await workflows.SendAsync(request, signal, ct, expectedVersion);
        if (result.Status != WorkflowCommandStatus.Applied && export is not null)
            await exports.DeleteAsync(request.Id, export.ExportId, ct);
        return result;
    }
}
