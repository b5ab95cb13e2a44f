using DsarEngine.Connectors.Contracts;
using MassTransit;

namespace DsarEngine.Server.Connectors;

// Stores export chunks as they arrive (sealed, idempotent per export and sequence). A chunk the ReplyGuard refuses,
// or larger than the limit, is dropped with a warning.
internal sealed class ExportChunkConsumer(ExportStore exports, ReplyGuard guard, TimeProvider clock, ILogger<ExportChunkConsumer> log)
    : IConsumer<ExportChunkUploaded>
{
    public async Task Consume(ConsumeContext<ExportChunkUploaded> context)
    {
        var chunk = context.Message;
        // Chunks are personal data: only the receiver of the export command may store any (tenant, token, broker user).
        if (ReplyChecks.Problems(chunk.Task) is { Count: > 0 }
            || await guard.CheckAsync(context, chunk.Task, "an export chunk") != ReplyVerdict.Accepted)
            return;
        if (!await exports.StoreChunkAsync(chunk, clock.GetUtcNow(), context.CancellationToken))
            log.LogWarning("Dropped export chunk {Sequence} of export {ExportId} from {Connector}: " +
                "unknown request for the tenant, or over {Max} bytes",
                chunk.Sequence, chunk.ExportId, chunk.Task.Connector, ExportStore.MaxChunkBytes);
    }
}
