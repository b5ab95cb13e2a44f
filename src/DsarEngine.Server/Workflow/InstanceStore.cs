using Dapper;
using Npgsql;

namespace DsarEngine.Server.Workflow;

// Reads workflow instances for endpoints, consumers and services, which never open connections themselves. The signal
// processor writes them inside its own transaction (InstanceRows).
internal sealed class InstanceStore(NpgsqlDataSource dataSource)
{
    public async Task<Workflows.Runtime.WorkflowInstance?> FindAsync(Guid tenantId, Guid requestId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return await InstanceRows.FindAsync(c, tenantId, requestId, ct);
    }

    private const string OpenByVersionSql = """
        SELECT definition_id, definition_version, count(*) FROM workflow_instances
        WHERE tenant_id = @TenantId AND status <> 'closed' GROUP BY definition_id, definition_version
        """;

    // The organisation's instances not closed yet, by the definition version they are pinned to (WorkflowVersionsApi).
    public async Task<IReadOnlyDictionary<(string Id, int Version), long>> OpenByVersionAsync(Guid tenantId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        return (await c.QueryAsync<(string Id, int Version, long Open)>(
                new CommandDefinition(OpenByVersionSql, new { TenantId = tenantId }, cancellationToken: ct)))
            .ToDictionary(r => (r.Id, r.Version), r => r.Open);
    }
}
