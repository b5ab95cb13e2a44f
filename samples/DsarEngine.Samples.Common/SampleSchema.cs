using Dapper;
using Npgsql;

namespace DsarEngine.Samples.Common;

// Each sample owns one schema in a shared samples database. Its DDL is idempotent, so a service creates what is
// missing at start-up; every schema has the same three bookkeeping tables.
public static class SampleSchema
{
    public static string Bookkeeping(string schema) => $"""
        CREATE TABLE IF NOT EXISTS {schema}.operations (
            idempotency_key text NOT NULL,
            action          text NOT NULL,
            result          jsonb NOT NULL,
            at              timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (idempotency_key, action)
        );
        CREATE TABLE IF NOT EXISTS {schema}.processed_tasks (
            idempotency_key text NOT NULL,
            action          text NOT NULL,
            reply           jsonb NOT NULL,
            PRIMARY KEY (idempotency_key, action)
        );
        -- Append-only: one row each time a task's change was really made (not when a delivery found it done), so that a
        -- fault test can count a task done twice, or the same change asked twice under two tasks.
        CREATE TABLE IF NOT EXISTS {schema}.executions (
            task_id    uuid NOT NULL,
            request_id uuid NOT NULL,
            action     text NOT NULL,
            at         timestamptz NOT NULL DEFAULT now()
        );
        """;

    public static async Task EnsureAsync(NpgsqlDataSource db, string schema, string ddl, CancellationToken ct)
    {
        DateOnlyMapping.EnsureConfigured();
        await using var c = await db.OpenConnectionAsync(ct);
        // Two services starting together must not race on CREATE: one lock per schema name.
        await using var tx = await c.BeginTransactionAsync(ct);
        await c.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(hashtext(@schema))", new { schema }, tx, cancellationToken: ct));
        await c.ExecuteAsync(new CommandDefinition(
            $"CREATE SCHEMA IF NOT EXISTS {schema};\n{Bookkeeping(schema)}\n{ddl}", transaction: tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    // Creates the schema, then seeds it once: when the table named by probe already has rows, nothing is added.
    public static async Task SeedOnceAsync(NpgsqlDataSource db, string schema, string ddl, string probe,
        Func<NpgsqlConnection, NpgsqlTransaction, Task> seed, CancellationToken ct)
    {
        await EnsureAsync(db, schema, ddl, ct);
        await using var c = await db.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        if (await c.ExecuteScalarAsync<long>(
            new CommandDefinition($"SELECT count(*) FROM {schema}.{probe}", transaction: tx, cancellationToken: ct)) > 0)
            return;
        await seed(c, tx);
        await tx.CommitAsync(ct);
    }
}
