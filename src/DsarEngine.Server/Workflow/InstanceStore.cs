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
}
