using DsarEngine.Connectors.Contracts;
using MassTransit;
using RabbitMQ.Client;

namespace DsarEngine.Server.Connectors;

// The erasure events' stable wire shape (docs/erasure-events.md): each on its own durable topic exchange, named in
// the SDK, routing key = tenant slug, body raw JSON (no MassTransit envelope) so any AMQP client can read it.
internal static class ErasureEventTopology
{
    public static void AddErasureEventTopology(this IRabbitMqBusFactoryConfigurator rabbit)
    {
        rabbit.AddRawJsonSerializer();
        rabbit.Message<SubjectErasureRequested>(m => m.SetEntityName(ErasureExchanges.Requested));
        rabbit.Message<SubjectErased>(m => m.SetEntityName(ErasureExchanges.Erased));
        rabbit.Publish<SubjectErasureRequested>(p => p.ExchangeType = ExchangeType.Topic);
        rabbit.Publish<SubjectErased>(p => p.ExchangeType = ExchangeType.Topic);
    }

    public static bool IsErasureEvent(object message, out string tenant)
    {
        tenant = message switch { SubjectErasureRequested r => r.Tenant, SubjectErased e => e.Tenant, _ => "" };
        return tenant.Length > 0;
    }
}
