using DsarEngine.Connectors.Contracts;
using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Server.Connectors;

// The files of an export (ExportManifest.Files), once the document itself is complete and sound. A refused export changes
// nothing: its document and files are deleted from the store and the task fails, so no part of it reaches a pack.
internal sealed partial class CompletedReplies
{
    private async Task<Signal?> FilesAsync(TaskReference task, ExportManifest manifest, bool lastTry, CancellationToken ct)
    {
        if (ExportFileChecks.Refusal(manifest, limits) is { } refusal)
        {
            // Chunks may be consumed after the reply: wait for those still on their way, so that the deletion gets them
            // all (unless some were declared past the limit: those are never stored, there is nothing to wait for).
            if (!lastTry && (manifest.Files ?? []).All(f => f is not null && f.Chunks >= 1 && f.Chunks <= limits.MaxChunks)
                && !await exports.AllHereAsync(task.RequestId, manifest, ct))
                throw new ExportIncompleteException(manifest.ExportId);
            await exports.DeleteExportAsync(task.RequestId, manifest, ct);
            return new Signal.TaskFailed(task.TaskId, false, refusal.Code, refusal.Reason, task.Attempt);
        }
        var files = manifest.Files ?? [];
        for (var i = 0; i < files.Count; i++)
            switch (await exports.CheckAsync(task.RequestId, ExportFileChecks.AsManifest(files[i]), ct))
            {
                case ExportCheck.Incomplete when !lastTry:
                    throw new ExportIncompleteException(files[i].FileId);
                case ExportCheck.Incomplete:
                    await exports.DeleteExportAsync(task.RequestId, manifest, ct);
                    return new Signal.TaskFailed(task.TaskId, true, "export-incomplete",
                        $"Part of exported file {i + 1} of {files.Count} never arrived; the export will be requested again.", task.Attempt);
                case ExportCheck.TooLarge or ExportCheck.Corrupt:
                    // A wrong digest: the bytes are not the file the connector described. Asked again (the SDK exports anew).
                    await exports.DeleteExportAsync(task.RequestId, manifest, ct);
                    return new Signal.TaskFailed(task.TaskId, true, "export-file-corrupt",
                        $"Exported file {i + 1} of {files.Count} does not match its size or SHA-256; the export will be " +
                        "requested again.", task.Attempt);
            }
        return null;
    }
}
