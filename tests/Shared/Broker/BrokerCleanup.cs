using RabbitMQ.Client;

namespace DsarEngine.Tests.Shared;

// MassTransit declares durable queues, each with an exchange of the same name bound to the message types'
// exchanges. Left behind, every later publish of those types would also fan out to them and their backlog
// would grow with each run, slowing the broker for the next one; so a run deletes what it declared.
internal static class BrokerCleanup
{
    // The queues an engine declares under its Dsar:Bus:EndpointPrefix (its consumers' endpoints).
    public static readonly string[] EngineQueues =
        ["dsar-connector-replies", "dsar-http-connector", "dsar-opendsr-connector", "dsar-pack-renderer"];

    public static Task DeleteEngineQueuesAsync(string prefix) => DeleteAsync([.. EngineQueues.Select(q => prefix + q)]);

    public static async Task DeleteAsync(params string[] names)
    {
        var factory = new ConnectionFactory { Uri = new Uri(TestDatabase.AmqpUrl) };
        await using var connection = await factory.CreateConnectionAsync();
        foreach (var name in names)
        {
            // A channel closes on the first error (say, a queue never declared), so each name gets its own.
            await using var channel = await connection.CreateChannelAsync();
            await channel.QueueDeleteAsync(name, ifUnused: false, ifEmpty: false);
            await channel.ExchangeDeleteAsync(name, ifUnused: false);
        }
    }
}
