using DsarEngine.Connectors;
using DsarEngine.Connectors.Contracts;
using MassTransit;

namespace DsarEngine.Server.Connectors.Http;

// Turns an HTTP connector's answer into the replies a bus connector sends, so the engine has one reply path.
internal static class HttpResultPublisher
{
    public static async Task PublishAsync(ISendEndpoint bus, TaskReference task, HttpTaskResult result, CancellationToken ct)
    {
        if (result.Failure is { } f)
        {
            await bus.Send(new ConnectorTaskFailed(task, f.Retryable, Clip(f.Code, 60), Clip(f.Reason, 2000)), ct);
            return;
        }
        if (result.Outcome is null || !TaskOutcomes.All.Contains(result.Outcome) || string.IsNullOrWhiteSpace(result.Summary))
        {
            await FailAsync(bus, task, false, "bad-response", $"The connector's answer needs an outcome ({string.Join(", ", TaskOutcomes.All)}) and a summary, or a failure.", ct);
            return;
        }
        ExportManifest? manifest = null;
        if (result.Export is { } document)
        {
            var (m, chunks) = ExportUpload.Prepare(task, document);
            foreach (var chunk in chunks)
                await bus.Send(chunk, ct);
            manifest = m;
        }
        await bus.Send(new ConnectorTaskCompleted(task, result.Outcome, result.Summary, result.Retained ?? [], result.Recipients ?? [], manifest), ct);
    }

    public static Task FailAsync(ISendEndpoint bus, TaskReference task, bool retryable, string code, string reason, CancellationToken ct) =>
        bus.Send(new ConnectorTaskFailed(task, retryable, code, reason), ct);

    private static string Clip(string? value, int max) => string.IsNullOrWhiteSpace(value) ? "unspecified" : value.Length <= max ? value : value[..max];
}
