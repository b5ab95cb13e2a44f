using DsarEngine.Connectors.Contracts;
using DsarEngine.Workflows.Persistence.Runtime;
using DsarEngine.Workflows.Runtime;
using DsarEngine.Server.Infrastructure;
using MassTransit;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Runtime;

// Connector replies become signals. Deduplicated by message id in the signal's own transaction; a reply
// the workflow does not expect (unknown task, already final, unknown outcome) changes nothing.
internal sealed class ConnectorReplyConsumer(SignalProcessor processor, ILogger<ConnectorReplyConsumer> log) :
    IConsumer<ConnectorTaskCompleted>, IConsumer<ConnectorTaskFailed>, IConsumer<ConnectorTaskProgressed>
{
    public const string Name = "connector-replies";

    public Task Consume(ConsumeContext<ConnectorTaskCompleted> context) =>
        SignalAsync(context, context.Message.Task, context.Message.Outcome, context.Message.Summary);

    public Task Consume(ConsumeContext<ConnectorTaskFailed> context) =>
        SignalAsync(context, context.Message.Task, "failed", $"{context.Message.Code}: {context.Message.Reason}");

    public Task Consume(ConsumeContext<ConnectorTaskProgressed> context) =>
        SignalAsync(context, context.Message.Task, "acknowledged", context.Message.Stage);

    private async Task SignalAsync(ConsumeContext context, TaskReference task, string outcome, string? detail)
    {
        if (context.MessageId is not { } messageId)
        {
            log.LogWarning("Ignored a connector reply without a message id for task {TaskId}", task.TaskId);
            return;
        }
        var result = await processor.ProcessAsync(task.RequestId, new Signal.ConnectorReplied(task.TaskId, outcome, detail),
            new SignalSource(Name, messageId), context.CancellationToken);
        if (result.Result is SignalResult.NotFound or SignalResult.Unchanged)
            log.LogInformation("Connector reply {MessageId} for task {TaskId} changed nothing ({Result})", messageId, task.TaskId, result.Result);
    }
}

// Retries belong to MassTransit alone (one retry layer): a transient database error is retried here.
internal sealed class ConnectorReplyConsumerDefinition : ConsumerDefinition<ConnectorReplyConsumer>
{
    public ConnectorReplyConsumerDefinition(IOptions<BusOptions> bus) => EndpointName = $"{bus.Value.EndpointPrefix}dsar-connector-replies";

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ConnectorReplyConsumer> consumerConfigurator, IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(r => r.Intervals(100, 500, 1000, 5000));
        endpointConfigurator.PrefetchCount = 16;
    }
}
