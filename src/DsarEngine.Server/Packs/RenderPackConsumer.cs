using DsarEngine.Server.Connectors;
using DsarEngine.Server.Platform;
using DsarEngine.Workflows.Packs;
using DsarEngine.Server.Workflow;
using DsarEngine.Workflows.Runtime;
using MassTransit;
using Microsoft.Extensions.Options;

namespace DsarEngine.Server.Packs;

// Renders behind the bus, so that rendering can run on a separate worker process, and tells the workflow what came of
// it (PackRendering does the work). A render that still fails on its last retry is reported to the workflow (a person
// looks), never dropped.
internal sealed class RenderPackConsumer(
    PackRendering rendering, SignalProcessor processor, IOptions<PackOptions> options, ILogger<RenderPackConsumer> log)
    : IConsumer<RenderResponsePack>, IConsumer<RenderNotice>
{
    public async Task Consume(ConsumeContext<RenderNotice> context)
    {
        var notice = context.Message;
        Signal.NoticeRendered? signal;
        try
        {
            signal = await rendering.NoticeAsync(notice, context.CancellationToken);
        }
        catch (Exception e) when (LastAttemptFailed(context, e))
        {
            signal = new Signal.NoticeRendered(notice.Kind, Guid.Empty, "", Failure(notice.RequestId, e));
        }
        if (signal is not null)
            await processor.ProcessAsync(
                notice.RequestId, signal, new SignalSource("pack-renderer", context.MessageId), context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<RenderResponsePack> context)
    {
        var requestId = context.Message.RequestId;
        Signal.PackRendered? signal;
        try
        {
            signal = await rendering.PackAsync(context.Message.TenantId, requestId, context.CancellationToken);
        }
        catch (Exception e) when (LastAttemptFailed(context, e))
        {
            signal = new Signal.PackRendered(Guid.Empty, "", 0, Failure(requestId, e));
        }
        // The command's id names the render: the workflow takes the answer to the render it awaits, not an earlier one's.
        if (signal is not null)
            await processor.ProcessAsync(requestId, signal with { RenderId = context.MessageId },
                new SignalSource("pack-renderer", context.MessageId), context.CancellationToken);
    }

    // A render that throws is retried (the endpoint's retry policy) until its last render attempt, whose failure is
    // recorded. A database that is briefly away is not the letter's fault: that keeps the message in the longer retry.
    private bool LastAttemptFailed(ConsumeContext context, Exception e) =>
        (e is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested) && !ConnectorEndpoints.DatabaseAway(e)
        && context.GetRetryAttempt() >= options.Value.RenderRetries;

    // The exception's type only: messages may quote the letter, and the letter is personal data.
    private string Failure(Guid requestId, Exception e)
    {
        log.LogError("Rendering for request {RequestId} failed on its last attempt: {Error}", requestId, e.GetType().Name);
        return $"the renderer failed {options.Value.RenderRetries + 1} times ({e.GetType().Name}); retry once it is fixed.";
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
