using System.Security.Cryptography;
using Dapper;
using DsarEngine.Workflows.Security;
using Npgsql;
using DsarEngine.Server.Requests;

namespace DsarEngine.Server.Packs;

// Rendered response packs, sealed at rest with the data key (the associated data binds each to its tenant and id).
internal sealed partial class PackStore(NpgsqlDataSource dataSource, DataKeyRing keys)
{
    private const string InsertSql = """
        INSERT INTO response_packs (id, tenant_id, request_id, kind, language, key_id, nonce, sealed, bytes, sha256, created_at)
        VALUES (@Id, @TenantId, @RequestId, @Kind, @Language, @KeyId, @Nonce, @Sealed, @Bytes, @Sha256, @Now)
        """;

    public async Task<(Guid Id, string Sha256)> SaveAsync(
        Guid tenantId, Guid requestId, string kind, string language, byte[] content, DateTimeOffset now, CancellationToken ct) =>
        (await SaveAllAsync(tenantId, requestId, language, [(kind, content)], now, ct))[0];

    // Documents that belong together (a letter and the copy it names), in one transaction and with one created_at:
    // there is never a letter without its copy, and the answer's parts are told apart from an earlier render's.
    public async Task<IReadOnlyList<(Guid Id, string Sha256)>> SaveAllAsync(Guid tenantId, Guid requestId, string language,
        IReadOnlyList<(string Kind, byte[] Content)> documents, DateTimeOffset now, CancellationToken ct)
    {
        var saved = new List<(Guid, string)>(documents.Count);
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        foreach (var (kind, content) in documents)
        {
            var id = Guid.CreateVersion7(now);
            var (nonce, sealedBytes) = keys.Seal(content, Associated(tenantId, id));
            var sha = Convert.ToHexStringLower(SHA256.HashData(content));
            await c.ExecuteAsync(new CommandDefinition(InsertSql, new
            {
                Id = id, TenantId = tenantId, RequestId = requestId, Kind = kind, Language = language, KeyId = keys.CurrentId,
                Nonce = nonce, Sealed = sealedBytes, Bytes = content.Length, Sha256 = sha, Now = now,
            }, tx, cancellationToken: ct));
            saved.Add((id, sha));
        }
        await tx.CommitAsync(ct);
        return saved;
    }

    private sealed record Row(Guid Id, string KeyId, byte[] Nonce, byte[] Sealed)
    {
        private Row() : this(default, "", [], []) { }
    }

    private const string LatestSql = """
        SELECT id, key_id, nonce, sealed FROM response_packs WHERE tenant_id = @TenantId AND request_id = @RequestId AND kind = @Kind
        ORDER BY created_at DESC LIMIT 1
        """;

    public async Task<byte[]?> LatestAsync(Guid tenantId, Guid requestId, string kind, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            LatestSql, new { TenantId = tenantId, RequestId = requestId, Kind = kind }, cancellationToken: ct));
        return row is null ? null : keys.Open(row.KeyId, row.Nonce, row.Sealed, Associated(tenantId, row.Id));
    }

    public sealed record Document(Guid Id, string Kind, string Language, int Bytes, string Sha256, DateTimeOffset CreatedAt)
    {
        private Document() : this(default, "", "", 0, "", default) { }
    }

    private const string ListSql = """
        SELECT id, kind, language, bytes, sha256, created_at FROM response_packs WHERE tenant_id = @TenantId AND request_id = @RequestId
        ORDER BY created_at, id
        """;

    // Every document rendered for a request (letters, archives, notices), oldest first, without their contents.
    public async Task<IReadOnlyList<Document>> ListAsync(Guid tenantId, Guid requestId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return [.. await c.QueryAsync<Document>(
            new CommandDefinition(ListSql, new { TenantId = tenantId, RequestId = requestId }, cancellationToken: ct))];
    }

    private const string ReadSql = """
        SELECT id, key_id, nonce, sealed FROM response_packs WHERE tenant_id = @TenantId AND request_id = @RequestId AND id = @Id
        """;

    public async Task<byte[]?> ReadAsync(Guid tenantId, Guid requestId, Guid id, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            ReadSql, new { TenantId = tenantId, RequestId = requestId, Id = id }, cancellationToken: ct));
        return row is null ? null : keys.Open(row.KeyId, row.Nonce, row.Sealed, Associated(tenantId, row.Id));
    }

    // A download journaled with the document read, in one transaction: nothing is handed out unrecorded.
    public async Task<byte[]?> ReadJournaledAsync(Guid tenantId, Guid requestId, Guid id, DateTimeOffset now, string actor, string kind,
        string data, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            ReadSql, new { TenantId = tenantId, RequestId = requestId, Id = id }, tx, cancellationToken: ct));
        if (row is null)
            return null;
        await JournalStore.AppendEventAsync(c, tx, tenantId, requestId, now, actor, kind, data, ct);
        await tx.CommitAsync(ct);
        return keys.Open(row.KeyId, row.Nonce, row.Sealed, Associated(tenantId, row.Id));
    }

    internal static byte[] Associated(Guid tenantId, Guid id) => [.. tenantId.ToByteArray(), .. id.ToByteArray()];
}
