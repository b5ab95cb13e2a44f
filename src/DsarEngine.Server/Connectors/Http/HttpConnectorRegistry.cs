using System.Text.Json;
using Dapper;
using Npgsql;

namespace DsarEngine.Server.Connectors.Http;

// Binding is the secret's list of endpoints: every URL the engine sends the secret (or a signature made with it) to
// must be covered by it, not only the registered endpoint (a status URL is the connector's to choose).
internal sealed record HttpConnectorSettings(Uri Endpoint, string SecretRef, string ResultMode, byte[] Secret, ProvisionedSecret Binding)
{
    // The registered endpoint as the engine uses it: relative paths (dsar/v1/tasks, requests) are appended to it.
    public static Uri Normalise(string endpoint) => new(endpoint.TrimEnd('/') + "/");
}

// An HTTP or OpenDSR connector's registration (endpoint, result mode) and its secret, which lives in configuration
// only, provisioned per organisation and bound to endpoints (ConnectorSecrets). Looked up on every use.
internal sealed class HttpConnectorRegistry(NpgsqlDataSource dataSource, ConnectorSecrets secrets)
{
    // Failure codes: they reach the tenant's task details and journal, so they say what happened and nothing about
    // the operator's configuration (no setting names, and no difference between "no such secret" and "not yours").
    public const string NotRegistered = "not-registered";
    public const string SecretUnavailable = "secret-unavailable";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Registration(string? Endpoint, string? SecretRef, string? ResultMode);

    private const string FindSql = """
        SELECT c.http::text FROM connectors c JOIN tenants t ON t.id = c.tenant_id
        WHERE t.slug = @Tenant AND c.name = @Name AND c.kind = @Kind AND c.http IS NOT NULL
        """;

    // Null with a code (NotRegistered, SecretUnavailable) when the connector cannot be called; Reason() words it.
    public async Task<(HttpConnectorSettings? Settings, string? Problem)> FindAsync(
        string tenant, string name, string kind, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        var json = await c.QuerySingleOrDefaultAsync<string>(
            new CommandDefinition(FindSql, new { Tenant = tenant, Name = name, Kind = kind }, cancellationToken: ct));
        if (json is null
            || JsonSerializer.Deserialize<Registration>(json, Json) is not { Endpoint: { } endpoint, SecretRef: { } secretRef } r
            || !Uri.TryCreate(endpoint.TrimEnd('/') + "/", UriKind.Absolute, out _))
            return (null, NotRegistered);
        var url = HttpConnectorSettings.Normalise(endpoint);
        // Checked again at every call: the registration may predate the binding, or the operator may have changed it.
        if (secrets.Find(tenant, secretRef) is not { } secret || !secret.Covers(url))
            return (null, SecretUnavailable);
        return (new HttpConnectorSettings(url, secretRef, r.ResultMode ?? "sync", secret.Value, secret), null);
    }

    public static string Reason(string problem) => problem == SecretUnavailable
        ? "The connector's secret is not one the operator provisioned for this organisation and endpoint; nothing was sent."
        : "No connector of this name and kind is registered for the organisation.";
}
