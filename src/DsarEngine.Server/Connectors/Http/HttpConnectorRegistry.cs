using System.Text;
using System.Text.Json;
using Dapper;
using Npgsql;

namespace DsarEngine.Server.Connectors.Http;

internal sealed record HttpConnectorSettings(Uri Endpoint, string SecretRef, string ResultMode, byte[] Secret);

// An HTTP connector's registration (endpoint, result mode) and its secret, which lives in configuration only.
internal sealed class HttpConnectorRegistry(NpgsqlDataSource dataSource, IConfiguration configuration)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Registration(string? Endpoint, string? SecretRef, string? ResultMode);

    private const string FindSql = """
        SELECT c.http::text FROM connectors c JOIN tenants t ON t.id = c.tenant_id
        WHERE t.slug = @Tenant AND c.name = @Name AND c.kind = @Kind AND c.http IS NOT NULL
        """;

    // Null when there is no such connector, or its secret is not configured (the caller says which).
    public async Task<(HttpConnectorSettings? Settings, string? Problem)> FindAsync(string tenant, string name, string kind, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        var json = await c.QuerySingleOrDefaultAsync<string>(new CommandDefinition(FindSql, new { Tenant = tenant, Name = name, Kind = kind }, cancellationToken: ct));
        if (json is null || JsonSerializer.Deserialize<Registration>(json, Json) is not { Endpoint: { } endpoint, SecretRef: { } secretRef } r)
            return (null, $"No {kind} connector '{name}' is registered for the organisation.");
        var secret = configuration[$"Dsar:Connectors:Secrets:{secretRef}"];
        if (secret is null || Encoding.UTF8.GetByteCount(secret) < DsarEngine.Connectors.HttpTaskSignature.MinimumSecretBytes)
            return (null, $"The secret Dsar:Connectors:Secrets:{secretRef} is not configured, or shorter than {DsarEngine.Connectors.HttpTaskSignature.MinimumSecretBytes} bytes.");
        return (new HttpConnectorSettings(new Uri(endpoint.TrimEnd('/') + "/"), secretRef, r.ResultMode ?? "sync", Encoding.UTF8.GetBytes(secret)), null);
    }
}
