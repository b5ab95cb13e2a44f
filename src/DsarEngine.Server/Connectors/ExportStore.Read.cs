using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Dapper;
using DsarEngine.Connectors.Contracts;

namespace DsarEngine.Server.Connectors;

// "Request" below is the owner of the export: a request, or a processor's end of contract (the same kind of id).
internal sealed partial class ExportStore
{
    private sealed record ChunkRow(int Sequence, Guid TenantId, string KeyId, byte[] Nonce, byte[] Sealed, int Bytes)
    {
        private ChunkRow() : this(0, default, "", [], [], 0) { }
    }

    private const string ChunksSql = """
        SELECT sequence, tenant_id, key_id, nonce, sealed, bytes FROM connector_exports
        WHERE export_id = @ExportId AND (request_id = @RequestId OR contract_ending_id = @RequestId) ORDER BY sequence
        """;

    private const string SizeSql = """
        SELECT count(*)::int AS chunks, coalesce(sum(bytes), 0)::bigint AS bytes, coalesce(max(sequence), -1) AS last
        FROM connector_exports WHERE export_id = @ExportId AND (request_id = @RequestId OR contract_ending_id = @RequestId)
        """;

    // The export's chunks in order, opened one at a time (security review M11): a reader holds one chunk, never the
    // whole document, and nothing is read if a chunk is missing or the export is over the limit.
    private async IAsyncEnumerable<byte[]> ChunksAsync(
        Guid requestId, Guid exportId, int? expectedChunks, [EnumeratorCancellation] CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        var size = await c.QuerySingleAsync<(int Chunks, long Bytes, int Last)>(
            new CommandDefinition(SizeSql, new { ExportId = exportId, RequestId = requestId }, cancellationToken: ct));
        if (size.Chunks == 0 || size.Last != size.Chunks - 1 || (expectedChunks is { } n && size.Chunks != n)
            || size.Bytes > limits.MaxBytes)
            yield break;
        var expected = 0;
        await foreach (var row in c.QueryUnbufferedAsync<ChunkRow>(ChunksSql, new { ExportId = exportId, RequestId = requestId })
            .WithCancellation(ct))
        {
            if (row.Sequence != expected++)
                throw new InvalidOperationException($"Export {exportId} changed while it was read.");
            yield return keys.Open(row.KeyId, row.Nonce, row.Sealed, Associated(row.TenantId, exportId, row.Sequence));
        }
    }

    // The size of a complete export within the limit, or null.
    public Task<long?> SizeAsync(Guid requestId, Guid exportId, CancellationToken ct) => CompleteSizeAsync(requestId, exportId, null, ct);

    private async Task<long?> CompleteSizeAsync(Guid requestId, Guid exportId, int? expectedChunks, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        var size = await c.QuerySingleAsync<(int Chunks, long Bytes, int Last)>(
            new CommandDefinition(SizeSql, new { ExportId = exportId, RequestId = requestId }, cancellationToken: ct));
        return size.Chunks == 0 || size.Last != size.Chunks - 1 || (expectedChunks is { } n && size.Chunks != n)
            || size.Bytes > limits.MaxBytes ? null : size.Bytes;
    }

    // The whole document in one buffer of its exact size (the letter and the archive need it whole), or null when a
    // chunk is missing.
    public async Task<byte[]?> ReadAsync(Guid requestId, Guid exportId, int? expectedChunks, CancellationToken ct)
    {
        if (await CompleteSizeAsync(requestId, exportId, expectedChunks, ct) is not { } bytes)
            return null;
        var whole = new byte[bytes];
        var at = 0;
        await foreach (var chunk in ChunksAsync(requestId, exportId, expectedChunks, ct))
        {
            chunk.CopyTo(whole, at);
            at += chunk.Length;
        }
        return at == whole.Length ? whole : null;
    }

    // Streams the document to a response, a chunk at a time; false when it is incomplete.
    public async Task<bool> CopyToAsync(Guid requestId, Guid exportId, Stream destination, CancellationToken ct)
    {
        if (await CompleteSizeAsync(requestId, exportId, null, ct) is null)
            return false;
        await foreach (var chunk in ChunksAsync(requestId, exportId, null, ct))
            await destination.WriteAsync(chunk, ct);
        return true;
    }

    // Whether the manifest's chunks are all here and match its size and digest, hashed chunk by chunk.
    public async Task<ExportCheck> CheckAsync(Guid requestId, ExportManifest manifest, CancellationToken ct)
    {
        if (manifest.Bytes > limits.MaxBytes || manifest.Chunks > limits.MaxChunks)
            return ExportCheck.TooLarge;
        if (await CompleteSizeAsync(requestId, manifest.ExportId, manifest.Chunks, ct) is not { } bytes)
            return ExportCheck.Incomplete;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await foreach (var chunk in ChunksAsync(requestId, manifest.ExportId, manifest.Chunks, ct))
            hash.AppendData(chunk);
        return bytes == manifest.Bytes && Convert.ToHexStringLower(hash.GetHashAndReset()) == manifest.Sha256.ToLowerInvariant()
            ? ExportCheck.Complete : ExportCheck.Corrupt;
    }

    private const string DeleteSql = """
        DELETE FROM connector_exports WHERE export_id = @ExportId AND (request_id = @RequestId OR contract_ending_id = @RequestId)
        """;

    // Whether every chunk the manifest names (the document's and each file's) is here.
    public async Task<bool> AllHereAsync(Guid requestId, ExportManifest manifest, CancellationToken ct)
    {
        foreach (var (id, chunks) in (manifest.Files ?? []).OfType<ExportFileManifest>().Select(f => (f.FileId, f.Chunks))
            .Prepend((manifest.ExportId, manifest.Chunks)))
            if (await CompleteSizeAsync(requestId, id, chunks, ct) is null)
                return false;
        return true;
    }

    private const string DeleteExportSql = "DELETE FROM connector_exports WHERE export_id = ANY(@Ids) AND request_id = @RequestId";

    // A refused export (a file it names was refused or does not match): its document and every file it names go, so the
    // refusal leaves nothing behind that a pack could pick up.
    public async Task DeleteExportAsync(Guid requestId, ExportManifest manifest, CancellationToken ct)
    {
        Guid[] ids = [manifest.ExportId, .. (manifest.Files ?? []).OfType<ExportFileManifest>().Select(f => f.FileId)];
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(DeleteExportSql, new { Ids = ids, RequestId = requestId }, cancellationToken: ct));
    }

    // A manual upload whose task could not take it: remove it again, so a refused command leaves nothing behind.
    public async Task DeleteAsync(Guid requestId, Guid exportId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(DeleteSql, new { ExportId = exportId, RequestId = requestId }, cancellationToken: ct));
    }
}
