using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.ContractEndings;
using DsarEngine.Server.Workflow;
using DsarEngine.Workflows.Runtime;
using MassTransit;

namespace DsarEngine.Server.Connectors;

// Connector replies become signals, deduplicated by message id in the signal's own transaction. A reply that
// fails the checks (ReplyChecks) is logged with its task id and changes nothing; a reply the workflow does not
// expect (unknown task, already answered, another connector's task) changes nothing either.
internal sealed class ConnectorReplyConsumer(
    SignalProcessor processor, CompletedReplies completed, ReplyGuard guard, ContractEndingService endings,
    ILogger<ConnectorReplyConsumer> log) :
    IConsumer<ConnectorTaskCompleted>, IConsumer<ConnectorTaskFailed>, IConsumer<ConnectorTaskProgressed>
{
    public const string Name = "connector-replies";

    public async Task Consume(ConsumeContext<ConnectorTaskCompleted> context)
    {
        var reply = context.Message;
        if (ReplyChecks.Problems(reply) is { Count: > 0 } problems)
        {
            log.LogWarning("Refused the reply of {Connector} for task {TaskId}: {Problems}",
                reply.Task.Connector, reply.Task.TaskId, string.Join("; ", problems));
            return;
        }
        if (await guard.CheckAsync(context, reply.Task, "a completed reply") != ReplyVerdict.Accepted)
            return;
        var lastTry = context.GetRetryAttempt() >= ConnectorEndpoints.Retries.Length;
        var signal = await completed.SignalAsync(reply, lastTry, context.CancellationToken);
        // A processor's end of contract (whole-customer tasks) is not a request's workflow.
        if (reply.Task.Right == ContractEnding.Right)
            await endings.AnswerAsync(reply.Task, EndingAnswers.From(signal), context.MessageId, Name, context.CancellationToken);
        else
            await SignalAsync(context, reply.Task, signal);
    }

    public async Task Consume(ConsumeContext<ConnectorTaskFailed> context)
    {
        var reply = context.Message;
        if (ReplyChecks.Problems(reply) is { Count: > 0 } problems)
        {
            log.LogWarning("Refused the failure of {Connector} for task {TaskId}: {Problems}",
                reply.Task.Connector, reply.Task.TaskId, string.Join("; ", problems));
            return;
        }
        if (await guard.CheckAsync(context, reply.Task, "a failure") != ReplyVerdict.Accepted)
            return;
        if (reply.Task.Right == ContractEnding.Right)
            await endings.AnswerAsync(reply.Task, EndingAnswers.Failed(reply.Code, reply.Reason), context.MessageId, Name,
                context.CancellationToken);
        else
            await SignalAsync(context, reply.Task,
                new Signal.TaskFailed(reply.Task.TaskId, reply.Retryable, reply.Code, reply.Reason, reply.Task.Attempt));
    }

    public async Task Consume(ConsumeContext<ConnectorTaskProgressed> context)
    {
        if (context.Message.Task is not { } task || ReplyChecks.Problems(task) is { Count: > 0 } || task.Right == ContractEnding.Right)
            return;
        if (await guard.CheckAsync(context, task, "a progress report") == ReplyVerdict.Accepted)
            await SignalAsync(context, task, new Signal.TaskProgressed(task.TaskId, Truncate(context.Message.Stage, 60), task.Attempt));
    }

    private async Task SignalAsync(ConsumeContext context, TaskReference task, Signal signal)
    {
        if (context.MessageId is not { } messageId)
        {
            log.LogWarning("Ignored a connector reply without a message id for task {TaskId}", task.TaskId);
            return;
        }
        var result = await processor.ProcessAsync(
            task.RequestId, signal with { Connector = task.Connector }, new SignalSource(Name, messageId), context.CancellationToken);
        if (result.Result is SignalResult.NotFound or SignalResult.Unchanged)
            log.LogInformation("Connector reply {MessageId} for task {TaskId} changed nothing ({Result})",
                messageId, task.TaskId, result.Result);
    }

    private static string Truncate(string? value, int max) => value is null ? "" : value.Length <= max ? value : value[..max];
}
