using DsarEngine.Server.Infrastructure;
using MassTransit;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Connectors;

// This engine's own reply queue, as an address. Commands carry it as their ResponseAddress, so connectors (the SDK, and
// the engine's own HTTP and OpenDSR adapters) send replies and export chunks straight to the engine that asked: no other
// reply queue on the broker gets a copy (chunks are personal data). Replies published by connectors written without
// the SDK still arrive through the queue's bindings to the reply types' exchanges.
internal sealed class EngineReplies(IBus bus, IOptions<BusOptions> options)
{
    public Uri Address => new($"queue:{ConnectorEndpoints.Replies(options.Value)}");

    public Task<ISendEndpoint> EndpointAsync() => bus.GetSendEndpoint(Address);
}
