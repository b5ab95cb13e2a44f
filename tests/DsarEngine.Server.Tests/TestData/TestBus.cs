using DsarEngine.Connectors.Hosting;
using DsarEngine.Tests.Shared;
using MassTransit;

namespace DsarEngine.Server.Tests.TestData;

// The broker user the tests connect as, and how a stand-in connector service says so: as the SDK does, every message it
// sends carries that user as its validated AMQP user_id, which the engine checks against the connector's registration.
internal static class TestBus
{
    public static string User => BrokerUser.Of(new Uri(TestDatabase.AmqpUrl));

    public static void StampSender(IRabbitMqBusFactoryConfigurator rabbit)
    {
        var user = User;
        rabbit.ConfigureSend(send => send.UseExecute(c => BrokerUser.Stamp(c, user)));
        rabbit.ConfigurePublish(publish => publish.UseExecute(c => BrokerUser.Stamp(c, user)));
    }

    // A receive endpoint added to a running bus (a connector service starting to serve one more organisation).
    public static async Task ServeAsync(IBusControl bus, string queue, Action<IRabbitMqReceiveEndpointConfigurator> configure)
    {
        var handle = bus.ConnectReceiveEndpoint(queue, e => configure((IRabbitMqReceiveEndpointConfigurator)e));
        await handle.Ready.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
