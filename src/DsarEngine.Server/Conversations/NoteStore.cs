using System.Text.Json;
using Dapper;
using DsarEngine.Server.Requests;
using DsarEngine.Workflows.Journal;
using Npgsql;

namespace DsarEngine.Server.Conversations;

// A request's internal note as the inbox lists it. Never shown to the subject (no subject-facing path reads this table).
internal sealed record NoteView(Guid Id, string Author, DateTimeOffset CreatedAt, string Text);

// Internal notes: the text sealed in request_notes, and in the same transaction a journal entry that says a note was
// added, by whom, with the text's SHA-256 (the journal is append-only and hash-chained: personal data stays out of it).
internal sealed class NoteStore(NpgsqlDataSource dataSource, TextSeal seal)
{
    private const string InsertSql = """
        INSERT INTO request_notes (id, tenant_id, request_id, author, key_id, nonce, sealed, sha256, created_at)
        VALUES (@Id, @TenantId, @RequestId, @Author, @KeyId, @Nonce, @Sealed, @Sha256, @Now)
        """;

    public async Task<Guid> AddAsync(StoredRequest request, string author, string text, DateTimeOffset now, CancellationToken ct)
    {
        var id = Guid.CreateVersion7(now);
        var sealedText = seal.Seal(text, request.TenantId, id);
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(InsertSql, new
        {
            Id = id, request.TenantId, RequestId = request.Id, Author = author, sealedText.KeyId, sealedText.Nonce,
            sealedText.Sealed, sealedText.Sha256, Now = now,
        }, tx, cancellationToken: ct));
        await JournalStore.AppendEventAsync(c, tx, request.TenantId, request.Id, now, author, JournalKinds.NoteAdded,
            JsonSerializer.Serialize(new { noteId = id, sha256 = sealedText.Sha256 }), ct);
        await tx.CommitAsync(ct);
        return id;
    }

    private sealed record Row(Guid Id, Guid TenantId, string Author, string KeyId, byte[] Nonce, byte[] Sealed, DateTimeOffset CreatedAt)
    {
        private Row() : this(default, default, "", "", [], [], default) { }
    }

    private const string ListSql = """
        SELECT id, tenant_id, author, key_id, nonce, sealed, created_at FROM request_notes
        WHERE tenant_id = @TenantId AND request_id = @RequestId ORDER BY created_at DESC, id DESC LIMIT @Limit
        """;

    // Newest first; tenant-scoped by the request's own tenant.
    public async Task<IReadOnlyList<NoteView>> ListAsync(StoredRequest request, int limit, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        var rows = await c.QueryAsync<Row>(new CommandDefinition(
            ListSql, new { request.TenantId, RequestId = request.Id, Limit = limit }, cancellationToken: ct));
        return [.. rows.Select(r => new NoteView(r.Id, r.Author, r.CreatedAt, seal.Open(r.KeyId, r.Nonce, r.Sealed, r.TenantId, r.Id)))];
    }
}
