using DsarEngine.Server.Connectors;
using DsarEngine.Server.Platform;
using DsarEngine.Workflows.Packs;
using DsarEngine.Server.Requests;
using DsarEngine.Server.Workflow;
using DsarEngine.Workflows.Runtime;
using MassTransit;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Packs;

// Renders a request's response pack behind the bus, so that it can run on a separate worker process, and tells the
// workflow. A missing register, or a render that still fails on its last retry, is reported to the workflow (a person
// looks), never dropped.
internal sealed class RenderPackConsumer(RequestStore requests, RegisterStore registers, LetterModels models, LetterComposer composer,
    PackStore packs, SignalProcessor processor, InstanceStore instances, TimeProvider clock, IOptions<PackOptions> options, ILogger<RenderPackConsumer> log)
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
            try
            {
                var pdf = await composer.PdfAsync(await models.NoticeAsync(request, register, notice, ct), ct);
                var (id, sha) = await packs.SaveAsync(notice.TenantId, notice.RequestId, notice.Kind, request.Language, pdf, clock.GetUtcNow(), ct);
                signal = new Signal.NoticeRendered(notice.Kind, id, sha, null);
                log.LogInformation("Rendered the {Kind} of request {RequestId}: {Bytes} bytes", notice.Kind, notice.RequestId, pdf.Length);
            }
            catch (Exception e) when (LastAttemptFailed(context, e, ct))
            {
                signal = new Signal.NoticeRendered(notice.Kind, Guid.Empty, "", Failure(notice.RequestId, e));
            }
        await processor.ProcessAsync(notice.RequestId, signal, new SignalSource("pack-renderer", context.MessageId), ct);
    }

    // A render that throws is retried (the endpoint's retry policy) until its last render attempt, whose failure is
    // recorded. A database that is briefly away is not the letter's fault: that keeps the message in the longer retry.
    private bool LastAttemptFailed(ConsumeContext context, Exception e, CancellationToken ct) =>
        (e is not OperationCanceledException || !ct.IsCancellationRequested) && !ConnectorEndpoints.DatabaseAway(e)
        && context.GetRetryAttempt() >= options.Value.RenderRetries;

    // The exception's type only: messages may quote the letter, and the letter is personal data.
    private string Failure(Guid requestId, Exception e)
    {
        log.LogError("Rendering for request {RequestId} failed on its last attempt: {Error}", requestId, e.GetType().Name);
        return $"the renderer failed {options.Value.RenderRetries + 1} times ({e.GetType().Name}); retry once it is fixed.";
    }

    public async Task Consume(ConsumeContext<RenderResponsePack> context)
    {
        var (requestId, tenantId) = (context.Message.RequestId, context.Message.TenantId);
        var ct = context.CancellationToken;
        var request = await requests.FindByIdAsync(tenantId, requestId, ct);
        WorkflowInstance? instance;
        instance = await instances.FindAsync(tenantId, requestId, ct);
        if (request is null || instance is null)
            return;
        Signal signal;
        if (await registers.FindAsync(tenantId, request.Language, ct) is not { } register)
            signal = new Signal.PackRendered(Guid.Empty, "", 0, "the organisation has no processing register (PUT /api/v1/staff/register).");
        else
            try
            {
                signal = await RenderAsync(request, instance, register, ct);
            }
            catch (Exception e) when (LastAttemptFailed(context, e, ct))
            {
                signal = new Signal.PackRendered(Guid.Empty, "", 0, Failure(requestId, e));
            }
        // The command's id names the render: the workflow takes the answer to the render it awaits, not an earlier one's.
        await processor.ProcessAsync(requestId, signal is Signal.PackRendered rendered ? rendered with { RenderId = context.MessageId } : signal,
            new SignalSource("pack-renderer", context.MessageId), ct);
    }

    private async Task<Signal> RenderAsync(StoredRequest request, WorkflowInstance instance, ProcessingRegister register, CancellationToken ct)
    {
        var pdf = await composer.PdfAsync(await models.BuildAsync(request, instance, register, ct), ct);
        var (id, sha) = await packs.SaveAsync(request.TenantId, request.Id, "letter", request.Language, pdf, clock.GetUtcNow(), ct);
        var size = pdf.Length;
        if (request.RightKind == "portability")
        {
            var zip = PortabilityArchive.Build(pdf, await models.DocumentsAsync(request, instance, ct));
            (id, sha) = await packs.SaveAsync(request.TenantId, request.Id, "portability-zip", request.Language, zip, clock.GetUtcNow(), ct);
            size = zip.Length;
        }
        else if (request.RightKind == "access" && request.Channel == "controller" && instance.State.Outcome != "refused")
        {
            // An OpenDSR controller fetches the data itself (results_url): every record, machine-readable, beside the letter.
            var zip = PortabilityArchive.Build(pdf, await models.DocumentsAsync(request, instance, ct));
            await packs.SaveAsync(request.TenantId, request.Id, "results-zip", request.Language, zip, clock.GetUtcNow(), ct);
        }
        log.LogInformation("Rendered the response pack of request {RequestId}: {Bytes} bytes", request.Id, size);
        return new Signal.PackRendered(id, sha, size, null);
    }
}

// A render that throws (browser crash, timeout) is retried by MassTransit, the one retry layer, after 1 s, 5 s, then
// 30 s each (Dsar:Packs:RenderRetries); the consumer itself reports the last failure to the workflow. Then come the
// database retries (ConnectorEndpoints.DatabaseRetries): a render or its answer that needs PostgreSQL outlives a
// restart of a few minutes instead of going to the error queue. Past them, the pack step's timer asks a person.
internal sealed class RenderPackConsumerDefinition : ConsumerDefinition<RenderPackConsumer>
{
    private readonly int retries;

    public RenderPackConsumerDefinition(IOptions<BusOptions> bus, IOptions<PackOptions> packs)
    {
        EndpointName = Connectors.Queues.Resolve(Connectors.Queues.PackRenderer, bus.Value);
        retries = packs.Value.RenderRetries;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<RenderPackConsumer> consumerConfigurator, IRegistrationContext context)
    {
        TimeSpan[] renders = [.. Enumerable.Range(0, retries).Select(n => TimeSpan.FromSeconds(n switch { 0 => 1, 1 => 5, _ => 30 }))];
        consumerConfigurator.UseMessageRetry(r => r.Intervals([.. renders, .. ConnectorEndpoints.DatabaseRetries]));
        endpointConfigurator.ConcurrentMessageLimit = 4;
    }
}
