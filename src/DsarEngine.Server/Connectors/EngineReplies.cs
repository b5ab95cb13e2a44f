using DsarEngine.Server.Platform;
using MassTransit;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Connectors;

// Where connectors answer this engine. Commands carry it as their ResponseAddress, so connectors (the SDK, and the
// engine's own HTTP and OpenDSR adapters) send replies and export chunks to the engine that asked: no other reply queue
// on the broker gets a copy (chunks are personal data). It is an exchange bound to the reply queue, not the queue
// itself, so that a connector's broker user may write to it without any right to read the queue (RabbitMQ permissions
// are per name, and a queue shares its name with its exchange). Replies published by connectors written without the
// SDK still arrive through the queue's bindings to the reply types' exchanges.
internal sealed class EngineReplies(IBus bus, IOptions<BusOptions> options)
{
    public Uri Address => new($"exchange:{Queues.ReplyExchange(options.Value)}");

    public Task<ISendEndpoint> EndpointAsync() => bus.GetSendEndpoint(Address);
}
