using Dapper;
using Npgsql;

namespace DsarEngine.Server.Tests.TestData;

// Reads the database behind the engine's back, through a connection of its own, to prove what was stored.
internal static class Rows
{
    public static async Task<long> CountAsync(EngineFactory engine, string table, Guid tenantId)
    {
        await using var connection = new NpgsqlConnection(engine.ConnectionString);
        return await connection.ExecuteScalarAsync<long>($"SELECT count(*) FROM {table} WHERE tenant_id = @tenantId", new { tenantId });
    }

    public static async Task<T> ScalarAsync<T>(EngineFactory engine, string sql, object parameters)
    {
        await using var connection = new NpgsqlConnection(engine.ConnectionString);
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    public static async Task<T> SingleAsync<T>(EngineFactory engine, string sql, object parameters)
    {
        await using var connection = new NpgsqlConnection(engine.ConnectionString);
        return await connection.QuerySingleAsync<T>(sql, parameters);
    }

    public static async Task AdminAsync(string sql)
    {
        // The maintenance database: on a fresh cluster no database is named after the role.
        await using var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(DsarEngine.Tests.Shared.TestDatabase.AdminConnectionString) { Database = "postgres" }
                .ConnectionString);
        await connection.ExecuteAsync(sql);
    }
}
