using DsarEngine.Connectors;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.Platform;
using MassTransit;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Connectors.Http;

// Commands for HTTP connectors arrive on the engine's own queue. Consumed by concrete type: a message consumed as the
// interface is a proxy, which cannot say which action it is.
internal sealed class HttpConnectorConsumer(HttpConnectorAdapter adapter) :
    IConsumer<LocateSubject>, IConsumer<ExportSubjectData>, IConsumer<RectifySubjectData>, IConsumer<EraseSubjectData>,
    IConsumer<RestrictProcessing>, IConsumer<LiftRestriction>, IConsumer<StopProcessing>, IConsumer<StopSaleAndSharing>,
    IConsumer<LimitSensitiveDataUse>
{
    public Task Consume(ConsumeContext<LocateSubject> c) => Run(c, ConnectorActions.Locate, c.Message);

    public Task Consume(ConsumeContext<ExportSubjectData> c) =>
        Run(c, ConnectorActions.Export, c.Message, categories: c.Message.Categories);

    public Task Consume(ConsumeContext<RectifySubjectData> c) => Run(c, ConnectorActions.Rectify, c.Message, changes: c.Message.Changes,
        extra: r => r with { SupplementaryStatement = c.Message.SupplementaryStatement });

    public Task Consume(ConsumeContext<EraseSubjectData> c) => Run(c, ConnectorActions.Erase, c.Message,
        extra: r => c.Message.Keep.Count == 0 ? r : r with { Keep = c.Message.Keep });

    public Task Consume(ConsumeContext<RestrictProcessing> c) => Run(c, ConnectorActions.Restrict, c.Message,
        extra: r => r with { Reason = c.Message.Reason });

    public Task Consume(ConsumeContext<LiftRestriction> c) => Run(c, ConnectorActions.LiftRestriction, c.Message);

    // GDPR Art. 17(1)(b): a consent withdrawal also asks for the erasure of the data held on that consent alone.
    public Task Consume(ConsumeContext<StopProcessing> c) => Run(c, ConnectorActions.StopProcessing, c.Message, purpose: c.Message.Purpose,
        extra: r => r with { EraseConsentOnlyData = c.Message.EraseConsentOnlyData });

    // 11 CCR §7026(f), §7027(g): the third parties told since receipt come back as recipients; GPC covers the browser (§7025).
    public Task Consume(ConsumeContext<StopSaleAndSharing> c) => Run(c, ConnectorActions.StopSaleSharing, c.Message,
        extra: r => r with { ReceivedAt = c.Message.ReceivedAt, GlobalPrivacyControl = c.Message.GlobalPrivacyControl });

    public Task Consume(ConsumeContext<LimitSensitiveDataUse> c) => Run(c, ConnectorActions.LimitSensitiveUse, c.Message,
        extra: r => r with { ReceivedAt = c.Message.ReceivedAt });

    // What only some actions carry (the statement, the restriction's ground, the categories to keep) goes in through extra.
    private Task Run(ConsumeContext context, string action, IConnectorCommand command, IReadOnlyList<FieldChange>? changes = null,
        string? purpose = null, IReadOnlyList<string>? categories = null, Func<HttpTaskRequest, HttpTaskRequest>? extra = null)
    {
        var request = new HttpTaskRequest(action, command.Task, command.Identities, changes, purpose, categories, null);
        return adapter.RunAsync(context, command, action, extra is null ? request : extra(request));
    }
}

// Failures of the call become failure replies; MassTransit retries only what escaped (publishing, the database).
internal sealed class HttpConnectorConsumerDefinition : ConsumerDefinition<HttpConnectorConsumer>
{
    public HttpConnectorConsumerDefinition(IOptions<BusOptions> bus) =>
        EndpointName = Queues.Resolve(Queues.HttpAdapter, bus.Value);

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<HttpConnectorConsumer> consumerConfigurator, IRegistrationContext context)
    {
        consumerConfigurator.UseMessageRetry(r => r.Intervals(500, 2000, 5000));
        endpointConfigurator.PrefetchCount = 16;
        endpointConfigurator.ConcurrentMessageLimit = 8;
    }
}
