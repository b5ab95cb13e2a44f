using Dapper;
using DsarEngine.Server.Requests;
using Npgsql;

namespace DsarEngine.Server.Workflow;

// A dead outbox row as staff see it: what, where, how often tried and why; never the body (it holds identities).
internal sealed record DeadOutboxMessage(Guid Id, string? Reference, string MessageType, string? Destination, int Attempts,
    string? LastError, DateTimeOffset CreatedAt, DateTimeOffset DeadAt)
{
    private DeadOutboxMessage() : this(default, null, "", null, 0, null, default, default) { }
}

internal enum RequeueResult
{
    Requeued,
    NotFound,
    NotDead,
}

// Dead outbox rows of one organisation, and requeueing one. Every query is scoped by the caller's tenant.
internal sealed class OutboxStore(NpgsqlDataSource dataSource)
{
    private const string DeadSql = """
        SELECT o.id, r.reference, o.message_type, o.destination, o.attempts, o.last_error, o.created_at, o.dead_at
        FROM outbox o LEFT JOIN requests r ON r.id = o.request_id
        WHERE o.tenant_id = @TenantId AND o.dead_at IS NOT NULL ORDER BY o.dead_at DESC, o.id LIMIT @Limit
        """;

    public async Task<IReadOnlyList<DeadOutboxMessage>> ListDeadAsync(Guid tenantId, int limit, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return (await c.QueryAsync<DeadOutboxMessage>(
            new CommandDefinition(DeadSql, new { TenantId = tenantId, Limit = limit }, cancellationToken: ct))).AsList();
    }

    private sealed record Found(Guid? RequestId, string MessageType, int Attempts, bool Dead)
    {
        private Found() : this(null, "", 0, false) { }
    }

    private const string FindSql =
        "SELECT request_id, message_type, attempts, dead_at IS NOT NULL AS dead FROM outbox WHERE id = @Id AND tenant_id = @TenantId";

    private const string LockRequestSql = "SELECT 1 FROM requests WHERE id = @Id FOR UPDATE";

    // Due at once, with a fresh attempt budget; the row keeps its id, so a receiver that had it still dedupes.
    private const string RequeueSql = """
        UPDATE outbox SET dead_at = NULL, attempts = 0, next_attempt_at = @Now
        WHERE id = @Id AND tenant_id = @TenantId AND dead_at IS NOT NULL AND sent_at IS NULL
        """;

    // The request row is locked before the outbox row, the order every signal transaction takes them in.
    public async Task<RequeueResult> RequeueAsync(Guid tenantId, Guid id, string actor, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var found = await c.QuerySingleOrDefaultAsync<Found>(
            new CommandDefinition(FindSql, new { Id = id, TenantId = tenantId }, tx, cancellationToken: ct));
        if (found is null)
            return RequeueResult.NotFound;
        if (found.RequestId is { } requestId)
            await c.ExecuteAsync(new CommandDefinition(LockRequestSql, new { Id = requestId }, tx, cancellationToken: ct));
        if (await c.ExecuteAsync(
            new CommandDefinition(RequeueSql, new { Id = id, TenantId = tenantId, Now = now }, tx, cancellationToken: ct)) != 1)
            return RequeueResult.NotDead;
        if (found.RequestId is { } journaled)
            await JournalStore.AppendEventAsync(c, tx, tenantId, journaled, now, actor, Workflows.Journal.JournalKinds.OutboxRequeued,
                System.Text.Json.JsonSerializer.Serialize(
                    new { messageId = id, messageType = found.MessageType, attempts = found.Attempts }), ct);
        await RuntimeRows.NotifyAsync(c, tx, RuntimeRows.OutboxChannel, ct);
        await tx.CommitAsync(ct);
        return RequeueResult.Requeued;
    }
}
