using Dapper;
using DsarEngine.Workflows.Tenants;
using Npgsql;
using DsarEngine.Server.Mail;

namespace DsarEngine.Server.Tenants;

// The workspaces a processor tenant hosts for its customers, and its log of requests passed on.
internal sealed class WorkspaceStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "processor_tenant_id, key, display_name, customer_tenant_id, contact_name, contact_email, contact_url, created_at, updated_at";

    private const string FindSql = $"SELECT {Columns} FROM workspaces WHERE processor_tenant_id = @TenantId AND key = @Key";

    public async Task<Workspace?> FindAsync(Guid processorTenantId, string key, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await c.QuerySingleOrDefaultAsync<Workspace>(
            new CommandDefinition(FindSql, new { TenantId = processorTenantId, Key = key }, cancellationToken: ct));
    }

    private const string ListSql = $"SELECT {Columns} FROM workspaces WHERE processor_tenant_id = @TenantId ORDER BY key";

    public async Task<IReadOnlyList<Workspace>> ListAsync(Guid processorTenantId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return (await c.QueryAsync<Workspace>(
            new CommandDefinition(ListSql, new { TenantId = processorTenantId }, cancellationToken: ct))).AsList();
    }

    private const string UpsertSql = $"""
        INSERT INTO workspaces ({Columns})
        VALUES (@ProcessorTenantId, @Key, @DisplayName, @CustomerTenantId, @ContactName, @ContactEmail, @ContactUrl, @Now, NULL)
        ON CONFLICT (processor_tenant_id, key) DO UPDATE SET display_name = excluded.display_name,
            customer_tenant_id = excluded.customer_tenant_id, contact_name = excluded.contact_name,
            contact_email = excluded.contact_email, contact_url = excluded.contact_url, updated_at = @Now
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
        return (await c.QueryAsync<RoutingLogEntry>(
            new CommandDefinition(LogListSql, new { TenantId = tenantId, Limit = limit }, cancellationToken: ct))).AsList();
    }

    // Whether the customer accepts requests forwarded by this processor (processor_links).
    public async Task<bool> AcceptedAsync(Guid customerTenantId, Guid processorTenantId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await c.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM processor_links WHERE customer_tenant_id = @Customer AND processor_tenant_id = @Processor)",
            new { Customer = customerTenantId, Processor = processorTenantId }, cancellationToken: ct));
    }

    public async Task AcceptAsync(Guid customerTenantId, Guid processorTenantId, string actor, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition("""
            INSERT INTO processor_links (customer_tenant_id, processor_tenant_id, accepted_by, accepted_at)
            VALUES (@Customer, @Processor, @Actor, @Now)
            ON CONFLICT (customer_tenant_id, processor_tenant_id) DO NOTHING
            """, new { Customer = customerTenantId, Processor = processorTenantId, Actor = actor, Now = now }, cancellationToken: ct));
    }

    public async Task<bool> RevokeAsync(Guid customerTenantId, Guid processorTenantId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await c.ExecuteAsync(new CommandDefinition(
            "DELETE FROM processor_links WHERE customer_tenant_id = @Customer AND processor_tenant_id = @Processor",
            new { Customer = customerTenantId, Processor = processorTenantId }, cancellationToken: ct)) > 0;
    }

    private const string NamingSql = """
        SELECT t.slug AS processor, t.name AS processor_name, array_agg(w.key ORDER BY w.key) AS workspaces,
               l.accepted_by, l.accepted_at
        FROM workspaces w JOIN tenants t ON t.id = w.processor_tenant_id
        LEFT JOIN processor_links l ON l.customer_tenant_id = w.customer_tenant_id AND l.processor_tenant_id = w.processor_tenant_id
        WHERE w.customer_tenant_id = @Customer
        GROUP BY t.slug, t.name, l.accepted_by, l.accepted_at ORDER BY t.slug
        """;

    // The processors whose workspaces name this organisation as their customer, and whether it accepts their requests.
    public async Task<IReadOnlyList<ProcessorLink>> NamingAsync(Guid customerTenantId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return (await c.QueryAsync<ProcessorLink>(
            new CommandDefinition(NamingSql, new { Customer = customerTenantId }, cancellationToken: ct))).AsList();
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

internal sealed record RoutingLogEntry(
    Guid Id, string WorkspaceKey, string RightKind, string Outcome, Guid? CustomerTenantId, Guid? RoutedRequestId, DateTimeOffset RoutedAt)
{
    private RoutingLogEntry() : this(default, "", "", "", null, null, default) { }
}

// One request passed on by a processor: "forwarded" into a customer tenant here, "referred" to an outside one, or
// "held" in the processor's own inbox while the customer has not accepted the processor's requests.
internal sealed record RoutingRecord(
    Guid TenantId, string WorkspaceKey, string RightKind, string Outcome, Guid? CustomerTenantId, Guid? RoutedRequestId, DateTimeOffset At);

// A processor that names the organisation as a workspace's customer; Accepted* are null until the organisation accepts.
internal sealed record ProcessorLink(
    string Processor, string ProcessorName, string[] Workspaces, string? AcceptedBy, DateTimeOffset? AcceptedAt)
{
    private ProcessorLink() : this("", "", [], null, null) { }

    public bool Accepted => AcceptedAt is not null;
}
