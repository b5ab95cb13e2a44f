using DsarEngine.Connectors.Contracts;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace DsarEngine.Connectors.Hosting;

// The work of one action once its handler is known: produce the completed reply (export chunks go out inside it).
internal delegate Task<ConnectorTaskCompleted> TaskWork(BusTaskContext context, CancellationToken ct);

// One command, start to finish: acknowledge, answer again if already done (the same message delivered again, or a change
// already made under its idempotency key), else run the handler and answer.
// Handler failures become ConnectorTaskFailed replies; only broker and IProcessedTasks failures escape, to the
// endpoint's message retry (one retry layer). Logs carry the task id and action, never identities or messages.
// An export (of a subject or of a whole customer) is never answered from memory: its saved reply names an export whose
// chunks the engine may never have stored (they were lost, or corrupt), so replaying it could never heal. An export is a
// read: it is done again, under a new export id, with its chunks.
internal sealed class TaskRunner(IProcessedTasks processed, TaskLocks locks, RecentDeliveries recent, ILogger<TaskRunner> log)
{
    public async Task RunAsync(ConsumeContext consume, TaskReference task, string action, TaskWork? work)
    {
        var ct = consume.CancellationToken;
        var context = new BusTaskContext(consume, task);
        await context.PublishAsync(new ConnectorTaskProgressed(task, "acknowledged", null), ct);
        using (await locks.AcquireAsync(task.IdempotencyKey, ct))
        {
            ProcessedTask? reply = null;
            if (recent.TryGet(consume.MessageId, out var delivered))
            {
                reply = delivered;
                log.LogInformation("Task {TaskId} ({Action}): the same command delivered again; sending the same reply again",
                    task.TaskId, action);
            }
            else if (Remembered(action) && await processed.FindAsync(task.IdempotencyKey, action, ct) is { } saved)
            {
                reply = saved;
                log.LogInformation("Task {TaskId} ({Action}) was already answered: sending the same reply again",
                    task.TaskId, action);
            }
            else
                reply = await DoAsync(context, action, work, ct);
            if (reply.Completed is { } completed)
                await context.PublishAsync(completed, ct);
            else if (reply.Failed is { } failed)
                await context.PublishAsync(failed, ct);
            // Only once the reply is out: a delivery whose reply could not be published is done again when redelivered.
            if (reply.Failed is not { Retryable: true })
                recent.Remember(consume.MessageId, reply);
        }
    }

    private async Task<ProcessedTask> DoAsync(BusTaskContext context, string action, TaskWork? work, CancellationToken ct)
    {
        var task = context.Task;
        ProcessedTask reply;
        if (work is null)
            reply = new ProcessedTask(null, TaskFailures.UnsupportedAction(task, action));
        else
        {
            try
            {
                reply = new ProcessedTask(await work(context, ct), null);
                log.LogInformation("Task {TaskId} ({Action}) completed: {Outcome}", task.TaskId, action, reply.Completed!.Outcome);
            }
            catch (Exception ex) when (ex is not ReplyNotPublishedException
                && !(ex is OperationCanceledException && ct.IsCancellationRequested))
            {
                reply = new ProcessedTask(null, TaskFailures.Map(task, ex));
                log.LogWarning("Task {TaskId} ({Action}) failed with {ExceptionType}: {Code}, retryable {Retryable}",
                    task.TaskId, action, ex.GetType().FullName, reply.Failed!.Code, reply.Failed.Retryable);
            }
        }
        // A retryable failure is not remembered: the engine resends the same key precisely to have the work tried again.
        if (reply.Failed is not { Retryable: true } && Remembered(action))
            await processed.SaveAsync(task.IdempotencyKey, action, reply, ct);
        return reply;
    }

    // Actions that change a system are done once per key; an export (a read) is done again on every delivery.
    private static bool Remembered(string action) => action is not (ConnectorActions.Export or CustomerActions.Export);
}
