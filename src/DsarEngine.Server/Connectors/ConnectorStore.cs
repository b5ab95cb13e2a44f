using Dapper;
using Npgsql;

namespace DsarEngine.Server.Connectors;

// A registered connector: what system it reaches, what it holds and may keep, what it can do, how it is reached.
// Retention and Http are JSON text (jsonb); the API layer shapes them. Positional: keep the column order of Columns.
internal sealed record StoredConnector(string Name, string[] Actions, int TimeoutHours, bool Enabled, string Kind, string DisplayName,
    string[] Systems, string[] DataCategories, string Retention, bool NeedsReview, string? Http, DateTimeOffset CreatedAt,
    DateTimeOffset? UpdatedAt, string? BusUser = null)
{
    public const string Columns = "name, actions, timeout_hours, enabled, kind, display_name, systems, data_categories, " +
        "retention::text AS retention, needs_review, http::text AS http, created_at, updated_at, bus_user";

    private StoredConnector() : this("", [], 0, false, "bus", "", [], [], "[]", false, null, default, null, null) { }
}

// The connector registry of one organisation. A connector is disabled rather than deleted: running tasks and
// the journal keep referring to it.
internal sealed class ConnectorStore(NpgsqlDataSource dataSource)
{
    private const string ListSql = $"SELECT {StoredConnector.Columns} FROM connectors WHERE tenant_id = @TenantId ORDER BY name";

    public async Task<IReadOnlyList<StoredConnector>> ListAsync(Guid tenantId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<StoredConnector>(
            new CommandDefinition(ListSql, new { TenantId = tenantId }, cancellationToken: ct))).AsList();
    }

    private const string FindSql = $"SELECT {StoredConnector.Columns} FROM connectors WHERE tenant_id = @TenantId AND name = @Name";

    public async Task<StoredConnector?> FindAsync(Guid tenantId, string name, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<StoredConnector>(
            new CommandDefinition(FindSql, new { TenantId = tenantId, Name = name }, cancellationToken: ct));
    }

    private const string UpsertSql = $"""
        INSERT INTO connectors (tenant_id, name, actions, timeout_hours, enabled, kind, display_name, systems, data_categories,
            retention, needs_review, http, bus_user, created_at)
        VALUES (@TenantId, @Name, @Actions, @TimeoutHours, @Enabled, @Kind, @DisplayName, @Systems, @DataCategories,
            @Retention::jsonb, @NeedsReview, @Http::jsonb, @BusUser, @Now)
        ON CONFLICT (tenant_id, name) DO UPDATE SET actions = excluded.actions, timeout_hours = excluded.timeout_hours,
            enabled = excluded.enabled, kind = excluded.kind, display_name = excluded.display_name, systems = excluded.systems,
            data_categories = excluded.data_categories, retention = excluded.retention, needs_review = excluded.needs_review,
            http = excluded.http, bus_user = excluded.bus_user, updated_at = @Now
        RETURNING (xmax = 0) AS created, {StoredConnector.Columns}
        """;

    // The stored row, and whether it is new.
    public async Task<(bool Created, StoredConnector Connector)> UpsertAsync(
        Guid tenantId, StoredConnector c, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<bool, StoredConnector, (bool, StoredConnector)>(new CommandDefinition(UpsertSql, new
        {
            TenantId = tenantId, c.Name, c.Actions, c.TimeoutHours, c.Enabled, c.Kind, c.DisplayName, c.Systems, c.DataCategories,
            c.Retention, c.NeedsReview, c.Http, c.BusUser, Now = now,
        }, cancellationToken: ct), (created, stored) => (created, stored), splitOn: "name");
        return rows.Single();
    }

    private const string DisableSql = $"""
        UPDATE connectors SET enabled = false, updated_at = @Now WHERE tenant_id = @TenantId AND name = @Name
        RETURNING {StoredConnector.Columns}
        """;

    public async Task<StoredConnector?> DisableAsync(Guid tenantId, string name, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<StoredConnector>(
            new CommandDefinition(DisableSql, new { TenantId = tenantId, Name = name, Now = now }, cancellationToken: ct));
    }
}
