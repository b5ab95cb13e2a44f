using Dapper;
using Npgsql;

namespace DsarEngine.Workflows.Persistence;

internal sealed record StoredConnector(string Name, string[] Actions, int TimeoutHours, bool Enabled)
{
    private StoredConnector() : this("", [], 0, false) { }
}

// The connector registry of one organisation: which systems the fan-out reaches and what each can do.
internal sealed class ConnectorStore(NpgsqlDataSource dataSource)
{
    private const string ListSql = "SELECT name, actions, timeout_hours, enabled FROM connectors WHERE tenant_id = @TenantId ORDER BY name";

    public async Task<IReadOnlyList<StoredConnector>> ListAsync(Guid tenantId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<StoredConnector>(new CommandDefinition(ListSql, new { TenantId = tenantId }, cancellationToken: ct))).AsList();
    }

    private const string UpsertSql = """
        INSERT INTO connectors (tenant_id, name, actions, timeout_hours, enabled, created_at)
        VALUES (@TenantId, @Name, @Actions, @TimeoutHours, @Enabled, @Now)
        ON CONFLICT (tenant_id, name) DO UPDATE SET actions = excluded.actions, timeout_hours = excluded.timeout_hours, enabled = excluded.enabled
        RETURNING (xmax = 0)
        """;

    // True when the connector is new.
    public async Task<bool> UpsertAsync(Guid tenantId, StoredConnector connector, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition(UpsertSql,
            new { TenantId = tenantId, connector.Name, connector.Actions, connector.TimeoutHours, connector.Enabled, Now = now }, cancellationToken: ct));
    }
}
