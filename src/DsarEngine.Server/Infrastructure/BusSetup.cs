using MassTransit;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Infrastructure;

internal static class BusSetup
{
    public static IServiceCollection AddDsarBus(this IServiceCollection services)
    {
        services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            bus.AddConsumer<Runtime.ConnectorReplyConsumer, Runtime.ConnectorReplyConsumerDefinition>();
            bus.UsingRabbitMq((context, rabbit) =>
            {
                rabbit.Host(new Uri(context.GetRequiredService<IOptions<BusOptions>>().Value.Url));
                rabbit.ConfigureEndpoints(context);
            });
        });
        // The host starts even while the broker is down (readiness says so); MassTransit keeps reconnecting.
        services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            o.WaitUntilStarted = false;
            o.StopTimeout = TimeSpan.FromSeconds(10);
        });
        return services;
    }
}
