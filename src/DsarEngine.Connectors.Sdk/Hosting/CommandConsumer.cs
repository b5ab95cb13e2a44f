using DsarEngine.Connectors.Contracts;
using MassTransit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DsarEngine.Connectors.Hosting;

// Every command type is consumed, whatever THandlers implements: an action it lacks is answered with
// "unsupported-action" instead of being left to rot in a skipped queue. A command this service must not do (another
// tenant's, another connector's, from a sender other than the engine) is refused before any handler runs.
internal sealed class CommandConsumer<THandlers>(THandlers handlers, TaskRunner runner, IOptions<DsarConnectorOptions> options,
    ILogger<CommandConsumer<THandlers>> log) :
    IConsumer<LocateSubject>, IConsumer<ExportSubjectData>, IConsumer<RectifySubjectData>, IConsumer<EraseSubjectData>,
    IConsumer<RestrictProcessing>, IConsumer<LiftRestriction>, IConsumer<StopProcessing>, IConsumer<StopSaleAndSharing>,
    IConsumer<LimitSensitiveDataUse>, IConsumer<ExportCustomerData>, IConsumer<EraseCustomerData>
    where THandlers : class
{
    public Task Consume(ConsumeContext<LocateSubject> c) => Run(c, c.Message, ConnectorActions.Locate,
        handlers is ILocateHandler h ? ResultWork.For(c.Message.Task, (x, ct) => h.LocateAsync(c.Message, x, ct)) : null);

    public Task Consume(ConsumeContext<ExportSubjectData> c) => Run(c, c.Message, ConnectorActions.Export,
        handlers is IExportHandler h ? (x, ct) => ExportWork.RunAsync(h, c.Message, x, options.Value.ChunkBytes, ct) : null);

    public Task Consume(ConsumeContext<RectifySubjectData> c) => Run(c, c.Message, ConnectorActions.Rectify,
        handlers is IRectifyHandler h ? ResultWork.For(c.Message.Task, (x, ct) => h.RectifyAsync(c.Message, x, ct)) : null);

    public Task Consume(ConsumeContext<EraseSubjectData> c) => Run(c, c.Message, ConnectorActions.Erase,
        handlers is IEraseHandler h ? ResultWork.For(c.Message.Task, (x, ct) => h.EraseAsync(c.Message, x, ct)) : null);

    public Task Consume(ConsumeContext<RestrictProcessing> c) => Run(c, c.Message, ConnectorActions.Restrict,
        handlers is IRestrictHandler h ? ResultWork.For(c.Message.Task, (x, ct) => h.RestrictAsync(c.Message, x, ct)) : null);

    public Task Consume(ConsumeContext<LiftRestriction> c) => Run(c, c.Message, ConnectorActions.LiftRestriction,
        handlers is ILiftRestrictionHandler h
            ? ResultWork.For(c.Message.Task, (x, ct) => h.LiftAsync(c.Message, x, ct))
            : null);

    public Task Consume(ConsumeContext<StopProcessing> c) => Run(c, c.Message, ConnectorActions.StopProcessing,
        handlers is IStopProcessingHandler h ? ResultWork.For(c.Message.Task, (x, ct) => h.StopAsync(c.Message, x, ct)) : null);

    public Task Consume(ConsumeContext<StopSaleAndSharing> c) => Run(c, c.Message, ConnectorActions.StopSaleSharing,
        handlers is IStopSaleSharingHandler h
            ? ResultWork.For(c.Message.Task, (x, ct) => h.StopSaleSharingAsync(c.Message, x, ct))
            : null);

    public Task Consume(ConsumeContext<LimitSensitiveDataUse> c) => Run(c, c.Message, ConnectorActions.LimitSensitiveUse,
        handlers is ILimitSensitiveUseHandler h
            ? ResultWork.For(c.Message.Task, (x, ct) => h.LimitSensitiveUseAsync(c.Message, x, ct))
            : null);

    public Task Consume(ConsumeContext<ExportCustomerData> c) => Run(c, c.Message.Task, CustomerActions.Export,
        handlers is ICustomerExportHandler h
            ? (x, ct) => ExportWork.RunAsync(c.Message.Task, x, options.Value.ChunkBytes, () => h.ExportCustomerAsync(c.Message, x, ct), ct)
            : null);

    public Task Consume(ConsumeContext<EraseCustomerData> c) => Run(c, c.Message.Task, CustomerActions.Erase,
        handlers is ICustomerEraseHandler h ? ResultWork.For(c.Message.Task, (x, ct) => h.EraseCustomerAsync(c.Message, x, ct)) : null);

    private Task Run(ConsumeContext c, IConnectorCommand command, string action, TaskWork? work) => Run(c, command.Task, action, work);

    private Task Run(ConsumeContext c, TaskReference task, string action, TaskWork? work)
    {
        if (Refusal(c, task) is { } reason)
        {
            // No reply: whoever sent it is not owed one, and the engine that really owns the task times it out into
            // "needs attention". The log names the task and the reason, never the subject.
            log.LogWarning("Refused task {TaskId} ({Action}): {Reason}", task?.TaskId, action, reason);
            return Task.CompletedTask;
        }
        return runner.RunAsync(c, task, action, work);
    }

    private string? Refusal(ConsumeContext c, TaskReference? task)
    {
        var o = options.Value;
        if (task is null)
            return "the command names no task";
        if (task.Connector != o.Name)
            return $"it is for the connector '{task.Connector}', not this one";
        if (!o.Tenants.Contains(task.Tenant))
            return $"this service does not serve the organisation '{task.Tenant}'";
        if (c.ReceiveContext.InputAddress?.AbsolutePath.Split('/')[^1] is { } queue
            && queue != DsarConnectorSetup.QueueName(task.Tenant, o.Name))
            return $"it arrived on the queue '{queue}', not the tenant's own";
        if (o.EngineUser is { } engine && BrokerUser.Sender(c) != engine)
            return "it was not sent by the engine's broker user";
        return null;
    }
}
