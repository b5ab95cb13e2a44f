using DsarEngine.Connectors.Contracts;
using DsarEngine.Workflows.Connectors;
using DsarEngine.Workflows.Persistence.Runtime;
using DsarEngine.Workflows.Runtime;
using MassTransit;

namespace DsarEngine.Server.Connectors;

// Connector replies become signals, deduplicated by message id in the signal's own transaction. A reply that
// fails the checks (ReplyChecks) is logged with its task id and changes nothing; a reply the workflow does not
// expect (unknown task, already answered, another connector's task) changes nothing either.
internal sealed class ConnectorReplyConsumer(SignalProcessor processor, ExportStore exports, ILogger<ConnectorReplyConsumer> log) :
    IConsumer<ConnectorTaskCompleted>, IConsumer<ConnectorTaskFailed>, IConsumer<ConnectorTaskProgressed>
{
    public const string Name = "connector-replies";

    public async Task Consume(ConsumeContext<ConnectorTaskCompleted> context)
    {
        var reply = context.Message;
        if (ReplyChecks.Problems(reply) is { Count: > 0 } problems)
        {
            log.LogWarning("Refused the reply of {Connector} for task {TaskId}: {Problems}", reply.Task.Connector, reply.Task.TaskId, string.Join("; ", problems));
            return;
        }
        ExportRef? export = null;
        if (reply.Export is { } manifest)
        {
            switch (await exports.CheckAsync(reply.Task.RequestId, manifest, context.CancellationToken))
            {
                case ExportCheck.Incomplete when !await exports.KnowsRequestAsync(reply.Task.RequestId, reply.Task.Tenant, context.CancellationToken):
                    // Not this engine's request (a shared broker): its chunks were never stored, so waiting would be futile.
                    log.LogInformation("Ignored the export reply of task {TaskId}: the request is not this engine's", reply.Task.TaskId);
                    return;
                case ExportCheck.Incomplete:
                    // Chunks are published before the reply but may be consumed after it: MassTransit retries this.
                    throw new ExportIncompleteException(manifest.ExportId);
                case ExportCheck.Corrupt:
                    await SignalAsync(context, reply.Task, new Signal.TaskFailed(reply.Task.TaskId, true, "export-corrupt",
                        "The exported document does not match its digest; it will be requested again.", reply.Task.Attempt));
                    return;
            }
            export = new ExportRef(manifest.ExportId, manifest.Bytes, manifest.Sha256.ToLowerInvariant(), manifest.Records, manifest.Categories);
        }
        await SignalAsync(context, reply.Task, new Signal.TaskCompleted(reply.Task.TaskId, reply.Outcome, reply.Summary,
            reply.Retained.Select(r => new RetainedItem(r.Category, r.LegalBasis, r.RetainUntil)).ToList(), reply.Recipients, export));
    }

    public Task Consume(ConsumeContext<ConnectorTaskFailed> context)
    {
        var reply = context.Message;
        if (ReplyChecks.Problems(reply) is { Count: > 0 } problems)
        {
            log.LogWarning("Refused the failure of {Connector} for task {TaskId}: {Problems}", reply.Task.Connector, reply.Task.TaskId, string.Join("; ", problems));
            return Task.CompletedTask;
        }
        return SignalAsync(context, reply.Task, new Signal.TaskFailed(reply.Task.TaskId, reply.Retryable, reply.Code, reply.Reason, reply.Task.Attempt));
    }

    public Task Consume(ConsumeContext<ConnectorTaskProgressed> context) =>
        SignalAsync(context, context.Message.Task, new Signal.TaskProgressed(context.Message.Task.TaskId, Truncate(context.Message.Stage, 60), context.Message.Task.Attempt));

    private async Task SignalAsync(ConsumeContext context, TaskReference task, Signal signal)
    {
        if (context.MessageId is not { } messageId)
        {
            log.LogWarning("Ignored a connector reply without a message id for task {TaskId}", task.TaskId);
            return;
        }
        var result = await processor.ProcessAsync(task.RequestId, signal with { Connector = task.Connector }, new SignalSource(Name, messageId), context.CancellationToken);
        if (result.Result is SignalResult.NotFound or SignalResult.Unchanged)
            log.LogInformation("Connector reply {MessageId} for task {TaskId} changed nothing ({Result})", messageId, task.TaskId, result.Result);
    }

    private static string Truncate(string? value, int max) => value is null ? "" : value.Length <= max ? value : value[..max];
}

internal sealed class ExportIncompleteException(Guid exportId) : Exception($"Export {exportId} is not complete yet.");
