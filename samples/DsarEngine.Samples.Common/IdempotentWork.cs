using System.Text.Json;
using Dapper;
using DsarEngine.Connectors;
using Npgsql;

namespace DsarEngine.Samples.Common;

// Does a task's work at most once: the work, and a row naming the task with its result, commit together. A command
// delivered again (the connector was killed after the commit, before the SDK remembered the reply) finds the row
// and answers the same result without touching the data again. Each change done is also logged in `executions`.
public static class IdempotentWork
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<TaskResult> RunAsync(NpgsqlDataSource db, string schema, TaskContext context, string action,
        Func<NpgsqlConnection, NpgsqlTransaction, Task<TaskResult>> work, CancellationToken ct, TimeSpan delay = default)
    {
        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        // The lock makes a concurrent second delivery wait for the first one's commit, then see its row.
        await c.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(hashtext(@key))",
            new { key = $"{schema}:{context.Task.IdempotencyKey}:{action}" }, tx, cancellationToken: ct));
        var done = await c.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            $"SELECT result::text FROM {schema}.operations WHERE idempotency_key = @Key AND action = @Action",
            new { Key = context.Task.IdempotencyKey, Action = action }, tx, cancellationToken: ct));
        if (done is not null)
            return JsonSerializer.Deserialize<TaskResult>(done, Json)!;
        var result = await work(c, tx);
        if (delay > TimeSpan.Zero)
            await Task.Delay(delay, ct);
        await c.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO {schema}.operations (idempotency_key, action, result) VALUES (@Key, @Action, @Result::jsonb)",
            new { Key = context.Task.IdempotencyKey, Action = action, Result = JsonSerializer.Serialize(result, Json) },
            tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO {schema}.executions (task_id, request_id, action) VALUES (@TaskId, @RequestId, @Action)",
            new { context.Task.TaskId, context.Task.RequestId, Action = action }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return result;
    }
}
