using DsarEngine.Connectors.Contracts;
using DsarEngine.Workflows.Runtime;

namespace DsarEngine.Server.Connectors;

// What a connector's "done" means to the workflow once its export is checked: the task completed with its document, or
// failed because the document is incomplete, corrupt or too large. An incomplete export before the last try throws,
// so that the bus retries the reply: chunks are published before it but may be consumed after it.
internal sealed partial class CompletedReplies(ExportStore exports, ExportLimits limits)
{
    public async Task<Signal> SignalAsync(ConnectorTaskCompleted reply, bool lastTry, CancellationToken ct)
    {
        var task = reply.Task;
        ExportRef? export = null;
        if (reply.Export is { } manifest)
        {
            switch (await exports.CheckAsync(task.RequestId, manifest, ct))
            {
                case ExportCheck.Incomplete when !lastTry:
                    throw new ExportIncompleteException(manifest.ExportId);
                case ExportCheck.Incomplete:
                    // The last try: chunks that never came will not come. The task is asked again (the SDK exports anew)
                    // instead of the reply ending in an error queue while the request waits for its timeout (review M5).
                    return new Signal.TaskFailed(task.TaskId, true, "export-incomplete",
                        "Part of the exported document never arrived; it will be requested again.", task.Attempt);
                case ExportCheck.TooLarge:
                    return new Signal.TaskFailed(task.TaskId, false, "export-too-large",
                        "The exported document is larger than this engine accepts (Dsar:Connectors:Exports:MaxBytes); " +
                        "a person must settle this task.",
                        task.Attempt);
                case ExportCheck.Corrupt:
                    return new Signal.TaskFailed(task.TaskId, true, "export-corrupt",
                        "The exported document does not match its digest; it will be requested again.", task.Attempt);
            }
            if (await FilesAsync(task, manifest, lastTry, ct) is { } refused)
                return refused;
            export = new ExportRef(
                manifest.ExportId, manifest.Bytes, manifest.Sha256.ToLowerInvariant(), manifest.Records, manifest.Categories)
            {
                Files = [.. (manifest.Files ?? []).Select(f => new ExportFileRef(f.FileId, f.Name, f.MediaType, f.Bytes,
                    f.Sha256.ToLowerInvariant(), f.Category)
                {
                    Scope = new Workflows.Packs.PortabilityScope.Facts(f.LegalBasis, f.Origin, f.Automated, f.ConcernsOthers),
                })],
            };
        }
        return new Signal.TaskCompleted(task.TaskId, reply.Outcome, reply.Summary,
            reply.Retained.Select(r => new RetainedItem(r.Category, r.LegalBasis, r.RetainUntil)).ToList(), reply.Recipients, export);
    }
}

internal sealed class ExportIncompleteException(Guid exportId) : Exception($"Export {exportId} is not complete yet.");
