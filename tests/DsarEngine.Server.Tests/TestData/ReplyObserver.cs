using DsarEngine.Tests.Shared;
using RabbitMQ.Client;

namespace DsarEngine.Server.Tests.TestData;

// A queue bound as any engine's reply queue is, to the exchanges MassTransit publishes reply types to: it counts the
// replies and export chunks that were published (and so copied to every engine on the broker) instead of sent.
internal sealed class ReplyObserver : IAsyncDisposable
{
    private static readonly string[] Exchanges =
    [
        "DsarEngine.Connectors.Contracts:ConnectorTaskProgressed", "DsarEngine.Connectors.Contracts:ConnectorTaskCompleted",
        "DsarEngine.Connectors.Contracts:ConnectorTaskFailed", "DsarEngine.Connectors.Contracts:ExportChunkUploaded",
    ];

    private readonly IConnection connection;
    private readonly IChannel channel;
    private readonly string queue = $"test-reply-observer-{Guid.NewGuid():N}";

    private ReplyObserver(IConnection connection, IChannel channel) => (this.connection, this.channel) = (connection, channel);

    public static async Task<ReplyObserver> StartAsync()
    {
        var connection = await new ConnectionFactory { Uri = new Uri(TestDatabase.AmqpUrl) }.CreateConnectionAsync();
        var observer = new ReplyObserver(connection, await connection.CreateChannelAsync());
        await observer.channel.QueueDeclareAsync(observer.queue, durable: false, exclusive: false, autoDelete: false);
        foreach (var exchange in Exchanges)
        {
            // As MassTransit declares a message type's exchange: durable fanout.
            await observer.channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true);
            await observer.channel.QueueBindAsync(observer.queue, exchange, "");
        }
        return observer;
    }

    public async Task<uint> CountAsync() => (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;

    public async ValueTask DisposeAsync()
    {
        await channel.QueueDeleteAsync(queue);
        await channel.DisposeAsync();
        await connection.DisposeAsync();
    }
}
