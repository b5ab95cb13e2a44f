using Dapper;
using DsarEngine.Server.Requests;
using DsarEngine.Server.Tests.Stores;
using DsarEngine.Workflows.Journal;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DsarEngine.Server.Tests.Retention;

// A request with every kind of record the engine keeps about it, written through the engine's stores (the request and its
// journal) and plain SQL (the sealed rows: the purge never opens them, so their bytes need not decrypt).
internal static class RetentionRows
{
    public static async Task<StoredRequest> RequestAsync(EngineFactory engine, Guid tenantId, string email, DateTimeOffset receivedAt,
        string right = "access")
    {
        var request = StoredRequests.For(tenantId, right) with
        {
            Id = Guid.CreateVersion7(receivedAt), Subject = $$"""{"email":"{{email}}","name":"Jeanne Martin","identities":[]}""",
            Details = "My customer number is 4242.", ReceivedAt = receivedAt, CreatedAt = receivedAt,
        };
        var received = JournalChain.Append(null, tenantId, request.Id, receivedAt, "subject", JournalKinds.Received, """{"right":"x"}""");
        await engine.Services.GetRequiredService<RequestStore>().SubmitAsync(request, received, null, null, CancellationToken.None);
        return request;
    }

    // Finished the way the workflow finishes it: the status, and the closing entry chained to the journal at that instant.
    public static async Task CloseAsync(EngineFactory engine, StoredRequest request, DateTimeOffset at, string status = "completed")
    {
        await using var c = new NpgsqlConnection(engine.ConnectionString);
        await c.OpenAsync();
        await using var tx = await c.BeginTransactionAsync();
        await c.ExecuteAsync("UPDATE requests SET status = @status WHERE id = @Id", new { status, request.Id }, tx);
        await JournalStore.AppendEventAsync(c, tx, request.TenantId, request.Id, at, "system", JournalKinds.Closed,
            """{"outcome":"completed"}""", CancellationToken.None);
        await tx.CommitAsync();
    }

    private const string FilesSql = """
        INSERT INTO connector_exports (export_id, sequence, tenant_id, request_id, task_id, key_id, nonce, sealed, bytes, created_at)
        VALUES (@Export, 0, @TenantId, @Id, @Task, 'k1', '\x00', '\x01', 1, @At),
            (@Export, 1, @TenantId, @Id, @Task, 'k1', '\x00', '\x01', 1, @At);
        INSERT INTO response_packs (id, tenant_id, request_id, kind, language, key_id, nonce, sealed, bytes, sha256, created_at)
        VALUES (@Pack, @TenantId, @Id, 'letter', 'en', 'k1', '\x00', '\x01', 1, 'ab', @At);
        INSERT INTO pack_codes (id, tenant_id, request_id, code_hash, expires_at, created_at)
        VALUES (@Code, @TenantId, @Id, '\x00', @At, @At);
        INSERT INTO mail_messages
            (id, tenant_id, request_id, to_address, template, language, model, created_at, sent_at, next_attempt_at)
        VALUES (@Mail, @TenantId, @Id, @Email, 'pack-ready', 'en', '{}', @At, @At, @At);
        INSERT INTO request_messages
            (id, tenant_id, request_id, direction, purpose, author, mail_id, key_id, nonce, sealed, sha256, created_at)
        VALUES (@Message, @TenantId, @Id, 'to-subject', 'message', 'agent', @Mail, 'k1', '\x00', '\x01', 'ab', @At);
        INSERT INTO subject_documents
            (id, tenant_id, request_id, message_id, kind, media_type, size, key_id, name_nonce, name_sealed, nonce, sealed, sha256,
            created_at)
        VALUES (@Document, @TenantId, @Id, NULL, 'supporting', 'application/pdf', 1, 'k1', '\x00', '\x01', '\x00', '\x01', 'ab', @At);
        INSERT INTO request_notes (id, tenant_id, request_id, author, key_id, nonce, sealed, sha256, created_at)
        VALUES (@Note, @TenantId, @Id, 'agent', 'k1', '\x00', '\x01', 'ab', @At);
        """;

    // One export (two chunks), one pack with its code, one sent e-mail with the message it carried, one document, one note.
    public static async Task AddRecordsAsync(EngineFactory engine, StoredRequest request, string email, DateTimeOffset at)
    {
        await using var c = new NpgsqlConnection(engine.ConnectionString);
        await c.ExecuteAsync(FilesSql, new
        {
            request.TenantId, request.Id, Email = email, At = at, Export = Guid.NewGuid(), Task = Guid.NewGuid(), Pack = Guid.NewGuid(),
            Code = Guid.NewGuid(), Mail = Guid.NewGuid(), Message = Guid.NewGuid(), Document = Guid.NewGuid(), Note = Guid.NewGuid(),
        });
    }

    public sealed record Counts(long Exports, long Packs, long Codes, long Mail, long Messages, long Documents, long Notes)
    {
        private Counts() : this(0, 0, 0, 0, 0, 0, 0) { }
    }

    private const string CountsSql = """
        SELECT (SELECT count(*) FROM connector_exports WHERE request_id = @Id) AS exports,
            (SELECT count(*) FROM response_packs WHERE request_id = @Id) AS packs,
            (SELECT count(*) FROM pack_codes WHERE request_id = @Id) AS codes,
            (SELECT count(*) FROM mail_messages WHERE request_id = @Id) AS mail,
            (SELECT count(*) FROM request_messages WHERE request_id = @Id) AS messages,
            (SELECT count(*) FROM subject_documents WHERE request_id = @Id) AS documents,
            (SELECT count(*) FROM request_notes WHERE request_id = @Id) AS notes
        """;

    public static async Task<Counts> CountAsync(EngineFactory engine, Guid requestId)
    {
        await using var c = new NpgsqlConnection(engine.ConnectionString);
        return await c.QuerySingleAsync<Counts>(CountsSql, new { Id = requestId });
    }

    public static readonly Counts All = new(2, 1, 1, 1, 1, 1, 1);

    public static readonly Counts None = new(0, 0, 0, 0, 0, 0, 0);
}
