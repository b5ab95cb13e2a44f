using System.Text.Json;
using Dapper;
using Npgsql;

using DsarEngine.Workflows.Packs;

namespace DsarEngine.Workflows.Persistence;

// One processing register per organisation, as a JSON document its privacy team maintains.
internal sealed class RegisterStore(NpgsqlDataSource dataSource)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string FindSql = "SELECT document::text FROM processing_registers WHERE tenant_id = @TenantId";

    public async Task<ProcessingRegister?> FindAsync(Guid tenantId, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        var json = await c.QuerySingleOrDefaultAsync<string>(new CommandDefinition(FindSql, new { TenantId = tenantId }, cancellationToken: ct));
        return json is null ? null : JsonSerializer.Deserialize<ProcessingRegister>(json, Json);
    }

    private const string UpsertSql = """
        INSERT INTO processing_registers (tenant_id, document, updated_at) VALUES (@TenantId, @Document::jsonb, @Now)
        ON CONFLICT (tenant_id) DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at
        """;

    public async Task SaveAsync(Guid tenantId, ProcessingRegister register, DateTimeOffset now, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(UpsertSql, new { TenantId = tenantId, Document = JsonSerializer.Serialize(register, Json), Now = now }, cancellationToken: ct));
    }
}
