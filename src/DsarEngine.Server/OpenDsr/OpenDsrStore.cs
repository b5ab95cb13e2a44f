using Dapper;
using Npgsql;

namespace DsarEngine.Server.OpenDsr;

internal sealed record OpenDsrLink(string ControllerId, Guid SubjectRequestId, Guid TenantId, Guid RequestId, string[] CallbackUrls,
    string LastStatus, DateTimeOffset ReceivedAt, DateTimeOffset? CancelledAt)
{
    private OpenDsrLink() : this("", default, default, default, [], "", default, null) { }
}

// The processor side's bookkeeping: which controller request became which engine request, and its callbacks.
internal sealed class OpenDsrStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "controller_id, subject_request_id, tenant_id, request_id, callback_urls, last_status, received_at, cancelled_at";

    private const string LinkSql = """
        INSERT INTO opendsr_requests (controller_id, subject_request_id, tenant_id, request_id, callback_urls, received_at)
        VALUES (@ControllerId, @SubjectRequestId, @TenantId, @RequestId, @CallbackUrls, @ReceivedAt)
        ON CONFLICT (controller_id, subject_request_id) DO NOTHING
        """;

    public async Task LinkAsync(OpenDsrLink link, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(LinkSql, link, cancellationToken: ct));
    }

    private const string FindSql =
        $"SELECT {Columns} FROM opendsr_requests WHERE controller_id = @ControllerId AND subject_request_id = @Id";

    public async Task<OpenDsrLink?> FindAsync(string controllerId, Guid id, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await c.QuerySingleOrDefaultAsync<OpenDsrLink>(
            new CommandDefinition(FindSql, new { ControllerId = controllerId, Id = id }, cancellationToken: ct));
    }

    private const string CancelSql =
        "UPDATE opendsr_requests SET cancelled_at = @Now WHERE controller_id = @ControllerId AND subject_request_id = @Id";

    public async Task CancelAsync(string controllerId, Guid id, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await c.ExecuteAsync(
            new CommandDefinition(CancelSql, new { ControllerId = controllerId, Id = id, Now = now }, cancellationToken: ct));
    }

    private const string OutboundTaskSql = """
        SELECT o.task::text FROM opendsr_outbound o JOIN tenants t ON t.id = o.tenant_id
        WHERE o.subject_request_id = @Id AND t.slug = @Tenant AND o.connector = @Connector
        """;

    // The task this engine sent a processor as controller, as the processor's callback names it (tenant and connector from
    // the callback URL, the subject request id from its body); null when no such request was sent.
    public async Task<DsarEngine.Connectors.Contracts.TaskReference?> OutboundTaskAsync(
        string tenant, string connector, Guid id, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        var json = await c.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            OutboundTaskSql, new { Id = id, Tenant = tenant, Connector = connector }, cancellationToken: ct));
        return json is null
            ? null
            : System.Text.Json.JsonSerializer.Deserialize<DsarEngine.Connectors.Contracts.TaskReference>(json, OpenDsrJson.Options);
    }
}
