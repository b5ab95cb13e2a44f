using DsarEngine.Connectors.Contracts;
using Npgsql;

namespace DsarEngine.Server.Connectors;

internal sealed partial class ExportStore
{
    // Chunks stored in the caller's transaction, with the reply that names them (a connector's HTTP callback): the
    // callback is answered only once both are durable. The tenant was checked by the caller.
    public async Task StoreChunksAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid tenantId, IReadOnlyList<ExportChunkUploaded> chunks,
        DateTimeOffset now, CancellationToken ct)
    {
        foreach (var chunk in chunks)
            await InsertAsync(c, tx, tenantId, chunk.Task.RequestId, chunk.Task.TaskId, chunk.ExportId, chunk.Sequence, chunk.Data, now, ct);
    }
}
