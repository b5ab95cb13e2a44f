using DsarEngine.Tests.Shared;
using RabbitMQ.Client;

namespace DsarEngine.Connectors.Sdk.Tests.Hosting;

// A command that names its engine's reply queue (ResponseAddress) is answered there, and only there: the replies are
// sent, not published, so no other engine's reply queue on the broker gets a copy.
public sealed class ResponseAddressTests
{
    [Test]
    public async Task Replies_go_to_the_response_address_and_are_not_published()
    {
        var queue = $"sdk-test-engine-{Guid.NewGuid():N}"[..28];
        var factory = new ConnectionFactory { Uri = new Uri(TestDatabase.AmqpUrl) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        // As MassTransit declares a queue it sends to (durable), so the two declarations agree.
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        try
        {
            await using var connector = await ConnectorHost.StartAsync(new HandlerScript());
            var command = Commands.Erase(connector.Name);
            await connector.SendAsync(command, new Uri($"queue:{queue}"));

            var watch = System.Diagnostics.Stopwatch.StartNew();
            uint arrived = 0;
            while (watch.Elapsed < TimeSpan.FromSeconds(30) && arrived < 2)
            {
                arrived = (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
                await Task.Delay(50);
            }
            using (Assert.EnterMultipleScope())
            {
                Assert.That(arrived, Is.EqualTo(2), "acknowledged, then the final reply, at the engine's own queue");
                Assert.That(ReplyBus.For(command.Task).Count, Is.Zero, "nothing published for other reply queues");
            }
        }
        finally
        {
            await Broker.DeleteAsync(queue);
        }
    }
}
