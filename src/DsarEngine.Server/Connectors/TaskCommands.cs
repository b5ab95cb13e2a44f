using DsarEngine.Server.Requests;
using DsarEngine.Server.Workflow;
using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Server.Connectors;

// What people do with a connector task, for the staff API and the inbox alike: complete it by hand (storing the export
// they gathered first, each of its files under its own id, and dropping them again if the workflow does not take the
// completion).
internal sealed class TaskCommands(WorkflowService workflows, ExportStore exports, TimeProvider clock)
{
    public async Task<WorkflowCommandResult> CompleteAsync(StoredRequest request, Guid taskId, CheckedCompletion completion, string actor,
        CancellationToken ct, int? expectedVersion = null)
    {
        var export = completion.Export is { } document
            ? await exports.StoreDocumentAsync(request.TenantId, request.Id, taskId, document.Bytes, document.Records, document.Categories,
                clock.GetUtcNow(), ct)
            : null;
        if (export is not null && completion.Export!.Files.Count > 0)
        {
            var files = new List<ExportFileRef>();
            foreach (var file in completion.Export.Files)
            {
                var stored = await exports.StoreDocumentAsync(
                    request.TenantId, request.Id, taskId, file.Content!, 0, [], clock.GetUtcNow(), ct);
                files.Add(new ExportFileRef(stored.ExportId, file.Name!, file.MediaType!, stored.Bytes, stored.Sha256, file.Category)
                {
                    Scope = new Workflows.Packs.PortabilityScope.Facts(file.LegalBasis, file.Origin, null, file.ConcernsOthers),
                });
            }
            export = export with { Files = files };
        }
        var signal = new Signal.TaskCompletedManually(taskId, completion.Outcome, completion.Note, completion.Retained, export, actor);
        var result = await workflows.SendAsync(request, signal, ct, expectedVersion);
        if (result.Status != WorkflowCommandStatus.Applied && export is not null)
            foreach (var id in export.Files.Select(f => f.FileId).Prepend(export.ExportId))
                await exports.DeleteAsync(request.Id, id, ct);
        return result;
    }
}
