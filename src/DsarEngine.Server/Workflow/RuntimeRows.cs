using Dapper;
using Npgsql;

namespace DsarEngine.Server.Workflow;

// Small statements the signal transaction runs: inbox dedupe, timers, outbox, connectors, wake-ups.
internal static class RuntimeRows
{
    public const string OutboxChannel = "dsar_outbox";
    public const string TimerChannel = "dsar_timers";

    private const string InboxSql = """
        INSERT INTO inbox (consumer, message_id, tenant_id, processed_at) VALUES (@Consumer, @MessageId, @TenantId, @Now)
        ON CONFLICT DO NOTHING
        """;

    public static async Task<bool> FirstDeliveryAsync(NpgsqlConnection c, NpgsqlTransaction tx, string consumer, Guid messageId,
        Guid tenantId, DateTimeOffset now, CancellationToken ct) =>
        await c.ExecuteAsync(new CommandDefinition(InboxSql,
            new { Consumer = consumer, MessageId = messageId, TenantId = tenantId, Now = now }, tx, cancellationToken: ct)) == 1;

    // Ids are derived (request, kind, step, due), so scheduling the same timer twice keeps one row. A row that was
    // cancelled is armed again (timers/rearm cancels the clock's timers, then schedules the same ones); a row that
    // really fired is left alone, so it never fires twice.
    private const string TimerSql = """
        INSERT INTO timers (id, tenant_id, request_id, kind, step_id, due_at, created_at)
        VALUES (@Id, @TenantId, @RequestId, @Kind, @StepId, @DueAt, @Now)
        ON CONFLICT (id) DO UPDATE SET fired_at = NULL, cancelled_at = NULL, attempts = 0, last_error = NULL, due_at = EXCLUDED.due_at
        WHERE timers.cancelled_at IS NOT NULL
        """;

    public static Platform.SqlStatement Schedule(Guid id, Guid tenantId, Guid requestId, string kind, string? stepId,
        DateTimeOffset dueAt, DateTimeOffset now) =>
        new(TimerSql, new { Id = id, TenantId = tenantId, RequestId = requestId, Kind = kind, StepId = stepId, DueAt = dueAt, Now = now });

    // A cancelled timer is marked fired (the poller never sees it again) and cancelled; the row stays as history.
    private const string CancelSql = """
        UPDATE timers SET fired_at = @Now, cancelled_at = @Now
        WHERE request_id = @RequestId AND fired_at IS NULL AND (@Kind = '*' OR kind = @Kind)
          AND (@StepId::text IS NULL OR step_id = @StepId)
        """;

    public static Platform.SqlStatement Cancel(Guid requestId, string kind, string? stepId, DateTimeOffset now) =>
        new(CancelSql, new { RequestId = requestId, Kind = kind, StepId = stepId, Now = now });

    private const string OutboxSql = """
        INSERT INTO outbox (id, tenant_id, request_id, destination, message_type, body, created_at, next_attempt_at)
        VALUES (@Id, @TenantId, @RequestId, @Destination, @MessageType, @Body::jsonb, @Now, @Now) ON CONFLICT (id) DO NOTHING
        """;

    // requestId: null for work that belongs to no request (a processor's end of contract).
    public static Task EnqueueAsync(NpgsqlConnection c, NpgsqlTransaction tx, Guid id, Guid tenantId, Guid? requestId, string? destination,
        string messageType, string body, DateTimeOffset now, CancellationToken ct) =>
        Platform.SqlBatch.ExecuteAsync(c, tx, ct, Enqueue(id, tenantId, requestId, destination, messageType, body, now));

    public static Platform.SqlStatement Enqueue(Guid id, Guid tenantId, Guid? requestId, string? destination, string messageType,
        string body, DateTimeOffset now) =>
        new(OutboxSql, new
        {
            Id = id, TenantId = tenantId, RequestId = requestId, Destination = destination, MessageType = messageType, Body = body,
            Now = now,
        });

    // Delivered at commit: listeners wake only for work that really exists.
    public static Task NotifyAsync(NpgsqlConnection c, NpgsqlTransaction tx, string channel, CancellationToken ct) =>
        Platform.SqlBatch.ExecuteAsync(c, tx, ct, Notify(channel));

    public static Platform.SqlStatement Notify(string channel) => new("SELECT pg_notify(@Channel, '')", new { Channel = channel });

    internal sealed record ConnectorRow(string Name, string[] Actions, int TimeoutHours, string Kind, bool NeedsReview)
    {
        private ConnectorRow() : this("", [], 0, "bus", false) { }
    }

    internal const string ConnectorsSql =
        "SELECT name, actions, timeout_hours, kind, needs_review FROM connectors WHERE tenant_id = @TenantId AND enabled ORDER BY name";

    public static async Task<IReadOnlyList<Workflows.Runtime.ConnectorInfo>> ConnectorsAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, Guid tenantId, CancellationToken ct) =>
        Connectors(await c.QueryAsync<ConnectorRow>(
            new CommandDefinition(ConnectorsSql, new { TenantId = tenantId }, tx, cancellationToken: ct)));

    public static IReadOnlyList<Workflows.Runtime.ConnectorInfo> Connectors(IEnumerable<ConnectorRow> rows) =>
        [.. rows.Select(r => new Workflows.Runtime.ConnectorInfo(r.Name, r.Actions, r.TimeoutHours, r.Kind, r.NeedsReview))];
}
