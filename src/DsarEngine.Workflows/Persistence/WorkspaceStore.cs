using Dapper;
using DsarEngine.Workflows.Tenants;
using Npgsql;

namespace DsarEngine.Workflows.Persistence;

// The workspaces a processor tenant hosts for its customers, and its log of requests passed on.
internal sealed class WorkspaceStore(NpgsqlDataSource dataSource)
{
    private const string Columns = "processor_tenant_id, key, display_name, customer_tenant_id, contact_name, contact_email, contact_url, created_at, updated_at";

    private const string FindSql = $"SELECT {Columns} FROM workspaces WHERE processor_tenant_id = @TenantId AND key = @Key";

    public async Task<Workspace?> FindAsync(Guid processorTenantId, string key, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await c.QuerySingleOrDefaultAsync<Workspace>(new CommandDefinition(FindSql, new { TenantId = processorTenantId, Key = key }, cancellationToken: ct));
    }

    private const string ListSql = $"SELECT {Columns} FROM workspaces WHERE processor_tenant_id = @TenantId ORDER BY key";

    public async Task<IReadOnlyList<Workspace>> ListAsync(Guid processorTenantId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return (await c.QueryAsync<Workspace>(new CommandDefinition(ListSql, new { TenantId = processorTenantId }, cancellationToken: ct))).AsList();
    }

    private const string UpsertSql = $"""
        INSERT INTO workspaces ({Columns})
        VALUES (@ProcessorTenantId, @Key, @DisplayName, @CustomerTenantId, @ContactName, @ContactEmail, @ContactUrl, @Now, NULL)
        ON CONFLICT (processor_tenant_id, key) DO UPDATE SET display_name = excluded.display_name, customer_tenant_id = excluded.customer_tenant_id,
            contact_name = excluded.contact_name, contact_email = excluded.contact_email, contact_url = excluded.contact_url, updated_at = @Now
        RETURNING (xmax = 0)
        """;

    // True when the workspace is new.
    public async Task<bool> UpsertAsync(Workspace w, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await c.ExecuteScalarAsync<bool>(new CommandDefinition(UpsertSql, new
        {
            w.ProcessorTenantId, w.Key, w.DisplayName, w.CustomerTenantId, w.ContactName, w.ContactEmail, w.ContactUrl, Now = now,
        }, cancellationToken: ct));
    }

    private const string LogSql = """
        INSERT INTO routing_log (id, tenant_id, workspace_key, right_kind, outcome, customer_tenant_id, routed_request_id, routed_at)
        VALUES (@Id, @TenantId, @WorkspaceKey, @RightKind, @Outcome, @CustomerTenantId, @RoutedRequestId, @At)
        """;

    public static Task LogAsync(NpgsqlConnection c, NpgsqlTransaction tx, RoutingRecord r, CancellationToken ct) =>
        c.ExecuteAsync(new CommandDefinition(LogSql, new
        {
            Id = Guid.CreateVersion7(r.At), r.TenantId, r.WorkspaceKey, r.RightKind, r.Outcome, r.CustomerTenantId, r.RoutedRequestId, r.At,
        }, tx, cancellationToken: ct));

    private const string LogListSql = """
        SELECT id, workspace_key, right_kind, outcome, customer_tenant_id, routed_request_id, routed_at
        FROM routing_log WHERE tenant_id = @TenantId ORDER BY routed_at DESC LIMIT @Limit
        """;

    public async Task<IReadOnlyList<RoutingLogEntry>> LogAsync(Guid tenantId, int limit, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return (await c.QueryAsync<RoutingLogEntry>(new CommandDefinition(LogListSql, new { TenantId = tenantId, Limit = limit }, cancellationToken: ct))).AsList();
    }

    // A referral (the customer is not on this engine): the log entry and the e-mail to the subject, together.
    public async Task ReferAsync(RoutingRecord record, MailDraft? mail, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await LogAsync(c, tx, record, ct);
        if (mail is not null)
            await MailboxStore.EnqueueAsync(c, tx, record.TenantId, null, mail, record.At, ct);
        await tx.CommitAsync(ct);
    }
}

internal sealed record RoutingLogEntry(Guid Id, string WorkspaceKey, string RightKind, string Outcome, Guid? CustomerTenantId, Guid? RoutedRequestId, DateTimeOffset RoutedAt)
{
    private RoutingLogEntry() : this(default, "", "", "", null, null, default) { }
}

// One request passed on by a processor: "forwarded" into a customer tenant here, or "referred" to an outside one.
internal sealed record RoutingRecord(Guid TenantId, string WorkspaceKey, string RightKind, string Outcome, Guid? CustomerTenantId, Guid? RoutedRequestId, DateTimeOffset At);
