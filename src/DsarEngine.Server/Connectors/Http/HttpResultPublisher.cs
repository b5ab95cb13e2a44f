using DsarEngine.Connectors;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Workflows.Runtime;
using MassTransit;

namespace DsarEngine.Server.Connectors.Http;

// Turns an HTTP connector's answer into the replies a bus connector sends, so the engine has one reply path.
internal static class HttpResultPublisher
{
    // The export chunks (if any) and the final reply for one answer. Given an export id, the chunks carry it (a
    // callback's, derived from its task and attempt, so a replay names the same chunks); otherwise a fresh one.
    public static (IReadOnlyList<ExportChunkUploaded> Chunks, object Reply) Replies(
        TaskReference task, HttpTaskResult result, Guid? exportId = null)
    {
        if (result.Failure is { } f)
            return ([], new ConnectorTaskFailed(task, f.Retryable, Clip(f.Code, 60), Clip(f.Reason, 2000)));
        if (result.Outcome is null || !TaskOutcomes.All.Contains(result.Outcome) || string.IsNullOrWhiteSpace(result.Summary))
            return ([], new ConnectorTaskFailed(task, false, "bad-response",
                $"The connector's answer needs an outcome ({string.Join(", ", TaskOutcomes.All)}) and a summary, or a failure."));
        if (result.Export is not { } document)
            return ([], Completed(task, result, null));
        // Every list is the connector's to fill: a missing or null one is a bad answer, not a crash of the adapter or the
        // callback endpoint (found by the hostile-input harness).
        if (Malformed(document, result.Files))
            return ([], new ConnectorTaskFailed(task, false, "bad-response",
                "The export needs its categories, each with a category name and its records, and no empty file entry."));
        // GDPR Art. 15(3): the files sent inline travel on as a bus connector's do, under the same rules (ExportFileRules).
        var files = result.Files ?? [];
        for (var i = 0; i < files.Count; i++)
            if ((files[i] is null ? "the file is not described" : files[i].Content is null ? "a file needs its content (base64)"
                : ExportFileRules.NameProblem(files[i].Name) ?? ExportFileRules.MediaTypeProblem(files[i].MediaType)) is { } problem)
                return ([], new ConnectorTaskFailed(task, false, "export-file-refused",
                    $"File {i + 1} of {files.Count} was refused: {problem}. A person must settle this task."));
        var (manifest, chunks) = ExportUpload.Prepare(task, document with { Files = files });
        if (exportId is { } id)
        {
            // A replay names the same chunks: the document's id is the callback's, each file's derived from it.
            var ids = manifest.Files.Select((f, i) => (f.FileId, New: DeterministicId.From(id.ToString(), "file", $"{i}")))
                .Append((manifest.ExportId, id)).ToDictionary(p => p.Item1, p => p.Item2);
            (manifest, chunks) = (manifest with
            {
                ExportId = id, Files = [.. manifest.Files.Select(f => f with { FileId = ids[f.FileId] })],
            }, [.. chunks.Select(c => c with { ExportId = ids[c.ExportId] })]);
        }
        return (chunks, Completed(task, result, manifest));
    }

    private static bool Malformed(ExportDocument document, IReadOnlyList<ExportedFile>? files) =>
        document.Categories is null
        || document.Categories.Any(c => c?.Category is null || c.Records is null || c.Records.Any(r => r is null))
        || (files?.Any(f => f is null) ?? false);

    // The ids of a callback's reply and export: one per connector, task and attempt, whatever the body says.
    public static (Guid Reply, Guid Export) CallbackIds(TaskReference task) => (
        DeterministicId.From("http-callback", task.Tenant, task.Connector, task.TaskId.ToString(),
            task.Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture), "reply"),
        DeterministicId.From("http-callback", task.Tenant, task.Connector, task.TaskId.ToString(),
            task.Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture), "export"));

    public static async Task PublishAsync(ISendEndpoint bus, TaskReference task, HttpTaskResult result, CancellationToken ct)
    {
        var (chunks, reply) = Replies(task, result);
        foreach (var chunk in chunks)
            await bus.Send(chunk, ct);
        await bus.Send(reply, reply.GetType(), ct);
    }

    public static Task FailAsync(ISendEndpoint bus, TaskReference task, bool retryable, string code, string reason, CancellationToken ct) =>
        bus.Send(new ConnectorTaskFailed(task, retryable, code, reason), ct);

    private static ConnectorTaskCompleted Completed(TaskReference task, HttpTaskResult result, ExportManifest? manifest) =>
        new(task, result.Outcome!, result.Summary!, result.Retained ?? [], result.Recipients ?? [], manifest);

    private static string Clip(string? value, int max) =>
        string.IsNullOrWhiteSpace(value) ? "unspecified" : value.Length <= max ? value : value[..max];
}
