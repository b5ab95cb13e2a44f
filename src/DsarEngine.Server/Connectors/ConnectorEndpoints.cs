using DsarEngine.Server.Platform;
using MassTransit;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Connectors;

// Replies and export chunks share one queue. Retries belong to MassTransit alone (one retry layer): a transient
// database error, or a reply that overtook its last export chunk, is tried again after a pause.
internal sealed class ConnectorReplyConsumerDefinition : ConsumerDefinition<ConnectorReplyConsumer>
{
    private readonly BusOptions bus;

    public ConnectorReplyConsumerDefinition(IOptions<BusOptions> bus) =>
        (EndpointName, this.bus) = (Queues.ReplyQueue(bus.Value), bus.Value);

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ConnectorReplyConsumer> consumerConfigurator, IRegistrationContext context)
    {
        // Connectors write to the reply exchange (EngineReplies), which forwards to this queue.
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
            rabbit.Bind(Queues.ReplyExchange(bus));
        consumerConfigurator.UseMessageRetry(r => r.Intervals(ConnectorEndpoints.Retries));
        endpointConfigurator.PrefetchCount = 16;
    }
}

internal sealed class ExportChunkConsumerDefinition : ConsumerDefinition<ExportChunkConsumer>
{
    public ExportChunkConsumerDefinition(IOptions<BusOptions> bus) => EndpointName = Queues.ReplyQueue(bus.Value);

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ExportChunkConsumer> consumerConfigurator, IRegistrationContext context) =>
        consumerConfigurator.UseMessageRetry(r => r.Intervals(ConnectorEndpoints.Retries));
}

internal static class ConnectorEndpoints
{
    // After the quick tries, once a minute for six minutes: PostgreSQL restarting (a failover, an upgrade) must not send
    // what the engine cannot store yet to an error queue. Retries are in memory (the broker has no delayed-message
    // plugin), so a message waiting holds one of the endpoint's prefetch slots (16 for replies and chunks, 4 renders).
    public static readonly TimeSpan[] DatabaseRetries = [.. Enumerable.Repeat(TimeSpan.FromMinutes(1), 6)];

    // Replies and export chunks: a reply that overtook its last chunk is usually complete within a second; after that
    // the same schedule as the database (about 6.9 minutes in all, where it was 52 s for replies and 6.6 s for chunks).
    public static readonly TimeSpan[] Retries =
        [.. new[] { 100, 500, 1000, 5000, 15000, 30000 }.Select(ms => TimeSpan.FromMilliseconds(ms)), .. DatabaseRetries];

    // PostgreSQL unreachable, restarting or shedding load: worth waiting for, never the message's fault.
    public static bool DatabaseAway(Exception e) => e is Npgsql.NpgsqlException { IsTransient: true };
}
