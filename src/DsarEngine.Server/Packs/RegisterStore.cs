using System.Text.Json;
using Dapper;
using Npgsql;

using DsarEngine.Workflows.Packs;

namespace DsarEngine.Server.Packs;

// One processing register per organisation, as a JSON document its privacy team maintains, and its translations.
internal sealed class RegisterStore(NpgsqlDataSource dataSource)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // The register in the language asked for, else the organisation's default one ('' sorts last in DESC order).
    private const string FindSql = """
        SELECT document::text FROM processing_registers WHERE tenant_id = @TenantId AND language IN (@Language, '')
        ORDER BY language DESC LIMIT 1
        """;

    private const string ExactSql = "SELECT document::text FROM processing_registers WHERE tenant_id = @TenantId AND language = @Language";

    // The register letters in this language are written from: its translation, or the default one.
    public Task<ProcessingRegister?> FindAsync(Guid tenantId, string language, CancellationToken ct) =>
        QueryAsync(FindSql, tenantId, language, ct);

    // The organisation's default register ("" ) or exactly one translation, for the staff API.
    public Task<ProcessingRegister?> FindExactAsync(Guid tenantId, string language, CancellationToken ct) =>
        QueryAsync(ExactSql, tenantId, language, ct);

    private async Task<ProcessingRegister?> QueryAsync(string sql, Guid tenantId, string language, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        var json = await c.QuerySingleOrDefaultAsync<string>(
            new CommandDefinition(sql, new { TenantId = tenantId, Language = language }, cancellationToken: ct));
        return json is null ? null : JsonSerializer.Deserialize<ProcessingRegister>(json, Json);
    }

    private const string UpsertSql = """
        INSERT INTO processing_registers (tenant_id, language, document, updated_at) VALUES (@TenantId, @Language, @Document::jsonb, @Now)
        ON CONFLICT (tenant_id, language) DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at
        """;

    public async Task SaveAsync(Guid tenantId, ProcessingRegister register, DateTimeOffset now, CancellationToken ct, string language = "")
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(UpsertSql,
            new { TenantId = tenantId, Language = language, Document = JsonSerializer.Serialize(register, Json), Now = now },
            cancellationToken: ct));
    }
}
