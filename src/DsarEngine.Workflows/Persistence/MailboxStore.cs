using Dapper;
using Npgsql;

namespace DsarEngine.Workflows.Persistence;

internal sealed record StoredMail(
    Guid Id, Guid TenantId, Guid? RequestId, string ToAddress, string Template, string Language, string Model,
    DateTimeOffset CreatedAt, DateTimeOffset? SentAt, int Attempts, string? LastError)
{
    // Dapper materialises through this and the init setters: its constructor mapping needs exact column types
    // (timestamptz reads as DateTime, text[] as Array), which the positional constructor cannot offer.
    private StoredMail() : this(default, default, null, "", "", "", "", default, null, default, null) { }
}

internal sealed class MailboxStore(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, tenant_id, request_id, to_address, template, language, model::text AS model, created_at, sent_at, attempts, last_error";

    private const string EnqueueSql = """
        INSERT INTO mail_messages (id, tenant_id, request_id, to_address, template, language, model, created_at)
        VALUES (@Id, @TenantId, @RequestId, @ToAddress, @Template, @Language, @Model::jsonb, @CreatedAt)
        """;

    public static Task EnqueueAsync(NpgsqlConnection connection, NpgsqlTransaction tx, Guid tenantId, Guid? requestId,
        MailDraft mail, DateTimeOffset createdAt, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(EnqueueSql,
            new { mail.Id, TenantId = tenantId, RequestId = requestId, mail.ToAddress, mail.Template, mail.Language, mail.Model, CreatedAt = createdAt },
            tx, cancellationToken: ct));

    private const string ListSql = $"""
        SELECT {Columns} FROM mail_messages
        WHERE tenant_id = @TenantId AND (@To::text IS NULL OR to_address = @To)
        ORDER BY created_at DESC, id LIMIT @Limit
        """;

    public async Task<IReadOnlyList<StoredMail>> ListAsync(Guid tenantId, string? to, int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<StoredMail>(new CommandDefinition(ListSql, new { TenantId = tenantId, To = to, Limit = limit }, cancellationToken: ct));
        return rows.AsList();
    }

    // SMTP delivery: one batch of unsent mail, locked so that several engines never send a message twice.
    private const string ClaimSql = $"""
        SELECT {Columns} FROM mail_messages
        WHERE sent_at IS NULL AND attempts < @MaxAttempts
        ORDER BY created_at LIMIT @Limit FOR UPDATE SKIP LOCKED
        """;

    private const string MarkSql = """
        UPDATE mail_messages SET attempts = attempts + 1,
            sent_at = CASE WHEN @Error::text IS NULL THEN @Now ELSE NULL END, last_error = @Error
        WHERE id = @Id
        """;

    public async Task<int> DeliverPendingAsync(Func<StoredMail, Task<string?>> send, int limit, int maxAttempts,
        DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var batch = (await connection.QueryAsync<StoredMail>(new CommandDefinition(ClaimSql, new { Limit = limit, MaxAttempts = maxAttempts }, tx, cancellationToken: ct))).AsList();
        foreach (var mail in batch)
        {
            var error = await send(mail);
            await connection.ExecuteAsync(new CommandDefinition(MarkSql, new { mail.Id, Error = error, Now = now }, tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
        return batch.Count;
    }
}
