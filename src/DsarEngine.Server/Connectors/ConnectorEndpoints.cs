using DsarEngine.Server.Infrastructure;
using MassTransit;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Connectors;

// Replies and export chunks share one queue. Retries belong to MassTransit alone (one retry layer): a transient
// database error, or a reply that overtook its last export chunk, is tried again after a pause.
internal sealed class ConnectorReplyConsumerDefinition : ConsumerDefinition<ConnectorReplyConsumer>
{
    private readonly BusOptions bus;

    public ConnectorReplyConsumerDefinition(IOptions<BusOptions> bus) => (EndpointName, this.bus) = (ConnectorEndpoints.Replies(bus.Value), bus.Value);

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ConnectorReplyConsumer> consumerConfigurator, IRegistrationContext context)
    {
        // Connectors write to the reply exchange (EngineReplies), which forwards to this queue.
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
            rabbit.Bind(ConnectorEndpoints.ReplyExchange(bus));
        consumerConfigurator.UseMessageRetry(r => r.Intervals(100, 500, 1000, 5000, 15000, 30000));
        endpointConfigurator.PrefetchCount = 16;
    }
}

internal sealed class ExportChunkConsumerDefinition : ConsumerDefinition<ExportChunkConsumer>
{
    public ExportChunkConsumerDefinition(IOptions<BusOptions> bus) => EndpointName = ConnectorEndpoints.Replies(bus.Value);

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ExportChunkConsumer> consumerConfigurator, IRegistrationContext context) =>
        consumerConfigurator.UseMessageRetry(r => r.Intervals(100, 500, 1000, 5000));
}

internal static class ConnectorEndpoints
{
    public static string Replies(BusOptions bus) => $"{bus.EndpointPrefix}dsar-connector-replies";

    // The exchange connectors answer to: a connector's broker user needs write (and configure, which MassTransit's
    // declaration asks for) on this name only, never read on the reply queue.
    public static string ReplyExchange(BusOptions bus) => $"{bus.EndpointPrefix}dsar.replies";
}
