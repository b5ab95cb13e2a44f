using DsarEngine.Server.Infrastructure;
using DsarEngine.Workflows.Packs;
using DsarEngine.Workflows.Persistence;
using DsarEngine.Workflows.Persistence.Runtime;
using DsarEngine.Workflows.Runtime;
using MassTransit;
using Microsoft.Extensions.Options;
using Npgsql;

namespace DsarEngine.Server.Packs;

// Renders a request's response pack behind the bus, so that it can run on a separate worker process, and tells the
// workflow. A missing register or a failed render is reported to the workflow (a person looks), never dropped.
internal sealed class RenderPackConsumer(RequestStore requests, RegisterStore registers, LetterModels models, LetterComposer composer,
    PackStore packs, SignalProcessor processor, NpgsqlDataSource dataSource, TimeProvider clock, ILogger<RenderPackConsumer> log)
    : IConsumer<RenderResponsePack>, IConsumer<RenderNotice>
{
    // A notice letter is stored as a document of the request and journaled; the workflow does not wait for it.
    public async Task Consume(ConsumeContext<RenderNotice> context)
    {
        var notice = context.Message;
        var ct = context.CancellationToken;
        if (notice.Kind is not (Notices.Extension or Notices.IdentityRequest) || await requests.FindByIdAsync(notice.TenantId, notice.RequestId, ct) is not { } request)
            return;
        Signal signal;
        if (await registers.FindAsync(notice.TenantId, request.Language, ct) is not { } register)
            signal = new Signal.NoticeRendered(notice.Kind, Guid.Empty, "", "the organisation has no processing register (PUT /api/v1/staff/register).");
        else
        {
            var pdf = await composer.PdfAsync(await models.NoticeAsync(request, register, notice, ct), ct);
            var (id, sha) = await packs.SaveAsync(notice.TenantId, notice.RequestId, notice.Kind, request.Language, pdf, clock.GetUtcNow(), ct);
            signal = new Signal.NoticeRendered(notice.Kind, id, sha, null);
            log.LogInformation("Rendered the {Kind} of request {RequestId}: {Bytes} bytes", notice.Kind, notice.RequestId, pdf.Length);
        }
        await processor.ProcessAsync(notice.RequestId, signal, new SignalSource("pack-renderer", context.MessageId), ct);
    }

    public async Task Consume(ConsumeContext<RenderResponsePack> context)
    {
        var (requestId, tenantId) = (context.Message.RequestId, context.Message.TenantId);
        var ct = context.CancellationToken;
        var request = await requests.FindByIdAsync(tenantId, requestId, ct);
        WorkflowInstance? instance;
        await using (var c = await dataSource.OpenConnectionAsync(ct))
            instance = await InstanceRows.FindAsync(c, tenantId, requestId, ct);
        if (request is null || instance is null)
            return;
        Signal signal;
        if (await registers.FindAsync(tenantId, request.Language, ct) is not { } register)
            signal = new Signal.PackRendered(Guid.Empty, "", 0, "the organisation has no processing register (PUT /api/v1/staff/register).");
        else
        {
            var pdf = await composer.PdfAsync(await models.BuildAsync(request, instance, register, ct), ct);
            var (id, sha) = await packs.SaveAsync(tenantId, requestId, "letter", request.Language, pdf, clock.GetUtcNow(), ct);
            var size = pdf.Length;
            if (request.RightKind == "portability")
            {
                var zip = PortabilityArchive.Build(pdf, await models.DocumentsAsync(request, instance, ct));
                (id, sha) = await packs.SaveAsync(tenantId, requestId, "portability-zip", request.Language, zip, clock.GetUtcNow(), ct);
                size = zip.Length;
            }
            signal = new Signal.PackRendered(id, sha, size, null);
            log.LogInformation("Rendered the response pack of request {RequestId}: {Bytes} bytes", requestId, size);
        }
        await processor.ProcessAsync(requestId, signal, new SignalSource("pack-renderer", context.MessageId), ct);
    }
}

// A render that throws (browser crash, timeout) is retried by MassTransit, the one retry layer, after a pause.
internal sealed class RenderPackConsumerDefinition : ConsumerDefinition<RenderPackConsumer>
{
    public RenderPackConsumerDefinition(IOptions<BusOptions> bus) =>
        EndpointName = bus.Value.EndpointPrefix + SignalProcessor.PackRendererQueue.TrimStart('@');

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<RenderPackConsumer> consumerConfigurator, IRegistrationContext context)
    {
        consumerConfigurator.UseMessageRetry(r => r.Intervals(1000, 5000, 30000));
        endpointConfigurator.ConcurrentMessageLimit = 4;
    }
}
