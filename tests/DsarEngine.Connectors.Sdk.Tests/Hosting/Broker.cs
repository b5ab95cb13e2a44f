using DsarEngine.Tests.Shared;
using RabbitMQ.Client;

namespace DsarEngine.Connectors.Sdk.Tests.Hosting;

// Leaves the shared broker as it was: each test's queue, its exchange and MassTransit's error/skipped companions.
internal static class Broker
{
    public static async Task DeleteAsync(string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(TestDatabase.AmqpUrl) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        foreach (var name in new[] { queue, $"{queue}_error", $"{queue}_skipped" })
        {
            // Both are idempotent in RabbitMQ: deleting what was never created is fine.
            await channel.QueueDeleteAsync(name);
            await channel.ExchangeDeleteAsync(name);
        }
    }
}
