using DsarEngine.Server.Platform;
using MassTransit;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Workflow;

// Puts one outbox message on the broker. An interface so that the relay's backoff can be driven through a broker
// outage of hours in a test; the engine always uses the bus.
internal interface IOutboxTransport
{
    Task SendAsync(OutboxMessage message, CancellationToken ct);
}

// Sends with the row's deterministic id as the message id (receivers dedupe on it).
internal sealed class BusOutboxTransport(IBus bus, IOptions<BusOptions> busOptions, Connectors.EngineReplies replies) : IOutboxTransport
{
    private static readonly System.Net.Mime.ContentType RawJson = new("application/json");

    public async Task SendAsync(OutboxMessage row, CancellationToken ct)
    {
        var (message, type) = (row.Message, row.Type);
        if (row.Destination is { } queue && !Connectors.Queues.IsExchange(queue))
        {
            var name = Connectors.Queues.Resolve(queue, busOptions.Value);
            var endpoint = await bus.GetSendEndpoint(new Uri($"queue:{name}"));
            // Connectors answer to the ResponseAddress: this engine's reply queue, not every reply queue on the broker.
            await endpoint.Send(message, type, Pipe.Execute<SendContext>(c =>
            {
                c.MessageId = row.Id;
                c.ResponseAddress = replies.Address;
            }), ct);
        }
        else if (Connectors.ErasureEventTopology.IsErasureEvent(message, out var tenant))
        {
            await bus.Publish(message, type, Pipe.Execute<PublishContext>(c =>
            {
                c.MessageId = row.Id;
                c.Serializer = c.Serialization.GetMessageSerializer(RawJson);
                c.SetRoutingKey(tenant);
            }), ct);
        }
        else
        {
            await bus.Publish(message, type, Pipe.Execute<PublishContext>(c => c.MessageId = row.Id), ct);
        }
    }
}
