using System.Text.Json;
using Dapper;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Workflows.Runtime;
using Npgsql;

namespace DsarEngine.Server.ContractEndings;

// Reads of the processor's ends of contract, always scoped by the tenant that asks.
internal sealed partial class ContractEndingStore(NpgsqlDataSource dataSource)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public const string Columns = "id, tenant_id, workspace_key, customer_tenant_id, choice, agreed_on, exceptions::text AS exceptions, " +
        "phase, outcome, certificate::text AS certificate, created_at, created_by, finished_at, bundle_expires_at";

    private const string TaskColumns =
        "task_id, connector, action, status, summary, retained::text AS retained, export::text AS export, due_at, answered_at";

    private const string ListSql = $"SELECT {Columns} FROM contract_endings WHERE tenant_id = @TenantId ORDER BY created_at DESC, id";

    public async Task<IReadOnlyList<StoredEnding>> ListAsync(Guid tenantId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return [.. (await c.QueryAsync<EndingRow>(new CommandDefinition(ListSql, new { TenantId = tenantId }, cancellationToken: ct)))
            .Select(r => r.ToStored())];
    }

    private const string FindSql = $"SELECT {Columns} FROM contract_endings WHERE tenant_id = @TenantId AND id = @Id";

    public async Task<StoredEnding?> FindAsync(Guid tenantId, Guid id, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return (await c.QuerySingleOrDefaultAsync<EndingRow>(
            new CommandDefinition(FindSql, new { TenantId = tenantId, Id = id }, cancellationToken: ct)))?.ToStored();
    }

    // The ends of contract of workspaces that name this customer, by a processor it accepted (processor_links).
    private const string ForCustomerSql = $"""
        SELECT {Columns} FROM contract_endings e
        WHERE e.customer_tenant_id = @CustomerId AND e.tenant_id = (SELECT id FROM tenants WHERE slug = @Processor)
          AND EXISTS (SELECT 1 FROM processor_links l WHERE l.customer_tenant_id = @CustomerId AND l.processor_tenant_id = e.tenant_id)
        ORDER BY e.created_at DESC, e.id
        """;

    public async Task<IReadOnlyList<StoredEnding>> ForCustomerAsync(Guid customerTenantId, string processor, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return [.. (await c.QueryAsync<EndingRow>(new CommandDefinition(ForCustomerSql,
            new { CustomerId = customerTenantId, Processor = processor }, cancellationToken: ct))).Select(r => r.ToStored())];
    }

    private const string TasksSql =
        $"SELECT {TaskColumns} FROM contract_ending_tasks WHERE ending_id = @Id ORDER BY action DESC, connector";

    // The caller has checked that the end of contract is its tenant's (FindAsync / ForCustomerAsync).
    public async Task<IReadOnlyList<EndingTask>> TasksAsync(Guid endingId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await TasksAsync(c, null, endingId, ct);
    }

    public static async Task<IReadOnlyList<EndingTask>> TasksAsync(NpgsqlConnection c, NpgsqlTransaction? tx, Guid endingId,
        CancellationToken ct) =>
        [.. (await c.QueryAsync<TaskRow>(new CommandDefinition(TasksSql, new { Id = endingId }, tx, cancellationToken: ct)))
            .Select(r => r.ToTask())];

    // Dapper reads timestamptz as DateTime (date through DateOnlyHandler), json as text: converted here (the parameterless
    // constructor and init setters, as in LegalHoldStore).
    internal sealed record EndingRow(Guid Id, Guid TenantId, string WorkspaceKey, Guid? CustomerTenantId, string Choice, DateOnly AgreedOn,
        string Exceptions, string Phase, string? Outcome, string? Certificate, DateTime CreatedAt, string CreatedBy, DateTime? FinishedAt,
        DateTime? BundleExpiresAt)
    {
        private EndingRow() : this(default, default, "", null, "", default, "[]", "", null, null, default, "", null, null) { }

        public StoredEnding ToStored() => new(Id, TenantId, WorkspaceKey, CustomerTenantId, Choice, AgreedOn,
            JsonSerializer.Deserialize<LegalHold[]>(Exceptions, Json) ?? [], Phase, Outcome, Certificate, Utc(CreatedAt), CreatedBy,
            FinishedAt is { } f ? Utc(f) : null, BundleExpiresAt is { } b ? Utc(b) : null);
    }

    private sealed record TaskRow(Guid TaskId, string Connector, string Action, string Status, string? Summary, string Retained,
        string? Export, DateTime? DueAt, DateTime? AnsweredAt)
    {
        private TaskRow() : this(default, "", "", "", null, "[]", null, null, null) { }

        public EndingTask ToTask() => new(TaskId, Connector, Action, Status, Summary,
            JsonSerializer.Deserialize<RetainedData[]>(Retained, Json) ?? [],
            Export is null ? null : JsonSerializer.Deserialize<ExportRef>(Export, Json),
            DueAt is { } d ? Utc(d) : null, AnsweredAt is { } a ? Utc(a) : null);
    }

    private static DateTimeOffset Utc(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc));
}
