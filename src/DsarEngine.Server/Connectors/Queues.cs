using DsarEngine.Connectors;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.Platform;

namespace DsarEngine.Server.Connectors;

// Every queue and exchange name the engine uses, in one place (docs/bus-security.md). Outbox rows store destinations
// in this small language, so its strings never change: "@name" is one of this engine cluster's own queues (its
// Dsar:Bus:EndpointPrefix is added when the row is sent), "exchange:name" an exchange to publish to, anything else a
// queue named as it is (a bus connector's queue for its tenant).
internal static class Queues
{
    public const string HttpAdapter = "@dsar-http-connector";
    public const string OpenDsrAdapter = "@dsar-opendsr-connector";
    public const string PackRenderer = "@dsar-pack-renderer";
    public const string Replies = "@dsar-connector-replies";
    public const string ExchangePrefix = "exchange:";

    // A tenant's own queue for its bus connector: the SDK's name, which no other tenant's can collide with.
    public static string BusConnector(string tenant, string connector) => DsarConnectorSetup.QueueName(tenant, connector);

    public static string ErasureRequested => ExchangePrefix + ErasureExchanges.Requested;

    public static string Erased => ExchangePrefix + ErasureExchanges.Erased;

    public static bool IsExchange(string destination) => destination.StartsWith(ExchangePrefix, StringComparison.Ordinal);

    // The queue a stored destination names, for this engine cluster.
    public static string Resolve(string destination, BusOptions bus) =>
        destination.StartsWith('@') ? bus.EndpointPrefix + destination[1..] : destination;

    // The engine's reply queue, and the exchange bound to it that connectors answer to: a connector's broker user needs
    // write (and configure, which MassTransit's declaration asks for) on the exchange only, never read on the queue.
    public static string ReplyQueue(BusOptions bus) => Resolve(Replies, bus);

    public static string ReplyExchange(BusOptions bus) => $"{bus.EndpointPrefix}dsar.replies";
}
