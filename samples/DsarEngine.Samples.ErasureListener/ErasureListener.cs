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
        channel = await connection.CreateChannelAsync(cancellationToken: ct);
        await channel.BasicQosAsync(0, 16, false, ct);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: ct);
        foreach (var exchange in new[] { RequestedExchange, ErasedExchange })
        {
            // Same arguments as the engine declares them: durable topic exchanges. Either side may come up first.
            await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: ct);
            await channel.QueueBindAsync(queue, exchange, routingKey, cancellationToken: ct);
        }
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += OnMessageAsync;
        await channel.BasicConsumeAsync(queue, autoAck: false, consumer, ct);
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
