using System.Security.Cryptography;
using Dapper;
using DsarEngine.Connectors.Contracts;

namespace DsarEngine.Workflows.Connectors;

internal sealed partial class ExportStore
{
    private sealed record ChunkRow(int Sequence, Guid TenantId, string KeyId, byte[] Nonce, byte[] Sealed)
    {
        private ChunkRow() : this(0, default, "", [], []) { }
    }

    private const string ChunksSql = """
        SELECT sequence, tenant_id, key_id, nonce, sealed FROM connector_exports
        WHERE export_id = @ExportId AND request_id = @RequestId ORDER BY sequence
        """;

    // The whole document, or null when a chunk is missing.
    public async Task<byte[]?> ReadAsync(Guid requestId, Guid exportId, int? expectedChunks, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        var rows = (await c.QueryAsync<ChunkRow>(new CommandDefinition(ChunksSql, new { ExportId = exportId, RequestId = requestId }, cancellationToken: ct))).AsList();
        if (rows.Count == 0 || (expectedChunks is { } n && rows.Count != n) || rows.Select((r, i) => r.Sequence != i).Any(gap => gap))
            return null;
        using var whole = new MemoryStream();
        foreach (var row in rows)
            whole.Write(keys.Open(row.KeyId, row.Nonce, row.Sealed, Associated(row.TenantId, exportId, row.Sequence)));
        return whole.ToArray();
    }

    public async Task<ExportCheck> CheckAsync(Guid requestId, ExportManifest manifest, CancellationToken ct)
    {
        var bytes = await ReadAsync(requestId, manifest.ExportId, manifest.Chunks, ct);
        if (bytes is null)
            return ExportCheck.Incomplete;
        return bytes.LongLength == manifest.Bytes && Convert.ToHexStringLower(SHA256.HashData(bytes)) == manifest.Sha256.ToLowerInvariant()
            ? ExportCheck.Complete : ExportCheck.Corrupt;
    }

    private const string DeleteSql = "DELETE FROM connector_exports WHERE export_id = @ExportId AND request_id = @RequestId";

    // A manual upload whose task could not take it: remove it again, so a refused command leaves nothing behind.
    public async Task DeleteAsync(Guid requestId, Guid exportId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(DeleteSql, new { ExportId = exportId, RequestId = requestId }, cancellationToken: ct));
    }
}
