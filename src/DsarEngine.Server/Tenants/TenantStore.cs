using Dapper;
using DsarEngine.Workflows.Tenants;
using Npgsql;

namespace DsarEngine.Server.Tenants;

internal sealed class TenantStore(NpgsqlDataSource dataSource)
{
    private const string Columns = "id, slug, name, jurisdiction, time_zone, default_language, allowed_origins, extension_method, " +
        "closure_days::text AS closure_days, role, applicable_law::text AS applicable_law, settings_version";

    private const string FindBySlugSql = $"SELECT {Columns} FROM tenants WHERE slug = @Slug";

    public async Task<Tenant?> FindBySlugAsync(string slug, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Tenant>(
            new CommandDefinition(FindBySlugSql, new { Slug = slug }, cancellationToken: ct));
    }

    private const string FindByIdSql = $"SELECT {Columns} FROM tenants WHERE id = @Id";

    public async Task<Tenant?> FindAsync(Guid id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<Tenant>(
            new CommandDefinition(FindByIdSql, new { Id = id }, cancellationToken: ct));
    }

    private const string AllOriginsSql = "SELECT DISTINCT unnest(allowed_origins) FROM tenants";

    public async Task<IReadOnlyList<string>> AllowedOriginsAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return (await connection.QueryAsync<string>(new CommandDefinition(AllOriginsSql, cancellationToken: ct))).AsList();
    }

    private const string UpsertSql = """
        INSERT INTO tenants (id, slug, name, jurisdiction, time_zone, default_language, allowed_origins, extension_method,
            closure_days, role, created_at)
        VALUES (@Id, @Slug, @Name, @Jurisdiction, @TimeZone, @DefaultLanguage, @AllowedOrigins, @ExtensionMethod,
            @ClosureDays::jsonb, @Role, @CreatedAt)
        ON CONFLICT (slug) DO UPDATE SET name = excluded.name, jurisdiction = excluded.jurisdiction,
            time_zone = excluded.time_zone, default_language = excluded.default_language, allowed_origins = excluded.allowed_origins,
            extension_method = excluded.extension_method, closure_days = excluded.closure_days, role = excluded.role
        RETURNING id
        """;

    public async Task<Guid> UpsertAsync(Tenant tenant, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<Guid>(new CommandDefinition(UpsertSql,
            new
            {
                tenant.Id, tenant.Slug, tenant.Name, tenant.Jurisdiction, tenant.TimeZone, tenant.DefaultLanguage, tenant.AllowedOrigins,
                tenant.ExtensionMethod, tenant.ClosureDays, tenant.Role, CreatedAt = now,
            },
            cancellationToken: ct));
    }

    private const string SetRoleSql = "UPDATE tenants SET role = @Role WHERE id = @Id";

    public async Task SetRoleAsync(Guid id, string role, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(SetRoleSql, new { Id = id, Role = role }, cancellationToken: ct));
    }

    private const string SetClockSql = """
        UPDATE tenants SET jurisdiction = @Jurisdiction, time_zone = @TimeZone, extension_method = @ExtensionMethod WHERE id = @Id
        """;

    // Settings → Regimes: read by intake when a request arrives; a stored request keeps the frame it was received under.
    public async Task SetClockAsync(Guid id, string jurisdiction, string timeZone, string extensionMethod, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(SetClockSql,
            new { Id = id, Jurisdiction = jurisdiction, TimeZone = timeZone, ExtensionMethod = extensionMethod }, cancellationToken: ct));
    }

    private const string SetApplicableLawSql = "UPDATE tenants SET applicable_law = @Law::jsonb WHERE id = @Id";

    // Settings → Applicable law: read by intake when a request arrives; a stored request keeps the law it was received under.
    public async Task<bool> SetApplicableLawAsync(Guid id, string law, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(
            new CommandDefinition(SetApplicableLawSql, new { Id = id, Law = law }, cancellationToken: ct)) == 1;
    }

    private const string SetClosureDaysSql = """
        UPDATE tenants SET closure_days = @Closures::jsonb WHERE id = @Id AND closure_days = @Expected::jsonb
        """;

    // Compare-and-set: false when someone else changed the list since it was read (two admins adding days at once).
    public async Task<bool> SetClosureDaysAsync(Guid id, string expected, string closures, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(SetClosureDaysSql,
            new { Id = id, Expected = expected, Closures = closures }, cancellationToken: ct)) == 1;
    }
}
