using System.Security.Cryptography;
using Dapper;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Workflows.Runtime;
using Npgsql;
using DsarEngine.Workflows.Security;

namespace DsarEngine.Server.Connectors;

internal enum ExportCheck
{
    Complete,
    Incomplete,
    Corrupt,
    TooLarge,
}

// How big one export may be (Dsar:Connectors:Exports:MaxBytes): beyond it no chunk is stored and the reply is refused
// as export-too-large, so a connector can neither fill the database nor make a renderer hold gigabytes (review M11).
internal sealed record ExportLimits(long MaxBytes)
{
    public const long DefaultMaxBytes = 256L * 1024 * 1024;

    public static readonly ExportLimits Default = new(DefaultMaxBytes);

    public int MaxChunks => (int)Math.Ceiling(MaxBytes / (double)ExportStore.MaxChunkBytes);
}

// The claim-check store: exported documents arrive chunk by chunk and are sealed at rest (DataKeyRing); the reply
// that names them is only accepted once every chunk is here and the whole matches the connector's digest.
internal sealed partial class ExportStore(NpgsqlDataSource dataSource, DataKeyRing keys, ExportLimits limits)
{
    public const int MaxChunkBytes = global::DsarEngine.Connectors.ExportUpload.DefaultChunkBytes;

    private sealed record ChunkOwner(Guid TenantId, bool Ending)
    {
        private ChunkOwner() : this(default, false) { }
    }

    // A request's, or a processor's end of contract (the whole customer's export, docs/processor-role.md).
    private const string RequestTenantSql = """
        SELECT r.tenant_id, false AS ending FROM requests r JOIN tenants t ON t.id = r.tenant_id
        WHERE r.id = @RequestId AND t.slug = @Tenant
        UNION ALL
        SELECT e.tenant_id, true FROM contract_endings e JOIN tenants t ON t.id = e.tenant_id
        WHERE e.id = @RequestId AND t.slug = @Tenant
        """;

    private const string InsertSql = """
        INSERT INTO connector_exports
            (export_id, sequence, tenant_id, request_id, contract_ending_id, task_id, key_id, nonce, sealed, bytes, created_at)
        VALUES (@ExportId, @Sequence, @TenantId, @RequestId, @EndingId, @TaskId, @KeyId, @Nonce, @Sealed, @Bytes, @Now)
        ON CONFLICT (export_id, sequence) DO NOTHING
        """;

    // False when the chunk names no request of that tenant, is too big, or lies beyond the export limit: it is dropped,
    // nothing is stored.
    public async Task<bool> StoreChunkAsync(ExportChunkUploaded chunk, DateTimeOffset now, CancellationToken ct)
    {
        if (chunk.Data is null || chunk.Data.Length > MaxChunkBytes || chunk.Sequence < 0 || chunk.Sequence >= limits.MaxChunks)
            return false;
        await using var c = await dataSource.OpenConnectionAsync(ct);
        var found = await c.QueryFirstOrDefaultAsync<ChunkOwner>(
            new CommandDefinition(RequestTenantSql, new { chunk.Task.RequestId, chunk.Task.Tenant }, cancellationToken: ct));
        if (found is null)
            return false;
        await InsertAsync(c, null, found.TenantId, chunk.Task.RequestId, chunk.Task.TaskId, chunk.ExportId, chunk.Sequence, chunk.Data,
            now, ct, found.Ending);
        return true;
    }

    private async Task InsertAsync(NpgsqlConnection c, NpgsqlTransaction? tx, Guid tenantId, Guid requestId, Guid taskId, Guid exportId,
        int sequence, byte[] data, DateTimeOffset now, CancellationToken ct, bool ending = false)
    {
        var (nonce, sealedBytes) = keys.Seal(data, Associated(tenantId, exportId, sequence));
        await c.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            ExportId = exportId, Sequence = sequence, TenantId = tenantId, RequestId = ending ? (Guid?)null : requestId,
            EndingId = ending ? requestId : (Guid?)null, TaskId = taskId,
            KeyId = keys.CurrentId, Nonce = nonce, Sealed = sealedBytes, Bytes = data.Length, Now = now,
        }, tx, cancellationToken: ct));
    }

    // A document a person uploaded (a manual task): stored in one piece, digested here.
    public async Task<ExportRef> StoreDocumentAsync(Guid tenantId, Guid requestId, Guid taskId, byte[] document, int records,
        IReadOnlyList<string> categories, DateTimeOffset now, CancellationToken ct)
    {
        var exportId = Guid.NewGuid();
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        for (int offset = 0, sequence = 0; offset < document.Length || sequence == 0; offset += MaxChunkBytes, sequence++)
            await InsertAsync(c, tx, tenantId, requestId, taskId, exportId, sequence,
                document[offset..Math.Min(document.Length, offset + MaxChunkBytes)], now, ct);
        await tx.CommitAsync(ct);
        return new ExportRef(exportId, document.Length, Convert.ToHexStringLower(SHA256.HashData(document)), records, categories);
    }

    internal static byte[] Associated(Guid tenantId, Guid exportId, int sequence) =>
        [.. tenantId.ToByteArray(), .. exportId.ToByteArray(), .. BitConverter.GetBytes(sequence)];

    // Chunks stored in the caller's transaction, with the reply that names them (a connector's HTTP callback): the
    // callback is answered only once both are durable. The tenant was checked by the caller.
    public async Task StoreChunksAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid tenantId, IReadOnlyList<ExportChunkUploaded> chunks,
        DateTimeOffset now, CancellationToken ct)
    {
        foreach (var chunk in chunks)
            await InsertAsync(
                c, tx, tenantId, chunk.Task.RequestId, chunk.Task.TaskId, chunk.ExportId, chunk.Sequence, chunk.Data, now, ct);
    }
}
