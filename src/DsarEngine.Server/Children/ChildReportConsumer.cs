using DsarEngine.Connectors.Contracts;
using DsarEngine.Connectors.Hosting;
using DsarEngine.Server.Connectors;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Tenants;
using DsarEngine.Workflows.Requests;
using DsarEngine.Workflows.Runtime;
using MassTransit;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Children;

// A connector's unasked report that data it holds concerns a child (ChildDataFound) opens the organisation's own erasure.
// No command was sent, so there is no reply token to quote: the report is accepted only from a bus connector the named
// organisation registered, enabled, bound to a broker user, and sent by that very user as RabbitMQ vouches (the validated
// AMQP user_id). So a connector of one organisation can never flag another organisation's subjects. A refused or invalid
// report opens nothing and is logged with the connector and why, never the subject's data.
internal sealed class ChildReportConsumer(TenantStore tenants, ConnectorStore connectors, ChildErasures children,
    ILogger<ChildReportConsumer> log) : IConsumer<ChildDataFound>
{
    public async Task Consume(ConsumeContext<ChildDataFound> context)
    {
        var report = context.Message;
        var ct = context.CancellationToken;
        var tenant = string.IsNullOrEmpty(report.Tenant) ? null : await tenants.FindBySlugAsync(report.Tenant, ct);
        var connector = tenant is null || string.IsNullOrEmpty(report.Connector) ? null
            : await connectors.FindAsync(tenant.Id, report.Connector, ct);
        var refusal = tenant is null ? "it names no organisation of this engine"
            : connector is not { Kind: ConnectorKinds.Bus, Enabled: true } ? "the organisation registered no such enabled bus connector"
            : connector.BusUser is null ? "the connector has no broker user registered, so nothing vouches for the sender"
            : BrokerUser.Sender(context) != connector.BusUser ? "it was not sent by the broker user registered for the connector"
            : null;
        if (refusal is not null)
        {
            log.LogWarning("Refused a child report from connector {Connector}: {Reason}", report.Connector, refusal);
            return;
        }
        var body = new ChildReportBody
        {
            Subject = new IntakeSubject
            {
                Name = report.Name,
                Identities = report.Identities?.Select(i => new IntakeIdentity { Type = i?.Type, Value = i?.Value }).ToList(),
            },
            BirthDate = report.BirthDate, Age = report.Age,
            Parent = report.ParentEmail is null ? null : new ChildParentBody { Email = report.ParentEmail },
        };
        var source = $"connector:{connector!.Name}";
        var result = await children.ReportAsync(tenant!, body, source, source, ct);
        if (result is ChildReportResult.Opened opened)
            log.LogInformation("Child report from connector {Connector}: erasure {Reference} ({State})", connector.Name,
                opened.Reference, opened.Duplicate ? "already open" : "opened");
        else
            log.LogWarning("A child report from connector {Connector} opened nothing: {Outcome}", connector.Name,
                result is ChildReportResult.Invalid i ? "invalid " + string.Join(", ", i.Errors.Keys)
                : result is ChildReportResult.Refused r ? r.Slug : "unknown");
    }
}

// On the engine's reply queue, where connectors write (their broker users may write the reply exchange and nothing else).
internal sealed class ChildReportConsumerDefinition : ConsumerDefinition<ChildReportConsumer>
{
    public ChildReportConsumerDefinition(IOptions<BusOptions> bus) => EndpointName = Queues.ReplyQueue(bus.Value);

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<ChildReportConsumer> consumerConfigurator, IRegistrationContext context) =>
        consumerConfigurator.UseMessageRetry(r => r.Intervals(ConnectorEndpoints.Retries));
}
