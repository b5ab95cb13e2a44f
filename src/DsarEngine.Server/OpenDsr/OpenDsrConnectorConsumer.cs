using System.Text.Json.Nodes;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.Platform;
using MassTransit;
using Microsoft.Extensions.Options;
using DsarEngine.Server.Connectors;

namespace DsarEngine.Server.OpenDsr;

// Commands for OpenDSR processors. OpenDSR knows access, portability and erasure; the other rights go as the engine's
// extension with their own type, which a processor that does not know it refuses (safer than a wrong standard type).
internal sealed class OpenDsrConnectorConsumer(OpenDsrClient client, Connectors.EngineReplies replies) :
    IConsumer<ExportSubjectData>, IConsumer<EraseSubjectData>, IConsumer<RectifySubjectData>, IConsumer<RestrictProcessing>,
    IConsumer<StopProcessing>, IConsumer<LocateSubject>, IConsumer<LiftRestriction>, IConsumer<StopSaleAndSharing>,
    IConsumer<LimitSensitiveDataUse>
{
    public Task Consume(ConsumeContext<ExportSubjectData> c) =>
        client.SubmitAsync(c, c.Message, c.Message.Task.Right == DataSubjectRights.Portability ? "portability" : "access", null);

    public Task Consume(ConsumeContext<EraseSubjectData> c) => client.SubmitAsync(c, c.Message, "erasure", null);

    public Task Consume(ConsumeContext<RectifySubjectData> c) => client.SubmitAsync(c, c.Message, "rectification", new JsonObject
    {
        ["subject_request_type"] = "rectification",
        ["changes"] = new JsonArray(
            [.. c.Message.Changes.Select(ch => (JsonNode)new JsonObject { ["field"] = ch.Field, ["value"] = ch.Value })]),
    });

    public Task Consume(ConsumeContext<RestrictProcessing> c) => client.SubmitAsync(c, c.Message, "restriction",
        new JsonObject { ["subject_request_type"] = "restriction" });

    public Task Consume(ConsumeContext<StopProcessing> c) => client.SubmitAsync(c, c.Message, "objection",
        new JsonObject { ["subject_request_type"] = "objection", ["purpose"] = c.Message.Purpose });

    // CCPA: a service provider or contractor is told to comply too (11 CCR §7026(f), §7027(g)); OpenDSR has no such type.
    public Task Consume(ConsumeContext<StopSaleAndSharing> c) => client.SubmitAsync(c, c.Message, DataSubjectRights.OptOutOfSaleSharing,
        new JsonObject
        {
            ["subject_request_type"] = DataSubjectRights.OptOutOfSaleSharing, ["received_at"] = c.Message.ReceivedAt,
            ["global_privacy_control"] = c.Message.GlobalPrivacyControl,
        });

    public Task Consume(ConsumeContext<LimitSensitiveDataUse> c) => client.SubmitAsync(c, c.Message, DataSubjectRights.LimitSensitiveUse,
        new JsonObject { ["subject_request_type"] = DataSubjectRights.LimitSensitiveUse, ["received_at"] = c.Message.ReceivedAt });

    public Task Consume(ConsumeContext<LocateSubject> c) => Unsupported(c, c.Message.Task);

    public Task Consume(ConsumeContext<LiftRestriction> c) => Unsupported(c, c.Message.Task);

    private async Task Unsupported(ConsumeContext c, TaskReference task) =>
        await (await replies.EndpointAsync()).Send(
            new ConnectorTaskFailed(task, false, "unsupported-action", "OpenDSR has no request type for this action."),
            c.CancellationToken);
}

internal sealed class OpenDsrConnectorConsumerDefinition : ConsumerDefinition<OpenDsrConnectorConsumer>
{
    public OpenDsrConnectorConsumerDefinition(IOptions<BusOptions> bus) =>
        EndpointName = Queues.Resolve(Queues.OpenDsrAdapter, bus.Value);

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<OpenDsrConnectorConsumer> consumerConfigurator, IRegistrationContext context)
    {
        consumerConfigurator.UseMessageRetry(r => r.Intervals(500, 2000, 5000));
        endpointConfigurator.ConcurrentMessageLimit = 8;
    }
}
