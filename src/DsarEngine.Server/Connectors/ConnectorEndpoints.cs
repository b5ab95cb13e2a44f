using DsarEngine.Server.Infrastructure;
using MassTransit;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Connectors;

// Replies and export chunks share one queue. Retries belong to MassTransit alone (one retry layer): a transient
// database error, or a reply that overtook its last export chunk, is tried again after a pause.
internal sealed class ConnectorReplyConsumerDefinition : ConsumerDefinition<ConnectorReplyConsumer>
{
    public ConnectorReplyConsumerDefinition(IOptions<BusOptions> bus) => EndpointName = ConnectorEndpoints.Replies(bus.Value);

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ConnectorReplyConsumer> consumerConfigurator, IRegistrationContext context)
    {
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
}
