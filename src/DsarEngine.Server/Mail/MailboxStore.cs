using Dapper;
using Npgsql;
using DsarEngine.Server.Requests;

namespace DsarEngine.Server.Mail;

internal sealed record StoredMail(
    Guid Id, Guid TenantId, Guid? RequestId, string ToAddress, string Template, string Language, string Model,
    DateTimeOffset CreatedAt, DateTimeOffset? SentAt, int Attempts, string? LastError, DateTimeOffset NextAttemptAt, DateTimeOffset? DeadAt)
{
    // Dapper materialises through this and the init setters: its constructor mapping needs exact column types
    // (timestamptz reads as DateTime, text[] as Array), which the positional constructor cannot offer.
    private StoredMail() : this(default, default, null, "", "", "", "", default, null, default, null, default, null) { }
}

// The outgoing mail: rows written in the transaction of the state change that causes them, delivered by SMTP
// (MailboxStore.Delivery.cs), listed for admins with their delivery state.
internal sealed partial class MailboxStore(NpgsqlDataSource dataSource)
{
    private const string Columns = """
        id, tenant_id, request_id, to_address, template, language, model::text AS model, created_at, sent_at, attempts,
        last_error, next_attempt_at, dead_at
        """;

    private const string EnqueueSql = """
        INSERT INTO mail_messages (id, tenant_id, request_id, to_address, template, language, model, created_at, next_attempt_at)
        VALUES (@Id, @TenantId, @RequestId, @ToAddress, @Template, @Language, @Model::jsonb, @CreatedAt, @CreatedAt)
        """;

    public static Task EnqueueAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid tenantId, Guid? requestId,
        MailDraft mail, DateTimeOffset createdAt, CancellationToken ct) =>
        Platform.SqlBatch.ExecuteAsync(connection, tx, ct, Enqueue(tenantId, requestId, mail, createdAt));

    public static Platform.SqlStatement Enqueue(Guid tenantId, Guid? requestId, MailDraft mail, DateTimeOffset createdAt) =>
        new(EnqueueSql, new
        {
            mail.Id, TenantId = tenantId, RequestId = requestId, mail.ToAddress, mail.Template, mail.Language, mail.Model,
            CreatedAt = createdAt,
        });

    private const string ListSql = $"""
        SELECT {Columns} FROM mail_messages
        WHERE tenant_id = @TenantId AND (@To::text IS NULL OR to_address = @To)
        ORDER BY created_at DESC, id LIMIT @Limit
        """;

    public async Task<IReadOnlyList<StoredMail>> ListAsync(Guid tenantId, string? to, int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<StoredMail>(
            new CommandDefinition(ListSql, new { TenantId = tenantId, To = to, Limit = limit }, cancellationToken: ct));
        return rows.AsList();
    }

    // A dead message gets a fresh set of attempts, due now. Only the tenant's own, only a dead one.
    private const string RequeueSql = """
        UPDATE mail_messages SET dead_at = NULL, attempts = 0, next_attempt_at = @Now
        WHERE id = @Id AND tenant_id = @TenantId AND dead_at IS NOT NULL
        RETURNING request_id, template
        """;

    private sealed record Requeued(Guid? RequestId, string Template)
    {
        private Requeued() : this(null, "") { }
    }

    public async Task<MailRequeue> RequeueAsync(Guid tenantId, Guid id, string actor, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var row = await c.QuerySingleOrDefaultAsync<Requeued>(
            new CommandDefinition(RequeueSql, new { Id = id, TenantId = tenantId, Now = now }, tx, cancellationToken: ct));
        if (row is null)
        {
            var exists = await c.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM mail_messages WHERE id = @Id AND tenant_id = @TenantId)",
                new { Id = id, TenantId = tenantId }, tx, cancellationToken: ct));
            return exists ? MailRequeue.NotDead : MailRequeue.NotFound;
        }
        // The request's audit trail says who sent its subject's mail again, and which mail (no address, no content).
        if (row.RequestId is { } requestId)
            await JournalStore.AppendEventAsync(c, tx, tenantId, requestId, now, actor, Workflows.Journal.JournalKinds.MailRequeued,
                System.Text.Json.JsonSerializer.Serialize(new { mailId = id, template = row.Template }), ct);
        await tx.CommitAsync(ct);
        return MailRequeue.Requeued;
    }
}

internal enum MailRequeue { Requeued, NotDead, NotFound }
