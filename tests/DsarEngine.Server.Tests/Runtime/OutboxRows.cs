using System.Text.Json;
using Dapper;
using DsarEngine.Connectors.Contracts;
using DsarEngine.Tests.Shared;
using DsarEngine.Server.Platform;
using DsarEngine.Server.Requests;
using DsarEngine.Server.Tenants;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DsarEngine.Server.Tests.Runtime;

// Outbox rows written behind the engine's back, as a signal transaction would write them, and read back.
internal static class OutboxRows
{
    public const string EventType = "DsarEngine.Connectors.Contracts.RequestEventOccurred";

    public sealed record Row(int Attempts, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, DateTimeOffset? DeadAt, string? LastError)
    {
        private Row() : this(0, default, null, null, null) { }
    }

    // A request-closed event: published to its exchange, so nothing needs to consume it for the send to succeed.
    public static string Event(Guid requestId) =>
        JsonSerializer.Serialize(
            new RequestEventOccurred(Guid.NewGuid(), "request-closed", "org", requestId, "DSR-TEST", "access", "completed"),
            JsonSerializerOptions.Web);

    public static async Task<Guid> InsertAsync(string connectionString, Guid tenantId, Guid? requestId, string type, string body,
        DateTimeOffset at, DateTimeOffset? deadAt = null, int attempts = 0, string? lastError = null)
    {
        var id = Guid.NewGuid();
        await using var c = new NpgsqlConnection(connectionString);
        await c.ExecuteAsync("""
            INSERT INTO outbox
                (id, tenant_id, request_id, destination, message_type, body, created_at, next_attempt_at, dead_at, attempts, last_error)
            VALUES (@id, @tenantId, @requestId, NULL, @type, @body::jsonb, @at, @at, @deadAt, @attempts, @lastError);
            SELECT pg_notify('dsar_outbox', '');
            """, new { id, tenantId, requestId, type, body, at, deadAt, attempts, lastError });
        return id;
    }

    public static async Task<Row> ReadAsync(string connectionString, Guid id)
    {
        await using var c = new NpgsqlConnection(connectionString);
        return await c.QuerySingleAsync<Row>("SELECT attempts, next_attempt_at, sent_at, dead_at, last_error FROM outbox WHERE id = @id",
            new { id });
    }

    // A fresh, migrated database with one organisation, for tests that drive the relay themselves.
    public static async Task<(string ConnectionString, ServiceProvider Services, Guid TenantId)> DatabaseAsync()
    {
        var connectionString = await TestDatabase.CreateAsync("dsar_relay");
        var services = new ServiceCollection().AddDsarDatabase(_ => connectionString).AddRequests().AddTenants().BuildServiceProvider();
        await services.GetRequiredService<Migrator>().MigrateAsync();
        var tenantId = Guid.NewGuid();
        await using var c = new NpgsqlConnection(connectionString);
        await c.ExecuteAsync(
            "INSERT INTO tenants (id, slug, name, jurisdiction, time_zone, created_at) "
                + "VALUES (@tenantId, 'relay-org', 'Relay SA', 'FR', 'Europe/Paris', now())", new { tenantId });
        return (connectionString, services, tenantId);
    }
}
