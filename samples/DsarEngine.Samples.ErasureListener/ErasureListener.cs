using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace DsarEngine.Samples.ErasureListener;

// Binds its own durable queue to the engine's two erasure exchanges and forgets subjects as erasures are approved.
// It acknowledges a message only after acting on it, so a crash means redelivery, never a lost erasure; a message it
// cannot read is rejected without requeue (dead-lettered if the queue has a policy) and logged without its body.
public sealed class ErasureListener(ProfileCache cache, Action<string> log) : IAsyncDisposable
{
    public const string RequestedExchange = "dsar.subject-erasure-requested";
    public const string ErasedExchange = "dsar.subject-erased";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private IConnection? connection;
    private IChannel? channel;

    public event Action<ErasureRequested>? Forgot;

    public event Action<Erased>? Completed;

    // routingKey: a tenant slug, or "#" for every tenant of the engine.
    public async Task StartAsync(Uri broker, string queue, string routingKey, CancellationToken ct)
    {
        connection = await new ConnectionFactory { Uri = broker, ClientProvidedName = queue }.CreateConnectionAsync(ct);
        channel = await ExchangesAsync(connection, ct);
        await channel.BasicQosAsync(0, 16, false, ct);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: ct);
        // The broker checks the routing key against the user's topic permissions: a listener issued for one
        // organisation cannot bind "#" or another organisation's key (docs/bus-security.md).
        foreach (var exchange in new[] { RequestedExchange, ErasedExchange })
            await channel.QueueBindAsync(queue, exchange, routingKey, cancellationToken: ct);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += OnMessageAsync;
        await channel.BasicConsumeAsync(queue, autoAck: false, consumer, ct);
    }

    // The engine declares the exchanges when it starts; a listener's broker user may bind to them but not declare them, so
    // it only checks that they exist (a passive declare), waiting for the engine if it comes up first.
    private static async Task<IChannel> ExchangesAsync(IConnection connection, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var probe = await connection.CreateChannelAsync(cancellationToken: ct);
            try
            {
                await probe.ExchangeDeclarePassiveAsync(RequestedExchange, ct);
                await probe.ExchangeDeclarePassiveAsync(ErasedExchange, ct);
                return probe;
            }
            catch (RabbitMQ.Client.Exceptions.OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404 && attempt < 120)
            {
                await probe.DisposeAsync();
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
    }

    private async Task OnMessageAsync(object sender, BasicDeliverEventArgs delivery)
    {
        try
        {
            if (delivery.Exchange == RequestedExchange)
            {
                var erasure = JsonSerializer.Deserialize<ErasureRequested>(delivery.Body.Span, Json)!;
                var removed = cache.Forget(erasure);
                log($"erasure {erasure.EventId} of request {erasure.RequestId}: {removed} cached profile(s) removed");
                Forgot?.Invoke(erasure);
            }
            else
            {
                var erased = JsonSerializer.Deserialize<Erased>(delivery.Body.Span, Json)!;
                log($"request {erased.RequestId} erased ({erased.Outcome}) in {erased.Systems.Count} system(s)");
                Completed?.Invoke(erased);
            }
            await channel!.BasicAckAsync(delivery.DeliveryTag, multiple: false);
        }
        catch (JsonException)
        {
            log($"unreadable message {delivery.BasicProperties.MessageId} from {delivery.Exchange}: rejected");
            await channel!.BasicRejectAsync(delivery.DeliveryTag, requeue: false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (channel is not null)
            await channel.CloseAsync();
        if (connection is not null)
            await connection.CloseAsync();
    }
}
