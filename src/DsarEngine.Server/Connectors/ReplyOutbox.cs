using System.Text.Json;
using Dapper;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Server.Workflow;
using Npgsql;

namespace DsarEngine.Server.Connectors;

// A connector's answer that arrived over HTTP (an HTTP connector's result callback, an OpenDSR status callback) is
// written to the outbox, addressed to this engine's own reply queue, in one transaction with the export chunks it
// names, before the caller hears 2xx. So a broker outage loses nothing (the relay sends it when the broker is back),
// and the reply takes the same path, checks and inbox dedupe as one from a bus connector.
// The reply's id is derived from what it answers (the caller says how): a replayed callback finds its row already
// there and stores nothing, not even its export again.
internal sealed class ReplyOutbox(NpgsqlDataSource dataSource, ExportStore exports, TimeProvider clock)
{
    // "@": one of this engine cluster's own queues; the relay adds the cluster's prefix (Dsar:Bus:EndpointPrefix).
    public const string Destination = Queues.Replies;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string RequestTenantSql = """
        SELECT r.tenant_id FROM requests r JOIN tenants t ON t.id = r.tenant_id WHERE r.id = @RequestId AND t.slug = @Tenant
        """;

    private const string LockSql = "SELECT pg_advisory_xact_lock(hashtextextended(@Id::text, 0))";

    private const string ExistsSql = "SELECT EXISTS (SELECT 1 FROM outbox WHERE id = @Id)";

    public enum Outcome
    {
        Recorded,
        AlreadyRecorded,
        UnknownRequest,
    }

    public async Task<Outcome> RecordAsync(
        TaskReference task, Guid replyId, object reply, IReadOnlyList<ExportChunkUploaded> chunks, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        if (await c.QuerySingleOrDefaultAsync<Guid?>(
            new CommandDefinition(RequestTenantSql, new { task.RequestId, task.Tenant }, tx, cancellationToken: ct)) is not { } tenantId)
            return Outcome.UnknownRequest;
        // Under a lock on the reply's id, so that a duplicate sent at the same moment waits, then finds the row.
        await c.ExecuteAsync(new CommandDefinition(LockSql, new { Id = replyId }, tx, cancellationToken: ct));
        if (await c.ExecuteScalarAsync<bool>(new CommandDefinition(ExistsSql, new { Id = replyId }, tx, cancellationToken: ct)))
            return Outcome.AlreadyRecorded;
        var type = reply.GetType();
        await RuntimeRows.EnqueueAsync(c, tx, replyId, tenantId, task.RequestId, Destination, type.FullName!,
            JsonSerializer.Serialize(reply, type, Json), now, ct);
        await exports.StoreChunksAsync(c, tx, tenantId, chunks, now, ct);
        await RuntimeRows.NotifyAsync(c, tx, RuntimeRows.OutboxChannel, ct);
        await tx.CommitAsync(ct);
        return Outcome.Recorded;
    }
}
