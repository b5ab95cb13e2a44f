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
        var (manifest, chunks) = ExportUpload.Prepare(task, document);
        if (exportId is { } id)
            (manifest, chunks) = (manifest with { ExportId = id },
                [.. chunks.Select(c => c.ExportId == manifest.ExportId ? c with { ExportId = id } : c)]);
        return (chunks, Completed(task, result, manifest));
    }

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
