using DsarEngine.Server.Connectors;
using MassTransit;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Platform;

internal static class BusSetup
{
    public static IServiceCollection AddDsarBus(this IServiceCollection services)
    {
        services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            bus.AddConsumer<Connectors.ConnectorReplyConsumer, Connectors.ConnectorReplyConsumerDefinition>();
            bus.AddConsumer<Connectors.ExportChunkConsumer, Connectors.ExportChunkConsumerDefinition>();
            bus.AddConsumer<Connectors.Http.HttpConnectorConsumer, Connectors.Http.HttpConnectorConsumerDefinition>();
            bus.AddConsumer<OpenDsr.OpenDsrConnectorConsumer, OpenDsr.OpenDsrConnectorConsumerDefinition>();
            bus.AddConsumer<Packs.RenderPackConsumer, Packs.RenderPackConsumerDefinition>();
            bus.AddConsumer<Children.ChildReportConsumer, Children.ChildReportConsumerDefinition>();
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var url = new Uri(context.GetRequiredService<IOptions<BusOptions>>().Value.Url);
                rabbit.Host(url);
                rabbit.AddErasureEventTopology();
                // The erasure exchanges exist from the start, so a listener whose broker user may only bind (never
                // declare) can come up before the first erasure is published.
                rabbit.DeployPublishTopology = true;
                // Everything the engine sends carries its validated broker user: a connector configured with
                // EngineUser refuses commands from anyone else.
                var user = DsarEngine.Connectors.Hosting.BrokerUser.Of(url);
                rabbit.ConfigureSend(send => send.UseExecute(c => DsarEngine.Connectors.Hosting.BrokerUser.Stamp(c, user)));
                rabbit.ConfigurePublish(publish => publish.UseExecute(c => DsarEngine.Connectors.Hosting.BrokerUser.Stamp(c, user)));
                // Dsar:Role decides which queues this process consumes (read here, when the host runs, not at registration).
                var role = context.GetRequiredService<IOptions<RoleOptions>>().Value.Role;
                rabbit.ConfigureEndpoints(context, filter =>
                {
                    if (!EngineRoles.RendersPacks(role))
                        filter.Exclude<Packs.RenderPackConsumer>();
                    if (!EngineRoles.RunsEngine(role))
                        filter.Exclude(typeof(Connectors.ConnectorReplyConsumer), typeof(Connectors.ExportChunkConsumer),
                            typeof(Connectors.Http.HttpConnectorConsumer), typeof(OpenDsr.OpenDsrConnectorConsumer),
                            typeof(Children.ChildReportConsumer));
                });
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
