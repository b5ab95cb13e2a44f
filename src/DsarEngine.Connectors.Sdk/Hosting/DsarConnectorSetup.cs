using DsarEngine.Connectors.Hosting;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace DsarEngine.Connectors;

/// <summary>Registers a connector service.</summary>
public static class DsarConnectorSetup
{
    /// <summary>
    /// The queue on which the connector <paramref name="name"/> receives the commands of the organisation
    /// <paramref name="tenant"/>: <c>dsar.&lt;tenant&gt;.connector.&lt;name&gt;</c>. Slugs hold no dots, so no two
    /// tenants' queues can ever share a name, and an operator grants a tenant's connector users <c>^dsar\.&lt;tenant&gt;\.</c> names only.
    /// </summary>
    /// <param name="tenant">The organisation's slug.</param>
    /// <param name="name">The connector's registered name.</param>
    /// <returns>The queue name.</returns>
    public static string QueueName(string tenant, string name) => $"dsar.{tenant}.connector.{name}";

    /// <summary>
    /// Make this service a DsarEngine connector: <typeparamref name="THandlers"/> implements one handler interface per
    /// supported action (<see cref="IExportHandler"/>, <see cref="IEraseHandler"/>, …). The SDK consumes the commands of
    /// each configured tenant on that tenant's own queue, refuses any command for another tenant, deduplicates them
    /// (<see cref="IProcessedTasks"/>), reports progress, maps errors to failures and uploads exports.
    /// </summary>
    /// <remarks>
    /// This calls <c>AddMassTransit</c> with RabbitMQ: the service must not configure MassTransit itself (one bus per
    /// connector service). <typeparamref name="THandlers"/> is registered scoped (one per command). Register your own
    /// <see cref="IProcessedTasks"/> (before or after this call) to remember finished tasks across restarts.
    /// Options are validated when the host starts; an invalid value stops it with a message naming the setting.
    /// </remarks>
    /// <param name="services">The service's container.</param>
    /// <param name="configure">Sets at least <see cref="DsarConnectorOptions.Name"/>, <see cref="DsarConnectorOptions.Tenants"/> and
    /// <see cref="DsarConnectorOptions.Broker"/>.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddDsarConnector<THandlers>(this IServiceCollection services, Action<DsarConnectorOptions> configure)
        where THandlers : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<DsarConnectorOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DsarConnectorOptions>, DsarConnectorOptionsValidator>());
        services.TryAddSingleton<IProcessedTasks, InMemoryProcessedTasks>();
        services.TryAddSingleton<TaskLocks>();
        services.TryAddSingleton<RecentDeliveries>();
        services.TryAddScoped<TaskRunner>();
        services.TryAddScoped<THandlers>();
        services.TryAddSingleton<DsarReports>();
        services.AddMassTransit(bus =>
        {
            bus.AddConsumer<CommandConsumer<THandlers>>();
            bus.UsingRabbitMq((context, rabbit) =>
            {
                var options = context.GetRequiredService<IOptions<DsarConnectorOptions>>().Value;
                rabbit.Host(options.Broker);
                // The broker validates user_id against the connection's user: the engine can tell which operator-issued
                // user sent a reply, and nobody can claim another's.
                var user = BrokerUser.Of(options.Broker!);
                rabbit.ConfigureSend(send => send.UseExecute(c => BrokerUser.Stamp(c, user)));
                rabbit.ConfigurePublish(publish => publish.UseExecute(c => BrokerUser.Stamp(c, user)));
                // MassTransit's own endpoint for this process, named inside the connector's namespace so that the
                // operator's permissions (^dsar\.<tenant>\.connector\.<name>…) cover it.
                rabbit.OverrideDefaultBusEndpointQueueName($"{QueueName(options.Tenants[0], options.Name)}.bus-{Guid.NewGuid():N}");
                foreach (var tenant in options.Tenants)
                {
                    rabbit.ReceiveEndpoint(QueueName(tenant, options.Name), endpoint =>
                    {
                        // Commands are sent to this queue, never published: binding the command types' exchanges would
                        // make every connector receive any command someone publishes.
                        endpoint.ConfigureConsumeTopology = false;
                        // A fault would be published to an exchange anyone may bind, with the command (identities) inside.
                        endpoint.PublishFaults = false;
                        endpoint.ConcurrentMessageLimit = options.ConcurrentTasks;
                        endpoint.PrefetchCount = options.ConcurrentTasks;
                        // The one retry layer: handler failures are already replies, so only broker and IProcessedTasks
                        // failures get here. Immediate-ish intervals: RabbitMQ 3.10 here has no delayed-message plugin.
                        endpoint.UseMessageRetry(retry => retry.Intervals(200, 1_000, 5_000));
                        endpoint.ConfigureConsumer<CommandConsumer<THandlers>>(context);
                    });
                }
            });
        });
        return services;
    }
}
