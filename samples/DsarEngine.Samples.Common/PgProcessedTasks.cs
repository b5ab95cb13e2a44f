using System.Text.Json;
using Dapper;
using DsarEngine.Connectors;
using Npgsql;

namespace DsarEngine.Samples.Common;

// The SDK's memory of final replies, kept in the connector's own schema so it survives a restart.
public sealed class PgProcessedTasks(NpgsqlDataSource db, string schema) : IProcessedTasks
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<ProcessedTask?> FindAsync(string idempotencyKey, string action, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        var json = await c.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            $"SELECT reply::text FROM {schema}.processed_tasks WHERE idempotency_key = @idempotencyKey AND action = @action",
            new { idempotencyKey, action }, cancellationToken: ct));
        return json is null ? null : JsonSerializer.Deserialize<ProcessedTask>(json, Json);
    }

    public async Task SaveAsync(string idempotencyKey, string action, ProcessedTask reply, CancellationToken ct)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO {schema}.processed_tasks (idempotency_key, action, reply) " +
            $"VALUES (@idempotencyKey, @action, @reply::jsonb) ON CONFLICT DO NOTHING",
            new { idempotencyKey, action, reply = JsonSerializer.Serialize(reply, Json) }, cancellationToken: ct));
    }
}
