using System.Collections.Concurrent;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Connectors.Hosting;
using DsarEngine.Tests.Shared;
using MassTransit;

namespace DsarEngine.Connectors.Sdk.Tests.Hosting;

// Plays the engine: sends commands to a connector's queue and receives every reply type on its own auto-deleted
// queue. One per test run; replies are told apart by task id, so tests can share it.
[SetUpFixture]
public sealed class ReplyBus
{
    private static readonly ConcurrentDictionary<Guid, TaskReplies> ByTask = new();
    private static IBusControl? bus;

    internal static string QueueName { get; } = $"sdk-test-replies-{Guid.NewGuid().ToString("N")[..8]}";

    internal static TaskReplies For(TaskReference task) => ByTask.GetOrAdd(task.TaskId, _ => new TaskReplies());

    // messageId: as the engine's outbox sends it (its row's id, the same when it sends the row again); null, a new one.
    internal static async Task SendAsync(string queue, IConnectorCommand command, Uri? responseAddress = null, Guid? messageId = null)
    {
        var endpoint = await bus!.GetSendEndpoint(new Uri($"queue:{queue}"));
        // As its runtime type: the command, not IConnectorCommand. The engine names its reply queue as ResponseAddress.
        await endpoint.Send((object)command, Pipe.Execute<SendContext>(c =>
        {
            c.ResponseAddress = responseAddress;
            if (messageId is { } id)
                c.MessageId = id;
        }));
    }

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(TestDatabase.AmqpUrl));
            // As the engine does: what the test sends carries its validated broker user (EngineUser checks it).
            var user = BrokerUser.Of(new Uri(TestDatabase.AmqpUrl));
            rabbit.ConfigureSend(send => send.UseExecute(c => BrokerUser.Stamp(c, user)));
            rabbit.ReceiveEndpoint(QueueName, endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                // One at a time, so the arrival order is the order the connector published in.
                endpoint.ConcurrentMessageLimit = 1;
                Record<ConnectorTaskProgressed>(endpoint, m => m.Task);
                Record<ConnectorTaskCompleted>(endpoint, m => m.Task);
                Record<ConnectorTaskFailed>(endpoint, m => m.Task);
                Record<ExportChunkUploaded>(endpoint, m => m.Task);
            });
        });
        using var starting = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await bus.StartAsync(starting.Token);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (bus is not null)
            await bus.StopAsync();
        await Broker.DeleteAsync(QueueName);
    }

    private static void Record<T>(IRabbitMqReceiveEndpointConfigurator endpoint, Func<T, TaskReference> task) where T : class =>
        endpoint.Handler<T>(context =>
        {
            var replies = For(task(context.Message));
            replies.Senders.Enqueue(BrokerUser.Sender(context));
            replies.Add(context.Message);
            return Task.CompletedTask;
        });
}
