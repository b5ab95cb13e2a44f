using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using DsarEngine.Server.Requests;
using DsarEngine.Workflows.Journal;
using DsarEngine.Workflows.Security;
using Npgsql;

namespace DsarEngine.Server.Uploads;

// The documents a subject sent, sealed at rest with the data key (like the packs and the conversation): the associated
// data binds the bytes to their tenant and row, and the name to the same row with its own label, so nothing sealed here
// opens anywhere else. Written by the caller's transaction (WriteAsync), so a document never outlives what it came with.
internal sealed class SubjectUploads(NpgsqlDataSource dataSource, DataKeyRing keys)
{
    // FileName: the name the subject's browser gave (sanitised, opened from its seal); shown to staff, never logged.
    internal sealed record Document(Guid Id, string Kind, string MediaType, int Size, string Sha256, DateTimeOffset CreatedAt,
        Guid? MessageId, string FileName);

    internal sealed record Opened(Document Document, byte[] Content);

    private sealed record ListRow(Guid Id, string Kind, string MediaType, int Size, string Sha256, DateTimeOffset CreatedAt,
        Guid? MessageId, string KeyId, byte[] NameNonce, byte[] NameSealed);

    private sealed record Row(Guid Id, string Kind, string MediaType, int Size, string Sha256, DateTimeOffset CreatedAt, Guid? MessageId,
        string KeyId, byte[] NameNonce, byte[] NameSealed, byte[] Nonce, byte[] Sealed);

    private const string InsertSql = """
        INSERT INTO subject_documents (id, tenant_id, request_id, message_id, kind, media_type, size, key_id, name_nonce, name_sealed,
            nonce, sealed, sha256, created_at)
        VALUES (@Id, @TenantId, @RequestId, @MessageId, @Kind, @MediaType, @Size, @KeyId, @NameNonce, @NameSealed,
            @Nonce, @Sealed, @Sha256, @CreatedAt)
        """;

    public async Task<IReadOnlyList<Guid>> WriteAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid tenantId, Guid requestId,
        Guid? messageId,
        IReadOnlyList<CheckedFile> files, DateTimeOffset now, CancellationToken ct)
    {
        var ids = new List<Guid>(files.Count);
        foreach (var file in files)
        {
            var id = Guid.CreateVersion7(now);
            var (nonce, sealedBytes) = keys.Seal(file.Content, Associated(tenantId, id, "content"));
            var (nameNonce, nameSealed) = keys.Seal(Encoding.UTF8.GetBytes(file.FileName), Associated(tenantId, id, "name"));
            await c.ExecuteAsync(new CommandDefinition(InsertSql, new
            {
                Id = id, TenantId = tenantId, RequestId = requestId, MessageId = messageId, file.Kind, file.MediaType,
                Size = file.Content.Length, KeyId = keys.CurrentId, NameNonce = nameNonce, NameSealed = nameSealed, Nonce = nonce,
                Sealed = sealedBytes, Sha256 = Convert.ToHexStringLower(SHA256.HashData(file.Content)), CreatedAt = now,
            }, tx, cancellationToken: ct));
            ids.Add(id);
        }
        return ids;
    }

    private const string ListSql = """
        SELECT id, kind, media_type, size, sha256, created_at, message_id, key_id, name_nonce, name_sealed FROM subject_documents
        WHERE tenant_id = @TenantId AND request_id = @RequestId ORDER BY created_at, id
        """;

    public async Task<IReadOnlyList<Document>> ListAsync(Guid tenantId, Guid requestId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        var rows = await c.QueryAsync<ListRow>(
            new CommandDefinition(ListSql, new { TenantId = tenantId, RequestId = requestId }, cancellationToken: ct));
        return [.. rows.Select(r => new Document(r.Id, r.Kind, r.MediaType, r.Size, r.Sha256, r.CreatedAt, r.MessageId,
            OpenName(tenantId, r.Id, r.KeyId, r.NameNonce, r.NameSealed)))];
    }

    private const string ReadSql = """
        SELECT id, kind, media_type, size, sha256, created_at, message_id, key_id, name_nonce, name_sealed, nonce, sealed
        FROM subject_documents WHERE tenant_id = @TenantId AND request_id = @RequestId AND id = @Id
        """;

    // Staff read a document: the read is journaled (subject-document-read: who, which document, its SHA-256) in the same
    // transaction, so nothing the subject sent is handed out unrecorded.
    public async Task<Opened?> OpenAsync(Guid tenantId, Guid requestId, Guid id, string actor, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            ReadSql, new { TenantId = tenantId, RequestId = requestId, Id = id }, tx, cancellationToken: ct));
        if (row is null)
            return null;
        await JournalStore.AppendEventAsync(c, tx, tenantId, requestId, now, actor, JournalKinds.SubjectDocumentRead,
            JsonSerializer.Serialize(new { document = row.Id, row.Kind, row.Sha256 }), ct);
        await tx.CommitAsync(ct);
        var name = OpenName(tenantId, row.Id, row.KeyId, row.NameNonce, row.NameSealed);
        var content = keys.Open(row.KeyId, row.Nonce, row.Sealed, Associated(tenantId, row.Id, "content"));
        return new Opened(new Document(row.Id, row.Kind, row.MediaType, row.Size, row.Sha256, row.CreatedAt, row.MessageId, name), content);
    }

    public const int MaxDeletionReasonLength = 500;

    // Why a copy goes is what an auditor reads later: required, one short text (API and inbox alike).
    public static string? DeletionReasonError(string? reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > MaxDeletionReasonLength
            ? $"A reason is required (at most {MaxDeletionReasonLength} characters): why the copy goes, e.g. " +
                "'identity checked; copy no longer needed'."
            : null;

    private const string DeleteSql = """
        DELETE FROM subject_documents WHERE tenant_id = @TenantId AND request_id = @RequestId AND id = @Id
        RETURNING id, kind, sha256
        """;

    // GDPR Art. 5(1)(c), EDPB Guidelines 01/2022 §79: once staff have checked an identity document (or any document they
    // no longer need), its copy goes; the journal keeps that it existed, its SHA-256 and who deleted it and why, in the
    // same transaction. False when there is no such document of this request.
    public async Task<bool> DeleteAsync(Guid tenantId, Guid requestId, Guid id, string actor, string reason, DateTimeOffset now,
        CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<(Guid Id, string Kind, string Sha256)?>(new CommandDefinition(
            DeleteSql, new { TenantId = tenantId, RequestId = requestId, Id = id }, tx, cancellationToken: ct));
        if (row is not { } deleted)
            return false;
        await JournalStore.AppendEventAsync(c, tx, tenantId, requestId, now, actor, JournalKinds.SubjectDocumentDeleted,
            JsonSerializer.Serialize(new { document = deleted.Id, deleted.Kind, deleted.Sha256, reason }), ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private string OpenName(Guid tenantId, Guid id, string keyId, byte[] nonce, byte[] sealedName) =>
        Encoding.UTF8.GetString(keys.Open(keyId, nonce, sealedName, Associated(tenantId, id, "name")));

    internal static byte[] Associated(Guid tenantId, Guid id, string part) =>
        [.. tenantId.ToByteArray(), .. id.ToByteArray(), .. Encoding.ASCII.GetBytes(part)];
}
