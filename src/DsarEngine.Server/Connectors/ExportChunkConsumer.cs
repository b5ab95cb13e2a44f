using DsarEngine.Connectors.Contracts;
using DsarEngine.Workflows.Connectors;
using MassTransit;

namespace DsarEngine.Server.Connectors;

// Stores export chunks as they arrive (sealed, idempotent per export and sequence). A chunk for a request that is
// not the named tenant's, or larger than the limit, is dropped with a warning.
internal sealed class ExportChunkConsumer(ExportStore exports, TimeProvider clock, ILogger<ExportChunkConsumer> log) : IConsumer<ExportChunkUploaded>
{
    public async Task Consume(ConsumeContext<ExportChunkUploaded> context)
    {
        var chunk = context.Message;
        if (!await exports.StoreChunkAsync(chunk, clock.GetUtcNow(), context.CancellationToken))
            log.LogWarning("Dropped export chunk {Sequence} of export {ExportId} from {Connector}: unknown request for the tenant, or over {Max} bytes",
                chunk.Sequence, chunk.ExportId, chunk.Task.Connector, ExportStore.MaxChunkBytes);
    }
}
