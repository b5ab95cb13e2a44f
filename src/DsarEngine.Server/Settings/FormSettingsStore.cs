using System.Text.Json;
using Dapper;
using Npgsql;

namespace DsarEngine.Server.Settings;

// The form settings of one organisation: form_settings (0029) for what the form offers, tenants.allowed_origins for
// where it may be posted from (CORS and intake read that column).
internal sealed class FormSettingsStore(NpgsqlDataSource dataSource)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Materialised through the parameterless constructor and init setters (text[] columns arrive as Array otherwise).
    private sealed record Row(string[] AllowedOrigins, string DefaultLanguage, string[]? Rights, string? Identities, string[]? Languages)
    {
        private Row() : this([], "", null, null, null) { }
    }

    private const string FindSql = """
        SELECT t.allowed_origins, t.default_language, f.rights, f.identities::text AS identities, f.languages
        FROM tenants t LEFT JOIN form_settings f ON f.tenant_id = t.id WHERE t.id = @TenantId
        """;

    // The form as the organisation set it, or the default one (FormSettings.Default); null for no such organisation.
    // The public form (issue 14) reads this.
    public async Task<FormSettings?> FindAsync(Guid tenantId, CancellationToken ct) =>
        (await FindWithDefaultLanguageAsync(tenantId, ct))?.Form;

    public async Task<(FormSettings Form, string DefaultLanguage)?> FindWithDefaultLanguageAsync(Guid tenantId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            new CommandDefinition(FindSql, new { TenantId = tenantId }, cancellationToken: ct));
        if (row is null)
            return null;
        var form = row.Rights is null
            ? FormSettings.Default(row.AllowedOrigins)
            : new FormSettings(row.Rights, JsonSerializer.Deserialize<FormIdentity[]>(row.Identities ?? "[]", Json) ?? [],
                row.Languages ?? [], row.AllowedOrigins);
        return (form, row.DefaultLanguage);
    }

    private const string SaveSql = """
        INSERT INTO form_settings (tenant_id, rights, identities, languages, updated_at)
        VALUES (@TenantId, @Rights, @Identities::jsonb, @Languages, @Now)
        ON CONFLICT (tenant_id) DO UPDATE SET rights = excluded.rights, identities = excluded.identities,
            languages = excluded.languages, updated_at = excluded.updated_at;
        UPDATE tenants SET allowed_origins = @AllowedOrigins WHERE id = @TenantId;
        """;

    // One statement batch, one transaction: the form and its origins change together or not at all.
    public async Task SaveAsync(Guid tenantId, FormSettings form, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(SaveSql, new
        {
            TenantId = tenantId, form.Rights, Identities = JsonSerializer.Serialize(form.Identities, Json), form.Languages,
            form.AllowedOrigins, Now = now,
        }, transaction, cancellationToken: ct));
        await transaction.CommitAsync(ct);
    }
}
